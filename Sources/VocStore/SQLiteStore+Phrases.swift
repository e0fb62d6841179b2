import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    public func phraseIndexMark() throws(VocError) -> PhraseIndexMark? {
        try read { db in try Self.phraseIndexMark(db) }
    }

    public func addPhraseCounts(_ counts: [PhraseDayCount], from: PhraseIndexMark?, to: PhraseIndexMark) throws(VocError) -> Bool {
        try write { db in
            guard try Self.phraseIndexMark(db) == from else { return false }
            if from?.extractor != to.extractor { try db.execute(sql: "DELETE FROM phrase_day") }
            let add = try db.cachedStatement(sql: """
                INSERT INTO phrase_day (day, phrase, language, mentions) VALUES (?, ?, ?, ?)
                ON CONFLICT (day, phrase, language) DO UPDATE SET mentions = mentions + excluded.mentions
                """)
            for row in counts {
                try add.execute(arguments: [row.day, row.count.phrase, row.count.language ?? "", row.count.mentions])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO phrase_index (id, through, extractor) VALUES (1, ?, ?)", arguments: [to.through, to.extractor])
            return true
        }
    }

    public func phraseCounts(days: ClosedRange<Int>, phrases: [String]?) throws(VocError) -> [PhraseCount] {
        try read { db in
            var sql = "SELECT phrase, language, SUM(mentions) FROM phrase_day WHERE day BETWEEN ? AND ?"
            var arguments: StatementArguments = [days.lowerBound, days.upperBound]
            if let phrases {
                // One JSON array rather than a parameter per phrase: thousands of candidates exceed SQLite's limit.
                sql += " AND phrase IN (SELECT value FROM json_each(?))"
                arguments += [String(decoding: try JSONEncoder().encode(phrases), as: UTF8.self)]
            }
            return try Row.fetchAll(db, sql: sql + " GROUP BY phrase, language", arguments: arguments).map { row in
                let language: String = row[1]
                return PhraseCount(phrase: row[0], language: language.isEmpty ? nil : language, mentions: row[2])
            }
        }
    }

    private static func phraseIndexMark(_ db: Database) throws -> PhraseIndexMark? {
        try Row.fetchOne(db, sql: "SELECT through, extractor FROM phrase_index WHERE id = 1").map { PhraseIndexMark(through: $0[0], extractor: $0[1]) }
    }
}
