import Foundation
import GRDB
import Testing
import VocTestSupport

/// Every account-level command reads the rollups. Their output must not depend on how the rollups came to be: kept
/// batch by batch over several ingests, or summed from the records in one go (`voc rollups --rebuild`, and a
/// store that received the same records in one run).
@Suite struct RollupCommandTests {
    static let commands: [[String]] = [
        ["accounts", "--format", "json"],
        ["account", "NW-1001", "--format", "json"],
        ["account", "IN-4004", "--as-of", "2024-03-12", "--format", "json"],
        ["health", "--format", "json", "--history", "6"],
        ["health", "--as-of", "2024-03-10", "--format", "json", "--by-segment"],
        ["health", "--as-of", "2024-03-20T06:00:00Z", "--format", "csv"],
        ["alerts", "--as-of", "2024-03-20"],
        ["drivers", "--format", "json"],
        ["drivers", "--segment", "high touch", "--format", "csv"],
    ]

    static func outputs(_ store: String) throws -> [String] {
        try commands.map { command in
            let outcome = try VocProcess.run(command, store: store)
            #expect(outcome.status == 0 || outcome.status == 1, "\(command): \(outcome.stderr)")
            return outcome.stdout
        }
    }

    static func copy(_ store: String) throws -> String {
        let copy = VocProcess.temporaryStore()
        try DatabaseQueue(path: store).backup(to: DatabaseQueue(path: copy))
        return copy
    }

    @Test func commandsGiveTheSameOutputWhetherRollupsWereKeptOrSummedAnew() throws {
        let kept = VocProcess.temporaryStore()
        for file in HealthCommandTests.samples { _ = try VocProcess.run(["ingest", file], store: kept) }
        _ = try VocProcess.run(["ingest"] + HealthCommandTests.samples, store: kept)
        _ = try VocProcess.run(["accounts", "import", "corpora/crm/accounts.csv"], store: kept)
        let check = try VocProcess.run(["rollups"], store: kept)
        #expect(check.status == 0 && check.stdout.hasPrefix("rollups match the records"), "\(check.stdout)\(check.stderr)")

        let rebuilt = try Self.copy(kept)
        let outcome = try VocProcess.run(["rollups", "--rebuild"], store: rebuilt)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let once = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest"] + HealthCommandTests.samples, store: once)
        _ = try VocProcess.run(["accounts", "import", "corpora/crm/accounts.csv"], store: once)

        let expected = try Self.outputs(kept)
        #expect(expected[0].contains("\"NW-1001\"") && expected[3].contains("\"score\""))
        #expect(expected[6].split(separator: "\n").count == 33, "the first alerts run finds every alert")
        #expect(try Self.outputs(rebuilt) == expected)
        #expect(try Self.outputs(once) == expected)
    }

    @Test func aChangedRollupIsReportedAndRebuilt() throws {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest"] + HealthCommandTests.samples, store: store)
        try DatabaseQueue(path: store).write { db in
            try db.execute(sql: "UPDATE feedback_rollup SET promoters = promoters + 5 WHERE account_key = 'GX-3003'")
        }
        let check = try VocProcess.run(["rollups"], store: store)
        #expect(check.status == 1)
        #expect(check.stdout.contains("account key GX-3003"))
        #expect(check.stderr.contains("voc rollups --rebuild"))
        #expect(try VocProcess.run(["rollups", "--rebuild"], store: store).status == 0)
        #expect(try VocProcess.run(["rollups"], store: store).status == 0)
    }

    /// How far record alerts have looked, per kind, as the store keeps it.
    static func looked(_ store: String) throws -> [String: String] {
        try DatabaseQueue(path: store).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, value FROM alert_progress").map { ($0[0] as String, $0[1] as String) })
        }
    }

    @Test func alertsRememberHowFarTheyLookedAndStopBeforeRecordsOutsideTheirWindow() throws {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest"] + HealthCommandTests.samples, store: store)
        let newest = try DatabaseQueue(path: store).read { try Int.fetchOne($0, sql: "SELECT MAX(id) FROM feedback") ?? 0 }
        // --since leaves the records before it for a later run: progress stops before the first of them.
        let recent = try VocProcess.run(["alerts", "--since", "2024-03-15", "--as-of", "2024-03-20", "--kind", "detractor"], store: store)
        #expect(recent.status == 1)
        #expect(Int(try Self.looked(store)["records:detractor"] ?? "0")! < newest)
        #expect(try Self.looked(store)["records:churn-intent"] == nil, "a kind not looked for keeps no progress")
        let everything = try VocProcess.run(["alerts", "--as-of", "2024-03-20"], store: store)
        #expect(everything.status == 1)
        let recentIDs = Set(recent.stdout.split(separator: "\n").map { try! HealthCommandTests.json(String($0))["id"] as! String })
        let laterIDs = Set(everything.stdout.split(separator: "\n").map { try! HealthCommandTests.json(String($0))["id"] as! String })
        #expect(recentIDs.isDisjoint(with: laterIDs), "nothing twice")
        #expect(recentIDs.count + laterIDs.count == 33)
        let progress = try Self.looked(store)
        #expect(progress["records:detractor"] == "\(newest)" && progress["records:churn-intent"] == "\(newest)")
        #expect(progress["entered-red"] != nil)
        let again = try VocProcess.run(["alerts", "--as-of", "2024-03-20"], store: store)
        #expect(again.status == 0 && again.stdout.isEmpty)
    }
}
