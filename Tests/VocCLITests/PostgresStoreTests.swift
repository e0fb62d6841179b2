import Dispatch
import Foundation
import PostgresNIO
import Testing
import VocCore
@testable import VocPostgres
import VocStore
import VocTestSupport

/// The PostgreSQL store against a real server that each test starts and stops: the same commands give the same
/// results as SQLite, and concurrent ingesters of overlapping files store every record exactly once.
@Suite struct PostgresStoreTests {
    static let asOf = ["--as-of", "2024-03-20"]

    @Test func everyCommandGivesTheSameResultsAsSQLite() throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let sqlite = VocProcess.temporaryStore()
        for store in [sqlite, server.url] {
            let ingest = try VocProcess.run(["ingest"] + HealthCommandTests.samples, store: store)
            #expect(ingest.stdout.contains("read 87 = accepted 73 + quarantined 10 + skipped 4; 73 new, 0 already stored"), "\(store): \(ingest.stderr)")
            let again = try VocProcess.run(["ingest"] + HealthCommandTests.samples, store: store)
            #expect(again.stdout.contains("0 new, 73 already stored"))
            #expect(try VocProcess.run(["accounts", "import", "corpora/crm/accounts.csv"], store: store).status == 1)
        }
        for command in [["accounts", "--format", "json"], ["account", "IN-4004", "--format", "json"] + Self.asOf,
                        ["health", "--format", "json", "--history", "4"] + Self.asOf, ["quarantine", "--format", "json"],
                        ["drivers", "--format", "json"], ["drivers", "--since", "2024-03-05", "--format", "json"],
                        ["themes", "--as-of", "2024-03-20", "--window", "7", "--min-count", "1", "--format", "json"],
                        ["account", "(unmatched)", "--format", "csv"]] {
            let expected = try VocProcess.run(command, store: sqlite)
            let actual = try VocProcess.run(command, store: server.url)
            #expect(actual.status == expected.status, "\(command)")
            #expect(SameJSON.output(actual.stdout, expected.stdout), "\(command.joined(separator: " ")) differs between SQLite and PostgreSQL")
            #expect(actual.stderr == expected.stderr.replacingOccurrences(of: sqlite, with: server.url))
        }
        let first = try VocProcess.run(["alerts"] + Self.asOf, store: server.url)
        #expect(first.status == 1)
        #expect(first.stdout == (try VocProcess.run(["alerts"] + Self.asOf, store: sqlite)).stdout)
        let second = try VocProcess.run(["alerts"] + Self.asOf, store: server.url)
        #expect(second.status == 0)
        #expect(second.stdout.isEmpty)
    }

    /// The yes/no would-recommend answers are stored, rolled up and reported alike (`RecommendCommandTests`).
    @Test func wouldRecommendIsTheSameAsOnSQLite() throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let sqlite = VocProcess.temporaryStore()
        let file = Fixtures.write(RecommendCommandTests.export, name: "training.csv")
        for store in [sqlite, server.url] { #expect(try VocProcess.run(["ingest", file], store: store).status == 0) }
        for command in [["accounts", "--format", "json"], ["account", "globex.com"], ["export", "records", "--format", "csv"], ["rollups"]] {
            let expected = try VocProcess.run(command, store: sqlite)
            #expect(expected.stdout.contains(command == ["rollups"] ? "rollups match the records" : "recommend"), "\(command)")
            #expect(SameJSON.output(try VocProcess.run(command, store: server.url).stdout, expected.stdout), "\(command.joined(separator: " "))")
        }
    }

    /// First-contact resolution reads the same threads, with the team's replies, from PostgreSQL.
    @Test func firstContactResolutionIsTheSameAsOnSQLite() throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let sqlite = VocProcess.temporaryStore()
        let files = [Fixtures.write(FirstContactCommandTests.mbox, name: "support.mbox"), "corpora/email/support_threads_es_pt_en.mbox"]
        for store in [sqlite, server.url] {
            #expect(try VocProcess.run(["ingest"] + files + ["--team-domain", "acme.example"], store: store).status == 0)
            // Re-ingesting stores each message once.
            #expect(try VocProcess.run(["ingest"] + files + ["--team-domain", "acme.example"], store: store).stdout.contains("; 0 new"))
        }
        for command in [["accounts", "--format", "json", "--as-of", "2024-06-30"], ["account", "b.com", "--as-of", "2024-06-30"],
                        ["account", "initech.es", "--format", "json", "--as-of", "2024-06-30"]] {
            let expected = try VocProcess.run(command, store: sqlite)
            #expect(expected.stdout.contains("fcr") || expected.stdout.contains("FCR:"), "\(command)")
            #expect(SameJSON.output(try VocProcess.run(command, store: server.url).stdout, expected.stdout), "\(command.joined(separator: " "))")
        }
    }

    @Test func theMigratedSchemaDeclaresTheTablesColumnsInOrder() async throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let store = try await PostgresStore(url: server.url)
        func declared(_ table: String) async throws -> [String] {
            try await store.run { connection, logger in
                var columns: [String] = []
                for try await (name, type) in try await connection.query("""
                    SELECT column_name, data_type FROM information_schema.columns WHERE table_name = \(table) ORDER BY ordinal_position
                    """, logger: logger).decode((String, String).self) {
                    columns.append("\(name) \(type)")
                }
                return columns
            }
        }
        #expect(try await declared("feedback") == ["id bigint"] + FeedbackColumn.allCases.map { "\($0.name) \($0.type.postgres)" })
        #expect(try await declared("quarantine") == QuarantineColumn.allCases.map { "\($0.name) \($0.type.postgres)" })
        #expect(try await declared("feedback_answer") == AnswerColumn.allCases.map { "\($0.name) \($0.type.postgres)" })
        #expect(try await declared("survey_question") == QuestionColumn.allCases.map { "\($0.name) \($0.type.postgres)" })
        #expect(try await declared("feedback_aspect") == AspectRatingColumn.allCases.map { "\($0.name) \($0.type.postgres)" })
        #expect(try await declared("team_message") == MailColumn.allCases.map { "\($0.name) \($0.type.postgres)" })
    }

    /// A store whose rollups counted labels only (migration v3) has them rebuilt with their tallies when opened.
    @Test func rollupsThatCountedLabelsOnlyAreRebuiltWhenOpened() async throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        #expect(try VocProcess.run(["ingest"] + HealthCommandTests.samples, store: server.url).stdout.contains("73 new"))
        let store = try await PostgresStore(url: server.url)
        let expected = try await store.storedRollups()
        try await store.run { connection, logger in
            for statement in ["ALTER TABLE feedback_rollup DROP COLUMN sentiment_sq", "ALTER TABLE feedback_rollup_delta DROP COLUMN sentiment_sq",
                              "UPDATE feedback_rollup SET labels = '\\x010100056e6f6973650a'::bytea",
                              "DELETE FROM voc_migration WHERE name = 'v4-rollup-label-tallies'"] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
        let reopened = try await PostgresStore(url: server.url)
        #expect(try await reopened.storedRollups() == expected)
        #expect(expected.groups.values.contains { $0.labels.values.contains { $0.sentimentSquareUnits > 0 } })
    }

    /// A store whose rollups predate aspect labels (v11) has them rebuilt when opened, since it has aspect ratings.
    @Test func rollupsMadeBeforeAspectLabelsAreRebuiltWhenOpened() async throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        #expect(try VocProcess.run(["ingest", "corpora/matrices/googleforms_matrix_pt.csv"] + HealthCommandTests.samples, store: server.url).stdout.contains("169 new"))
        let store = try await PostgresStore(url: server.url)
        let expected = try await store.storedRollups()
        #expect(expected.groups.values.contains { $0.labels.keys.contains { $0.kind == .aspectUnfavourable } })
        #expect(try await store.rollupsFromRecords() == expected)
        try await store.run { connection, logger in
            for statement in ["UPDATE feedback_rollup SET labels = '\\x0200'::bytea", "DELETE FROM voc_migration WHERE name = 'v11-aspect-labels'"] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
        #expect(try await store.storedRollups() != expected)
        let reopened = try await PostgresStore(url: server.url)
        #expect(try await reopened.storedRollups() == expected)
    }

    @Test func groupsAreReadInPagesWithoutLosingOrRepeatingOne() async throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        #expect(try VocProcess.run(["ingest"] + HealthCommandTests.samples, store: server.url).stdout.contains("73 new"))
        let store = try await PostgresStore(url: server.url)
        var whole: [RollupKey] = [], responses = 0
        try await store.forEachRollup(days: true) { key, rollup in whole.append(key); responses += rollup.totals.responses }
        var paged: [RollupKey] = []
        try await store.forEachRollup(days: false, pageSize: 3) { key, _ in paged.append(key) }
        #expect(responses == 73)
        #expect(whole.count > 6 && paged == whole)
        #expect(Set(paged).count == paged.count, "no group twice")
        #expect(try await store.storedRollups() == store.rollupsFromRecords(), "the rollups are the records' sums")

        // The records' topics, kept apart from them, are read by key as SQLite reads them.
        let sqlitePath = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest"] + HealthCommandTests.samples, store: sqlitePath)
        let keys = try await store.feedback(after: nil, limit: 1_000).map(\.key)
        let topics = try await store.topics(keys: keys)
        #expect(keys.count == 73 && topics.count > 10 && topics.values.allSatisfy { $0 == $0.sorted() })
        #expect(try SQLiteStore(path: sqlitePath).topics(keys: keys) == topics)
    }

    @Test func concurrentIngestersOfOverlappingFilesStoreEachRecordOnce() throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let files = HealthCommandTests.samples
        // Four processes at once, each with a different overlapping half of the files (every file is in two of them).
        let groups = (0..<4).map { index in files.indices.filter { ($0 + index) % 4 < 2 }.map { files[$0] } }
        let outcomes = Mutex([VocProcess.Outcome?](repeating: nil, count: groups.count))
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            let outcome = try? VocProcess.run(["ingest", "--format", "ndjson"] + groups[index], store: server.url)
            outcomes.withLock { $0[index] = outcome }
        }
        var newlyStored = 0
        for outcome in outcomes.withLock({ $0 }) {
            let result = try #require(outcome)
            #expect(result.status == 1, "quarantined records are findings, nothing else may fail: \(result.stderr)")
            let summary = try #require(result.stdout.split(separator: "\n").last.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] })
            #expect(summary["balanced"] as? Bool == true)
            newlyStored += summary["new"] as? Int ?? -1
        }
        #expect(newlyStored == 73, "each of the 73 distinct records is stored by exactly one process")
        let totals = try VocProcess.run(["quarantine", "--format", "json"], store: server.url)
        #expect((try JSONSerialization.jsonObject(with: Data(totals.stdout.utf8)) as! [Any]).count == 10)
        let accounts = try VocProcess.run(["accounts", "--format", "json"], store: server.url)
        let rows = try JSONSerialization.jsonObject(with: Data(accounts.stdout.utf8)) as! [[String: Any]]
        #expect(rows.map { $0["responses"] as! Int }.reduce(0, +) == 73)
        let check = try VocProcess.run(["rollups"], store: server.url)
        #expect(check.status == 0, "four writers' rollups add up to the records: \(check.stdout)\(check.stderr)")
    }
}

/// A lock around a value, for collecting results from concurrent work.
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
