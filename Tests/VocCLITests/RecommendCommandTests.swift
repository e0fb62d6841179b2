import Foundation
import Testing
import VocTestSupport

/// A yes/no "would you recommend us?" question is its own measure: would recommend %, with a Wilson interval, kept
/// from ingest through the rollups to every output that shows NPS, and never counted as NPS.
@Suite struct RecommendCommandTests {
    /// Account acme.com: 40 answers, 30 yes. Account globex.com: 12 answers, 3 yes, and two blank and one N/A that
    /// are no answer.
    static let export: String = {
        var lines = ["Timestamp,Email Address,\"Based on your experience, would you recommend this training to a colleague?\",What could we do better?"]
        for index in 0..<40 {
            lines.append("2024-05-\(String(format: "%02d", 1 + index % 28)) 09:30:00,person\(index)@acme.com,\(index % 4 == 0 ? "No" : "Yes"),More exercises please \(index)")
        }
        for index in 0..<15 {
            let answer = index < 3 ? "Sí" : index < 12 ? "No" : index < 14 ? "" : "N/A"
            lines.append("2024-05-\(String(format: "%02d", 1 + index)) 14:00:00,persona\(index)@globex.com,\(answer),El ritmo fue demasiado rápido \(index)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func wouldRecommendIsReportedWithItsIntervalAndNeverAsNPS() throws {
        let store = VocProcess.temporaryStore()
        let file = Fixtures.write(Self.export, name: "training.csv")
        let ingest = try VocProcess.run(["ingest", file], store: store)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stderr.contains("nps"), "a yes/no recommend question is kept, not reported as a dropped NPS: \(ingest.stderr)")

        let accounts = try VocProcess.run(["accounts", "--format", "json"], store: store)
        let summaries = try #require(try JSONSerialization.jsonObject(with: Data(accounts.stdout.utf8)) as? [[String: Any]])
        let byAccount = Dictionary(uniqueKeysWithValues: summaries.map { ($0["account"] as? String ?? "", $0) })
        // Wilson 95 % intervals: 30 of 40 → [59.81, 85.81]; 3 of 12 → [8.89, 53.23].
        for (account, yes, answered, low, high) in [("acme.com", 30, 40, 59.806, 85.813), ("globex.com", 3, 12, 8.894, 53.231)] {
            let summary = try #require(byAccount[account])
            #expect(summary["nps"] == nil, "\(account): no NPS from a yes/no question")
            let recommend = try #require(summary["recommend"] as? [String: Any], "\(account)")
            #expect(recommend["yes"] as? Int == yes && recommend["answered"] as? Int == answered)
            #expect(abs((recommend["percent"] as? Double ?? 0) - 100 * Double(yes) / Double(answered)) < 1e-9)
            #expect(abs((recommend["ci_low"] as? Double ?? 0) - low) < 0.001 && abs((recommend["ci_high"] as? Double ?? 0) - high) < 0.001)
        }
        #expect((byAccount["acme.com"]?["recommend"] as? [String: Any])?["sufficient"] as? Bool == true)

        let table = try VocProcess.run(["accounts"], store: store)
        #expect(table.stdout.contains("REC%") && table.stdout.contains("75.0") && table.stdout.contains("25.0"), "\(table.stdout)")
        let account = try VocProcess.run(["account", "globex.com"], store: store)
        #expect(account.stdout.contains("recommend: 25.0% would recommend (95% CI [8.9, 53.2], n=12): 3 yes, 9 no"), "\(account.stdout)")

        let records = try VocProcess.run(["export", "records", "--format", "ndjson"], store: store)
        let answers = records.stdout.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["recommend"]
        }
        #expect(answers.count == 55)
        #expect(answers.filter { $0 as? Bool == true }.count == 33 && answers.filter { $0 as? Bool == false }.count == 19)
        #expect(answers.filter { $0 is NSNull }.count == 3, "blank and N/A answers are no answer")

        let check = try VocProcess.run(["rollups"], store: store)
        #expect(check.status == 0 && check.stdout.hasPrefix("rollups match the records"), "\(check.stdout)\(check.stderr)")
        let report = try VocProcess.run(["report", "--html", "-"], store: store)
        #expect(report.stdout.contains("<div class=\"label\">Would recommend</div><div class=\"value\">63.5%</div>"), Comment(rawValue: "33 of 52 in the portfolio"))
        #expect(report.stdout.contains("<div class=\"label\">Would recommend</div><div class=\"value\">25.0%</div>"), Comment(rawValue: "globex.com's page"))
    }
}
