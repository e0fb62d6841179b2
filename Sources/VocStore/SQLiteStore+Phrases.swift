import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    public func phraseIndexMarks(days: ClosedRange<Int>) throws(VocError) -> PhraseIndexMarks {
        try read { db in try Self.phraseIndexMarks(db, days: days) }
    }

    public func addPhraseCounts(_ counts: [PhraseDayCount], days: ClosedRange<Int>, from: PhraseIndexMarks, through: Int64,
                                extractor: String) throws(VocError) -> Bool {
        try write { db in
            let stored = try Self.phraseIndexMarks(db, days: days)
            if stored.extractor == extractor {
                guard stored == from else { return false }
            } else {
                guard from.through.isEmpty else { return false }
                try db.execute(sql: "DELETE FROM phrase_day; DELETE FROM phrase_day_mark")
                try db.execute(sql: "INSERT OR REPLACE INTO phrase_index (id, extractor) VALUES (1, ?)", arguments: [extractor])
            }
            let add = try db.cachedStatement(sql: """
                INSERT INTO phrase_day (day, phrase, language, mentions) VALUES (?, ?, ?, ?)
                ON CONFLICT (day, phrase, language) DO UPDATE SET mentions = mentions + excluded.mentions
                """)
            for row in counts {
                try add.execute(arguments: [row.day, row.count.phrase, row.count.language ?? "", row.count.mentions])
            }
            let mark = try db.cachedStatement(sql: "INSERT OR REPLACE INTO phrase_day_mark (day, through) VALUES (?, ?)")
            for day in days where from.through[day] ?? 0 < through { try mark.execute(arguments: [day, through]) }
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

    private static func phraseIndexMarks(_ db: Database, days: ClosedRange<Int>) throws -> PhraseIndexMarks {
        let extractor = try String.fetchOne(db, sql: "SELECT extractor FROM phrase_index WHERE id = 1")
        let rows = try Row.fetchAll(db, sql: "SELECT day, through FROM phrase_day_mark WHERE day BETWEEN ? AND ?", arguments: [days.lowerBound, days.upperBound])
        return PhraseIndexMarks(extractor: extractor, through: Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) }))
    }
}
