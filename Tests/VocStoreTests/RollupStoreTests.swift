import Foundation
import GRDB
import Testing
@testable import VocStore
import VocCore
import VocIngest
import VocPipeline
import VocScore
import VocTestSupport

/// The rollups the store keeps with the records are the records' sums, whatever way the records came in: file by file,
/// again, in a run that never finished, or in a store made before rollups existed.
@Suite struct RollupStoreTests {
    static let files = ["surveys/generic_en.csv", "surveys/qualtrics_legacy_en.csv", "surveys/excel_cp1252_es.csv", "surveys/googleforms_pt.csv",
                        "email/support_inbox_es_pt_en.mbox", "xml/responses_es_pt.xml"]

    func temporaryStore() throws -> SQLiteStore {
        try SQLiteStore(path: Fixtures.temporaryDirectory().appendingPathComponent("voc.sqlite").path)
    }

    func pipeline(_ store: SQLiteStore) throws -> IngestPipeline {
        IngestPipeline(store: store, vocabulary: try ColumnVocabulary.load(from: Fixtures.lexicons),
                       stripper: try ReplyStripper.load(from: Fixtures.lexicons),
                       analyzer: SentimentAnalyzer(model: try SentimentModel.load(from: Fixtures.lexicons)))
    }

    func ingest(_ files: [String], into store: SQLiteStore) async throws {
        _ = try await pipeline(store).ingest(files.map { InputFile(path: Fixtures.corpora.appendingPathComponent($0).path, walked: false) }, command: "test")
    }

    func deltaRows(_ store: SQLiteStore) throws -> Int {
        try store.queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM feedback_rollup_delta") ?? 0 }
    }

    @Test func theRollupsAreTheRecordsSumsAfterIngestsFileByFileAndAgain() async throws {
        let store = try temporaryStore()
        for file in Self.files { try await ingest([file], into: store) }
        try await ingest(Self.files, into: store)
        let stored = try await store.storedRollups(), expected = try store.rollupsFromRecords()
        #expect(stored == expected)
        #expect(stored.groups.values.reduce(0) { $0 + $1.totals.responses } == (try store.totals().feedback))
        #expect(stored.groups.count > 10)
        #expect(try deltaRows(store) == 0, "each finished run folds its deltas into the groups")

        let once = try temporaryStore()
        try await ingest(Self.files, into: once)
        #expect(try await once.storedRollups() == expected, "the same records in one run give the same rollups")
    }

    @Test func aRunThatNeverFinishedLeavesDeltasThatCountAndAreFoldedLater() async throws {
        let store = try temporaryStore()
        try await ingest(["surveys/generic_en.csv"], into: store)
        // What a killed ingest leaves: a run without an end, and its committed batches (records and their deltas).
        var record = FeedbackRecord(key: "interrupted-1", channel: .survey, position: SourcePosition(file: "x.csv", line: 2, record: 1))
        record.accountID = "NW-1001"
        record.submittedAt = Date(timeIntervalSince1970: 1_710_000_000)
        record.nps = ScaledAnswer(.rating(2), on: RatingScale.nps)
        let run = try await store.startRun(command: "killed")
        #expect(try store.insert(records: [record], quarantined: [], mail: [], run: run) == 0)
        #expect(try deltaRows(store) == 1)
        #expect(try await store.storedRollups() == store.rollupsFromRecords(), "queries merge the deltas in")
        let northwind = try #require(try await AccountDirectoryView(store: store).tally(of: "NW-1001"))
        #expect(northwind.nps.detractors >= 1)
        try await ingest(["surveys/qualtrics_legacy_en.csv"], into: store)
        #expect(try deltaRows(store) == 0, "the next finished run folds them")
        #expect(try await store.storedRollups() == store.rollupsFromRecords())
    }

    @Test func aStoreMadeBeforeRollupsBuildsThemFromItsRecordsWhenOpened() async throws {
        let store = try temporaryStore()
        try await ingest(Self.files, into: store)
        let expected = try await store.storedRollups()
        try await store.queue.write { db in
            try db.execute(sql: """
                DROP TABLE feedback_rollup; DROP TABLE feedback_rollup_delta; DROP TABLE alert_progress; DROP INDEX alert_seq;
                DROP TABLE survey_question; DROP TABLE feedback_answer; DROP TABLE feedback_aspect;
                ALTER TABLE feedback DROP COLUMN recommend_state; ALTER TABLE feedback DROP COLUMN recommend;
                DELETE FROM grdb_migrations WHERE identifier IN ('v6-rollups-alert-progress', 'v7-rollup-label-tallies', 'v8-would-recommend',
                                                                  'v9-open-answers', 'v10-aspect-ratings', 'v14-aspect-labels',
                                                                  'v15-parts-by-record-id');
                """)
        }
        let reopened = try SQLiteStore(path: store.path)
        #expect(try await reopened.storedRollups() == expected)
        try await reopened.queue.write { db in try db.execute(sql: "UPDATE feedback_rollup SET responses = responses + 1 WHERE account_key = 'NW-1001'") }
        #expect(try await reopened.storedRollups() != reopened.rollupsFromRecords(), "a changed rollup no longer matches")
        try reopened.rebuildRollups()
        #expect(try await reopened.storedRollups() == expected)
    }

    /// A store whose rollups counted topics and languages only (v6: labels in version 1, no squared sentiment) has
    /// them rebuilt with the tallies when opened.
    @Test func rollupsThatCountedLabelsOnlyAreRebuiltWithTheirTallies() async throws {
        let store = try temporaryStore()
        try await ingest(Self.files, into: store)
        let expected = try await store.storedRollups()
        #expect(expected.groups.values.contains { $0.labels.keys.contains { $0.kind == .topic } && $0.labels.values.contains { $0.signals.nps.answered > 0 } })
        try await store.queue.write { db in
            try db.execute(sql: """
                ALTER TABLE feedback_rollup DROP COLUMN sentiment_sq; ALTER TABLE feedback_rollup_delta DROP COLUMN sentiment_sq;
                UPDATE feedback_rollup SET labels = x'010100056e6f6973650a';
                DELETE FROM grdb_migrations WHERE identifier = 'v7-rollup-label-tallies';
                """)
        }
        let reopened = try SQLiteStore(path: store.path)
        #expect(try await reopened.storedRollups() == expected)
    }

    /// Each rated aspect of a rating matrix is two labels (its raters, those that rated it unfavourably), on the ingest
    /// path and the records' alike; a store whose rollups predate them (v14) has them rebuilt when opened.
    @Test func rollupsMadeBeforeAspectLabelsAreRebuiltWithThem() async throws {
        let store = try temporaryStore()
        try await ingest(Self.files + ["matrices/googleforms_matrix_pt.csv"], into: store)
        let expected = try await store.storedRollups()
        let labels = expected.groups.values.flatMap(\.labels)
        let billing = RollupLabel(kind: .aspectUnfavourable, label: AspectKey(question: "Quão satisfeito você está com cada um dos itens a seguir?",
                                                                              aspect: "Faturamento", kind: .csat).labelText)
        #expect(labels.filter { $0.key == billing }.reduce(0) { $0 + $1.value.records } == 29, "29 rated billing unfavourably")
        #expect(labels.filter { $0.key.kind == .aspectRated }.reduce(0) { $0 + $1.value.records } == 96 + 96 + 82)
        #expect(try store.rollupsFromRecords() == expected)
        try await store.queue.write { db in
            try db.execute(sql: "UPDATE feedback_rollup SET labels = x'0200'; DELETE FROM grdb_migrations WHERE identifier = 'v14-aspect-labels'")
        }
        #expect(try await store.storedRollups() != expected)
        let reopened = try SQLiteStore(path: store.path)
        #expect(try await reopened.storedRollups() == expected)
    }

    /// Open answers and aspect ratings of a store made before v15 (keyed by their record's key) move to its row id with
    /// every value, and read the same.
    @Test func partsKeyedByRecordKeyMoveToTheRecordsRowIDs() async throws {
        let stem = "How satisfied are you with each of the following?"
        var lines = ["Timestamp,Email,What did we do well?,What should we improve?,\(stem) [Support],\(stem) [Billing]"]
        for index in 0..<40 {
            lines.append("2024-05-\(String(format: "%02d", 1 + index % 28)) 09:00:00,user\(index)@\(index % 2 == 0 ? "acme" : "globex").com,"
                         + "The support team was quick (\(index)),\(index % 3 == 0 ? "" : "Invoices are confusing and wrong (\(index))"),"
                         + "\(index % 5 == 0 ? "Dissatisfied" : "Very satisfied"),\(index % 4 == 0 ? "" : "Satisfied")")
        }
        let file = Fixtures.write(lines.joined(separator: "\n") + "\n", name: "parts.csv")
        let store = try temporaryStore()
        _ = try await pipeline(store).ingest([InputFile(path: file, walked: false)], command: "test")
        let (answers, ratings) = (try store.openAnswers(accountID: nil, domains: ["acme.com"]), try store.aspectRatings(accountID: nil, domains: ["acme.com"]))
        #expect(answers.count == 20 + 13 && ratings.count == 20 + 10)
        let (questions, aspects) = (try store.questionTallies(), try store.aspectTallies())
        try await store.queue.write { db in
            for table in ["feedback_answer", "feedback_aspect"] {
                let columns = try db.columns(in: table).map(\.name).dropFirst().joined(separator: ", p.")
                try db.execute(sql: """
                    CREATE TABLE \(table)_by_key AS SELECT f.key AS feedback_key, p.\(columns) FROM \(table) p JOIN feedback f ON f.id = p.feedback_id;
                    DROP TABLE \(table); ALTER TABLE \(table)_by_key RENAME TO \(table);
                    """)
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v15-parts-by-record-id'")
        }
        let reopened = try SQLiteStore(path: store.path)
        #expect(try await reopened.queue.read { db in try db.columns(in: "feedback_aspect").first?.name } == "feedback_id")
        #expect(try reopened.openAnswers(accountID: nil, domains: ["acme.com"]) == answers)
        #expect(try reopened.aspectRatings(accountID: nil, domains: ["acme.com"]) == ratings)
        #expect(try reopened.questionTallies() == questions && reopened.aspectTallies() == aspects)
    }

    @Test func oneAccountsGroupsAreItsEntriesInTheWholeList() async throws {
        let store = try temporaryStore()
        try await ingest(Self.files, into: store)
        var all: [RollupKey: GroupRollup] = [:]
        try store.forEachRollup(days: false) { all[$0] = $1 }
        let northwind = try store.rollups(accountID: "NW-1001", domains: ["northwind.com"])
        #expect(!northwind.isEmpty)
        for (key, rollup) in northwind {
            #expect(key.accountID == "NW-1001" || key.domain == "northwind.com")
            #expect(all[key] == rollup)
            #expect(rollup.days.count == 0, "a tally does not read the day series")
        }
        #expect(all.filter { $0.key.accountID == "NW-1001" || $0.key.domain == "northwind.com" }.count == northwind.count)
    }
}
