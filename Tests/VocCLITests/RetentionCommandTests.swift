import Foundation
import Testing
import VocTestSupport

/// CRM imports kept as dated snapshots, in any order and idempotently, and `voc retention` over them, on both stores.
@Suite struct RetentionCommandTests {
    static let march = ["accounts", "import", "corpora/crm/accounts.csv", "--as-of", "2024-03-31"]
    static let june = ["accounts", "import", "corpora/crm/accounts_2024-06-30.csv", "--as-of", "2024-06-30"]

    @Test func snapshotsInAnyOrderGiveTheRetentionWorkedOutByHand() throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let sqlite = VocProcess.temporaryStore()
        for store in [sqlite, server.url] {
            // June first: the March import that follows is kept as a snapshot and leaves the directory June's.
            let first = try VocProcess.run(Self.june, store: store)
            #expect(first.stdout.contains("snapshot of 2024-06-30 kept; it is the latest, so it is the account directory"), "\(first.stdout)\(first.stderr)")
            for _ in 0..<2 {
                let again = try VocProcess.run(Self.march, store: store)
                #expect(again.stdout.contains("snapshot of 2024-03-31 kept; a later snapshot stays the account directory"))
            }
            let directory = try VocProcess.run(["accounts", "--format", "json"], store: store)
            #expect(directory.status == 0)
            let export = try VocProcess.run(["export", "accounts", "--format", "csv"], store: store)
            #expect(export.status == 0)

            let outcome = try VocProcess.run(["retention", "--format", "json"], store: store)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]], "\(outcome.stderr)")
            #expect(rows.count == 1)
            let quarter = try #require(rows.first)
            #expect(Set(quarter.keys) == ["period_start", "period_end", "start_snapshot", "end_snapshot", "segment", "accounts_start", "churned",
                                          "new", "logo_churn_rate", "arr_start", "churned_arr", "contraction_arr", "expansion_arr", "grr", "nrr"])
            #expect(quarter["period_start"] as? String == "2024-04-01T00:00:00Z" && quarter["segment"] is NSNull)
            // March: 7 accounts (three rows rejected), ARR 1,898,500. June: Globex marked churned, Initech gone (168,500),
            // Contoso down 115,000, Northwind up 36,000; Hooli (rejected in March) and Acme new.
            #expect(quarter["accounts_start"] as? Int == 7 && quarter["churned"] as? Int == 2 && quarter["new"] as? Int == 2)
            #expect(quarter["arr_start"] as? Double == 1_898_500 && quarter["churned_arr"] as? Double == 168_500)
            #expect(quarter["contraction_arr"] as? Double == 115_000 && quarter["expansion_arr"] as? Double == 36_000)
            #expect(abs((quarter["grr"] as? Double ?? 0) - 100 * 1_615_000 / 1_898_500) < 1e-9)
            #expect(abs((quarter["nrr"] as? Double ?? 0) - 100 * 1_651_000 / 1_898_500) < 1e-9)
            #expect(abs((quarter["logo_churn_rate"] as? Double ?? 0) - 100 * 2 / 7.0) < 1e-9)

            let luis = try VocProcess.run(["retention", "--csm", "Luis Ortega", "--format", "csv"], store: store)
            #expect(luis.stdout.contains("2024-07-01T00:00:00Z,,1,1,1,100.0,96000.0,96000.0,0.0,0.0,0.0,0.0"), "\(luis.stdout)")
        }
        for command in [["retention", "--by-segment", "--format", "json"], ["retention", "--period", "month", "--format", "csv"],
                        ["accounts", "--format", "json"]] {
            let expected = try VocProcess.run(command, store: sqlite)
            #expect(SameJSON.output(try VocProcess.run(command, store: server.url).stdout, expected.stdout), "\(command.joined(separator: " "))")
        }
        // The report's overview (and the dashboard's) shows the quarters of the snapshots dated by its as-of day.
        let report = try VocProcess.run(["report", "--html", "-", "--as-of", "2024-07-01"], store: sqlite)
        #expect(report.stdout.contains("<h2>Retention</h2>") && report.stdout.contains("<td class=\"num\">85.1%</td><td class=\"num\">87.0%</td>"),
                "\(report.stderr)")
        let before = try VocProcess.run(["report", "--html", "-", "--as-of", "2024-06-29"], store: sqlite)
        #expect(before.status == 0 && !before.stdout.contains("<h2>Retention</h2>"), "the June snapshot is after that day")
        let table = try VocProcess.run(["retention", "--by-segment"], store: sqlite)
        #expect(table.stdout.contains("low-touch") && table.stdout.contains("GRR%"), "\(table.stdout)")
        let one = VocProcess.temporaryStore()
        _ = try VocProcess.run(Self.march, store: one)
        #expect(try VocProcess.run(["retention"], store: one).stdout.hasPrefix("retention needs two CRM snapshots at least"))
    }
}
