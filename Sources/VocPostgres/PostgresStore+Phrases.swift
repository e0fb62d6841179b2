import PostgresNIO
public import VocCore

extension PostgresStore {
    public func phraseIndexMarks(days: ClosedRange<Int>) async throws(VocError) -> PhraseIndexMarks {
        try await run { connection, logger in try await Self.phraseIndexMarks(connection, logger: logger, days: days) }
    }

    public func addPhraseCounts(_ counts: [PhraseDayCount], days: ClosedRange<Int>, from: PhraseIndexMarks, through: Int64,
                                extractor: String) async throws(VocError) -> Bool {
        try await transaction { connection, logger in
            // Locked, so that two runs counting at once cannot both see the old marks.
            try await connection.query("LOCK TABLE phrase_index IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            let stored = try await Self.phraseIndexMarks(connection, logger: logger, days: days)
            if stored.extractor == extractor {
                guard stored == from else { return false }
            } else {
                guard from.through.isEmpty else { return false }
                try await connection.query("DELETE FROM phrase_day", logger: logger)
                try await connection.query("DELETE FROM phrase_day_mark", logger: logger)
                try await connection.query("""
                    INSERT INTO phrase_index (id, extractor) VALUES (1, \(extractor)) ON CONFLICT (id) DO UPDATE SET extractor = excluded.extractor
                    """, logger: logger)
            }
            // One statement per batch of rows. The counts hold each day, phrase and language once (as ON CONFLICT needs:
            // it may not touch a row twice), and the table lock above orders concurrent writers, so no sorting is needed.
            for start in stride(from: 0, to: counts.count, by: Self.batchRows) {
                let batch = counts[start..<min(start + Self.batchRows, counts.count)]
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
            let moved = days.filter { from.through[$0] ?? 0 < through }
            if !moved.isEmpty {
                try await connection.query(PostgresQuery(unsafeSQL: """
                    INSERT INTO phrase_day_mark (day, through) SELECT day, \(through) FROM unnest($1::integer[]) AS day
                    ON CONFLICT (day) DO UPDATE SET through = excluded.through
                    """, binds: { var binds = PostgresBindings(); binds.append(moved.map(Int32.init)); return binds }()), logger: logger)
            }
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

    private static func phraseIndexMarks(_ connection: PostgresConnection, logger: Logger, days: ClosedRange<Int>) async throws -> PhraseIndexMarks {
        var extractor: String?
        for try await value in try await connection.query("SELECT extractor FROM phrase_index WHERE id = 1", logger: logger).decode(String.self) {
            extractor = value
        }
        var through: [Int: Int64] = [:]
        for try await (day, mark) in try await connection.query("""
            SELECT day, through FROM phrase_day_mark WHERE day BETWEEN \(days.lowerBound) AND \(days.upperBound)
            """, logger: logger).decode((Int32, Int64).self) {
            through[Int(day)] = mark
        }
        return PhraseIndexMarks(extractor: extractor, through: through)
    }
}
