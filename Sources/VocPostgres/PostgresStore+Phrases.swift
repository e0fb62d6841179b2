import PostgresNIO
public import VocCore

extension PostgresStore {
    public func phraseIndexMark() async throws(VocError) -> PhraseIndexMark? {
        try await run { connection, logger in try await Self.phraseIndexMark(connection, logger: logger) }
    }

    public func addPhraseCounts(_ counts: [PhraseDayCount], from: PhraseIndexMark?, to: PhraseIndexMark) async throws(VocError) -> Bool {
        try await transaction { connection, logger in
            // Row-locked, so that two runs counting at once cannot both see the old mark.
            guard try await Self.phraseIndexMark(connection, logger: logger, locking: true) == from else { return false }
            if from?.extractor != to.extractor { try await connection.query("DELETE FROM phrase_day", logger: logger) }
            // One statement per batch of rows, each phrase once per statement (ON CONFLICT may not touch a row twice).
            let sorted = counts.sorted { ($0.day, $0.count.phrase, $0.count.language ?? "") < ($1.day, $1.count.phrase, $1.count.language ?? "") }
            for start in stride(from: 0, to: sorted.count, by: Self.batchRows) {
                let batch = sorted[start..<min(start + Self.batchRows, sorted.count)]
                var binds = PostgresBindings()
                var rows: [String] = []
                for row in batch {
                    binds.append(row.day)
                    binds.append(row.count.phrase)
                    binds.append(row.count.language ?? "")
                    binds.append(row.count.mentions)
                    rows.append("($\(binds.count - 3), $\(binds.count - 2), $\(binds.count - 1), $\(binds.count))")
                }
                try await connection.query(PostgresQuery(unsafeSQL: """
                    INSERT INTO phrase_day (day, phrase, language, mentions) VALUES \(rows.joined(separator: ", "))
                    ON CONFLICT (day, phrase, language) DO UPDATE SET mentions = phrase_day.mentions + excluded.mentions
                    """, binds: binds), logger: logger)
            }
            try await connection.query("""
                INSERT INTO phrase_index (id, through, extractor) VALUES (1, \(to.through), \(to.extractor))
                ON CONFLICT (id) DO UPDATE SET through = excluded.through, extractor = excluded.extractor
                """, logger: logger)
            return true
        }
    }

    public func phraseCounts(days: ClosedRange<Int>, phrases: [String]?) async throws(VocError) -> [PhraseCount] {
        try await run { connection, logger in
            var binds = PostgresBindings()
            binds.append(days.lowerBound)
            binds.append(days.upperBound)
            var sql = "SELECT phrase, language, SUM(mentions)::bigint FROM phrase_day WHERE day BETWEEN $1 AND $2"
            if let phrases {
                binds.append(phrases)
                sql += " AND phrase = ANY($3)"
            }
            var counts: [PhraseCount] = []
            for try await (phrase, language, mentions) in try await connection.query(PostgresQuery(unsafeSQL: sql + " GROUP BY phrase, language", binds: binds),
                                                                                 logger: logger).decode((String, String, Int64).self) {
                counts.append(PhraseCount(phrase: phrase, language: language.isEmpty ? nil : language, mentions: Int(mentions)))
            }
            return counts
        }
    }

    private static func phraseIndexMark(_ connection: PostgresConnection, logger: Logger, locking: Bool = false) async throws -> PhraseIndexMark? {
        // The mark's row exists from the first count on; locking reads take the table lock before it does.
        if locking { try await connection.query("LOCK TABLE phrase_index IN SHARE ROW EXCLUSIVE MODE", logger: logger) }
        for try await (through, extractor) in try await connection.query("SELECT through, extractor FROM phrase_index WHERE id = 1",
                                                                         logger: logger).decode((Int64, String).self) {
            return PhraseIndexMark(through: through, extractor: extractor)
        }
        return nil
    }
}
