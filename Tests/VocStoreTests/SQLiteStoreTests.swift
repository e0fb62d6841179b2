import Foundation
import GRDB
import Testing
@testable import VocStore
import VocCore
import VocIngest
import VocPipeline
import VocScore
import VocTestSupport

@Suite struct SQLiteStoreTests {
    func temporaryStore() throws -> SQLiteStore {
        try SQLiteStore(path: Fixtures.temporaryDirectory().appendingPathComponent("voc.sqlite").path)
    }

    /// Ingests one file into the store as `voc ingest` does, in a run of its own; returns the file's counts.
    func ingest(_ path: String, into store: SQLiteStore) async throws -> IngestCounts {
        let pipeline = IngestPipeline(store: store, vocabulary: try ColumnVocabulary.load(from: Fixtures.lexicons),
                                      stripper: try ReplyStripper.load(from: Fixtures.lexicons),
                                      analyzer: SentimentAnalyzer(model: try SentimentModel.load(from: Fixtures.lexicons)))
        let summaries = try await pipeline.ingest([InputFile(path: path, walked: false)], command: "test")
        return try #require(summaries.first).counts
    }

    @Test func migrationsAreNamedAndTheFileIsInWALMode() throws {
        let store = try temporaryStore()
        let applied = try store.queue.read { try StoreSchema.migrator(location: "test").appliedIdentifiers($0) }.sorted()
        #expect(applied == ["v1-feedback-quarantine-ingest-log", "v2-sentiment-signals-topics", "v3-email-fields", "v4-directory-alerts",
                            "v5-topics-by-record-id", "v6-rollups-alert-progress", "v7-rollup-label-tallies", "v8-would-recommend",
                            "v9-open-answers", "v10-aspect-ratings", "v11-account-snapshots", "v12-snapshot-domains", "v13-mail-threads", "v14-aspect-labels",
                            "v15-parts-by-record-id", "v16-phrase-index"].sorted())
        let mode = try store.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // Reopening an existing store migrates nothing and keeps working.
        _ = try SQLiteStore(path: store.path)
    }

    @Test func topicsOfAStoreMadeBeforeV5AreKeptWhenTheyMoveToRecordIDs() async throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("v4.sqlite").path
        let old = try DatabaseQueue(path: path)
        try StoreSchema.migrator(location: "test").migrate(old, upTo: "v4-directory-alerts")
        try await old.write { db in
            try db.execute(sql: """
                INSERT INTO feedback (key, channel, source_file, account_id, run_id) VALUES
                    ('k1', 'survey', 'a.csv', 'NW-1001', 1), ('k2', 'survey', 'a.csv', 'NW-1001', 1), ('k3', 'survey', 'a.csv', 'GX-3003', 1);
                INSERT INTO feedback_topic (feedback_key, account_id, topic) VALUES
                    ('k1', 'NW-1001', 'billing'), ('k2', 'NW-1001', 'billing'), ('k2', 'NW-1001', 'support'), ('k3', 'GX-3003', 'pricing');
                """)
        }
        try old.close()
        let store = try SQLiteStore(path: path)
        let tallies = try await AccountDirectoryView(store: store).tallies()
        let northwind = try #require(tallies.first { $0.accountID == "NW-1001" })
        #expect(northwind.topics.map { "\($0.topic) \($0.count)" } == ["billing 2", "support 1"])
        #expect(tallies.first { $0.accountID == "GX-3003" }?.topics.map(\.topic) == ["pricing"])
        let columns = try await store.queue.read { try $0.columns(in: "feedback_topic").map(\.name) }
        #expect(columns == ["feedback_id", "topic"])
    }

    @Test func aStoreOfTheFirstReleaseWithoutRowIDsOpensWithItsRecordsAndTopics() async throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("first-release.sqlite").path
        let old = try DatabaseQueue(path: path)
        try StoreSchema.migrator(location: "test").migrate(old, upTo: "v4-directory-alerts")
        try await old.write { db in
            // The first release's feedback table: keyed by `key`, without row ids (its other columns as in v4).
            let create = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'feedback'")!
                .replacingOccurrences(of: "id INTEGER PRIMARY KEY,\n    key TEXT NOT NULL UNIQUE,", with: "key TEXT PRIMARY KEY NOT NULL,") + " WITHOUT ROWID"
            #expect(create.contains("key TEXT PRIMARY KEY NOT NULL,"))
            try db.execute(sql: "DROP TABLE feedback")
            try db.execute(sql: create)
            try db.execute(sql: """
                CREATE INDEX feedback_account ON feedback(account_id, submitted_at);
                INSERT INTO feedback (key, channel, source_file, source_record, account_id, nps_state, nps, run_id) VALUES
                    ('k2', 'survey', 'a.csv', 2, 'NW-1001', 1, 3, 1), ('k1', 'survey', 'a.csv', 1, 'NW-1001', 1, 10, 1),
                    ('k3', 'survey', 'a.csv', 3, 'GX-3003', 1, 9, 1);
                INSERT INTO feedback_topic (feedback_key, account_id, topic) VALUES ('k1', 'NW-1001', 'billing'), ('k3', 'GX-3003', 'pricing');
                """)
        }
        try old.close()
        let store = try SQLiteStore(path: path)
        let tallies = try await AccountDirectoryView(store: store).tallies()
        #expect(tallies.first { $0.accountID == "NW-1001" }?.nps.answered == 2)
        #expect(tallies.first { $0.accountID == "NW-1001" }?.topics.map(\.topic) == ["billing"])
        #expect(tallies.first { $0.accountID == "GX-3003" }?.topics.map(\.topic) == ["pricing"])
        let (ids, indexes) = try await store.queue.read { db in
            (try String.fetchAll(db, sql: "SELECT key FROM feedback ORDER BY id"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'feedback' ORDER BY name"))
        }
        #expect(ids == ["k1", "k2", "k3"], "row ids follow the source order")
        #expect(indexes.contains("feedback_account"))
        #expect(try store.insert(records: [], quarantined: [], mail: [], run: 1) == 0)
    }

    @Test func aRunIntoAnEmptyStoreBuildsTheAccountIndexAtTheEndOrAtTheNextOpen() async throws {
        func hasAccountIndex(_ store: SQLiteStore) throws -> Bool {
            try store.queue.read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'feedback_account')")! }
        }
        let store = try temporaryStore()
        #expect(try hasAccountIndex(store))
        let run = try store.startRun(command: "bulk", at: Date())
        #expect(try !hasAccountIndex(store), "dropped while an empty store is loaded")
        // A run killed here leaves it missing: the next process to open the store builds it.
        #expect(try hasAccountIndex(SQLiteStore(path: store.path)))
        try store.finishRun(run, status: .completed, at: Date())
        #expect(try hasAccountIndex(store))
        _ = try await ingest(Fixtures.corpora.appendingPathComponent("surveys/generic_en.csv").path, into: store)
        _ = try store.startRun(command: "incremental", at: Date())
        #expect(try hasAccountIndex(store), "kept while a store with records grows")
        let plan = try await store.queue.read {
            try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN SELECT * FROM feedback WHERE account_id = 'NW-1001' ORDER BY submitted_at DESC")
                .map { $0["detail"] as String }
        }
        #expect(plan.joined().contains("feedback_account"))
    }

    @Test func aBulkLoadWritesThroughTheRollbackJournalAndLeavesTheWriteAheadLogBehind() async throws {
        @Sendable func journal(_ store: SQLiteStore) throws -> (mode: String?, synchronous: Int?) {
            try store.queue.inDatabase { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
        }
        let store = try temporaryStore()
        let bulk = try store.startRun(command: "bulk", at: Date())
        #expect(try journal(store) == ("delete", 2), "an empty store is loaded through the rollback journal, synced in full")
        try store.finishRun(bulk, status: .completed, at: Date())
        #expect(try journal(store) == ("wal", 1))
        _ = try await ingest(Fixtures.corpora.appendingPathComponent("surveys/generic_en.csv").path, into: store)
        let incremental = try store.startRun(command: "incremental", at: Date())
        #expect(try journal(store) == ("wal", 1), "a store with records keeps its log")
        try store.finishRun(incremental, status: .completed, at: Date())

        // Another connection reading the store: the run neither waits nor fails, and writes through the log.
        let busy = try temporaryStore()
        let reader = try DatabaseQueue(path: busy.path)
        try await reader.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback")
            let run = try busy.startRun(command: "while another connection reads", at: Date())
            #expect(try journal(busy) == ("wal", 1))
            try busy.finishRun(run, status: .completed, at: Date())
        }
        // A store left in the rollback journal (a killed bulk load) is back on the log at the next open.
        let left = try temporaryStore()
        _ = try left.startRun(command: "killed", at: Date())
        #expect(try journal(SQLiteStore(path: left.path)) == ("wal", 1))
    }

    @Test func reingestingTheSameFileAddsNothing() async throws {
        let store = try temporaryStore()
        let path = Fixtures.corpora.appendingPathComponent("surveys/generic_en.csv").path
        let first = try await ingest(path, into: store)
        #expect(first.newlyStored == 13)
        let second = try await ingest(path, into: store)
        #expect(second.accepted == 13)
        #expect(second.alreadyStored == 13)
        #expect(second.newlyStored == 0)
        let totals = try store.totals()
        #expect(totals.feedback == 13)
        #expect(totals.quarantined == 4, "quarantine is idempotent too")
        let runs = try await store.queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ingest_file WHERE status = 'completed'") }
        #expect(runs == 2)
    }

    @Test func talliesAggregatePerAccountWithSkippedAnswersApart() async throws {
        let store = try temporaryStore()
        _ = try await ingest(Fixtures.corpora.appendingPathComponent("surveys/generic_en.csv").path, into: store)
        let tallies = try await AccountDirectoryView(store: store).tallies()
        let northwind = try #require(tallies.first { $0.accountID == "NW-1001" })
        // R-1001..R-1006 are accepted for NW-1001 (R-1007..R-1010 are quarantined): NPS 10, 9, 6, 8, 10 and one blank.
        #expect(northwind.responses == 6)
        #expect(northwind.nps == NPSTally(promoters: 3, passives: 1, detractors: 1, blank: 1, notApplicable: 0))
        #expect(northwind.csat.answered == 5)
        #expect(northwind.csat.notApplicable == 1)
        #expect(northwind.csat.favourable == 3)
        #expect(northwind.csat.scale == .csat5)
        #expect(northwind.lastResponse == Date(timeIntervalSince1970: 1_709_856_000))
        #expect(tallies.last?.accountID == nil, "unmatched feedback is listed last")
        #expect(tallies.map(\.responses).reduce(0, +) == 13)
    }

    @Test func quarantineKeepsPositionReasonAndRawBytes() async throws {
        let store = try temporaryStore()
        _ = try await ingest(Fixtures.corpora.appendingPathComponent("surveys/qualtrics_legacy_en.csv").path, into: store)
        let entries = try store.quarantine()
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.record.reason == .unterminatedQuote)
        #expect(entry.record.position.line == 9)
        #expect(String(decoding: entry.record.raw, as: UTF8.self).hasPrefix("R_0AbCdEfGh7,"))
        #expect(try store.quarantine(reason: .raggedRow).isEmpty)
    }

    @Test func feedbackIsListedNewestFirst() async throws {
        let store = try temporaryStore()
        _ = try await ingest(Fixtures.corpora.appendingPathComponent("surveys/generic_en.csv").path, into: store)
        let view = try await AccountDirectoryView(store: store)
        let feedback = try await view.feedback(account: "IN-4004", limit: 10)
        // R-1013 and R-1014 share a date: ties go by file line.
        #expect(feedback.map(\.responseID) == ["R-1017", "R-1013", "R-1014", "R-1012", "R-1011"])
        #expect(try await view.feedback(account: nil, limit: 10).map(\.respondentEmail) == ["sam.taylor@gmail.com"])
    }

    @Test func theDirectoryFoldsDomainKeysIntoAccountsAndKeepsTheRest() async throws {
        let store = try temporaryStore()
        for file in ["surveys/generic_en.csv", "surveys/qualtrics_legacy_en.csv"] {
            _ = try await ingest(Fixtures.corpora.appendingPathComponent(file).path, into: store)
        }
        let before = try await AccountDirectoryView(store: store).tallies()
        #expect(before.contains { $0.accountID == "northwind.com" }, "without a directory, e-mail from northwind.com is its own key")
        try store.replaceDirectory([
            DirectoryAccount(id: "NW-1001", name: "Northwind Traders", domains: ["northwind.com"], segment: "high-touch", arr: 240_000),
            DirectoryAccount(id: "IN-4004", name: "Initech Iberia", domains: ["initech.es"]),
        ])
        #expect(try store.directory().map(\.id) == ["IN-4004", "NW-1001"])
        #expect(try store.directory().first?.domains == ["initech.es"])
        let view = try await AccountDirectoryView(store: store)
        let after = try await view.tallies()
        #expect(!after.contains { $0.accountID == "northwind.com" })
        let northwind = try #require(after.first { $0.accountID == "NW-1001" })
        let beforeNorthwind = before.filter { $0.accountID == "NW-1001" || $0.accountID == "northwind.com" }.map(\.responses).reduce(0, +)
        #expect(northwind.responses == beforeNorthwind)
        #expect(after.map(\.responses).reduce(0, +) == before.map(\.responses).reduce(0, +), "nothing is lost by matching")
        #expect(try await view.feedback(account: "NW-1001", limit: 100).count == northwind.responses)
        let signals = try await view.signals(account: "NW-1001")
        #expect(signals.count == northwind.responses)
        #expect(signals.allSatisfy { $0.accountID == "NW-1001" && $0.respondentEmail == nil }, "the address is dropped once the account is resolved")
        var groups: [String?: Int] = [:]
        try await view.forEachRollup { rollup, account in groups[account, default: 0] += rollup.totals.responses }
        #expect(groups["NW-1001"] == northwind.responses)
        #expect(groups.values.reduce(0, +) == after.map(\.responses).reduce(0, +))
        try store.replaceDirectory([DirectoryAccount(id: "IN-4004")])
        #expect(try store.directory().count == 1, "an import replaces the directory")
    }

    /// One account's tally, read from the records that can be its own only, is its entry in the full list: with
    /// and without a directory, matched by id or by domain, and for the feedback matched to no account.
    @Test func oneAccountsTallyIsItsEntryInTheFullList() async throws {
        let store = try temporaryStore()
        for file in ["surveys/generic_en.csv", "surveys/qualtrics_legacy_en.csv", "surveys/excel_cp1252_es.csv"] {
            _ = try await ingest(Fixtures.corpora.appendingPathComponent(file).path, into: store)
        }
        for directory in [[], [DirectoryAccount(id: "NW-1001", domains: ["northwind.com"]), DirectoryAccount(id: "IN-4004", domains: ["initech.es"])]] {
            try store.replaceDirectory(directory)
            let view = try await AccountDirectoryView(store: store)
            let all = try await view.tallies()
            let unmatched = try await view.tally(of: nil)
            #expect(all.count >= 3 && all.contains { $0.accountID == nil } == (unmatched != nil))
            for tally in all {
                var one = try #require(try await view.tally(of: tally.accountID), "\(tally.accountID ?? "(none)")")
                // The sentiment sum is a sum of doubles, taken in the order of another query plan: equal to 1e-12.
                #expect(abs(one.sentimentSum - tally.sentimentSum) < 1e-12 && abs(one.sentimentSquareSum - tally.sentimentSquareSum) < 1e-12)
                (one.sentimentSum, one.sentimentSquareSum) = (tally.sentimentSum, tally.sentimentSquareSum)
                #expect(one == tally, "\(tally.accountID ?? "(none)")")
            }
            let unknown = try await view.tally(of: "NO-SUCH-ACCOUNT")
            #expect(unknown == nil)
        }
    }

    @Test func alertsAreRecordedOnceAndNotRecordedWhenDeliveryFails() throws {
        let store = try temporaryStore()
        let alerts = [Alert(id: "detractor-1", kind: .detractor, account: "A", reason: "NPS 3", recordKey: "k1"),
                      Alert(id: "churn-intent-1", kind: .churnIntent, account: "A", reason: "churn", recordKey: "k1")]
        let all = Set(Alert.Kind.allCases)
        struct DeliveryFailed: Error {}
        let looked = AlertProgress(recordsLooked: [.detractor: 12])
        #expect(throws: VocError.self) { try store.recordNewAlerts(alerts, at: Date(), progress: looked) { _ in throw DeliveryFailed() } }
        #expect(try store.emittedAlerts(kinds: all, after: 0, limit: 10).isEmpty, "an undelivered alert is not recorded")
        #expect(try store.alertProgress() == AlertProgress(), "nor is the progress that came with it")
        #expect(try store.recordNewAlerts(alerts, at: Date(), progress: looked) { _ in }.map(\.id) == ["detractor-1", "churn-intent-1"])
        #expect(try store.recordNewAlerts(alerts + [Alert(id: "x", kind: .enteredRed, account: "B", reason: "red")], at: Date(),
                                          progress: AlertProgress(recordsLooked: [.detractor: 5, .churnIntent: 7], enteredRedChecked: "f")) { _ in }.map(\.id) == ["x"])
        #expect(try store.alertProgress() == AlertProgress(recordsLooked: [.detractor: 12, .churnIntent: 7], enteredRedChecked: "f"),
                "positions only move forward")
        #expect(try store.emittedAlerts(kinds: all, after: 0, limit: 10).map(\.alert.id) == ["detractor-1", "churn-intent-1", "x"])
        let page = try store.emittedAlerts(kinds: [.detractor, .enteredRed], after: 0, limit: 1)
        #expect(page.map(\.alert.id) == ["detractor-1"])
        #expect(try store.emittedAlerts(kinds: [.detractor, .enteredRed], after: page[0].sequence, limit: 5).map(\.alert.id) == ["x"])
    }
}
