import Foundation
import Testing
import VocTestSupport

/// `voc health --backtest` on a generated history whose answer is known: 20 unhappy accounts (detractors, angry
/// comments) of which 15 churn, 40 happy ones (promoters) of which 3 churn. Accounts of a group give the same answers on
/// the same days, so they score alike and the AUC is worked out by hand.
@Suite struct HealthBacktestTests {
    static func unhappy(_ index: Int) -> Bool { index < 20 }
    static func churns(_ index: Int) -> Bool { index < 15 || (index >= 20 && index < 23) }

    /// Six responses per account in March 2024; with `later`, every account also sends a furious one in May.
    static func feedback(later: Bool) -> String {
        var lines = ["Timestamp,Email Address,How likely are you to recommend us to a friend?,Comments"]
        for index in 0..<60 {
            for day in 1...6 {
                // The same answers in every account of a group; the ticket number only makes the comments distinct.
                lines.append(unhappy(index)
                             ? "2024-03-0\(day) 10:00:00,user\(day)@acct\(index).com,\([0, 1, 2, 3, 2, 1][day - 1]),Terrible support and slow answers on ticket \(index)-\(day). Very frustrating"
                             : "2024-03-0\(day) 10:00:00,user\(day)@acct\(index).com,\([9, 10, 10, 9, 10, 10][day - 1]),Excellent service and a great team on ticket \(index)-\(day). Very happy")
            }
            if later { lines.append("2024-05-10 10:00:00,angry@acct\(index).com,0,Awful on ticket \(index). We are cancelling our subscription") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func snapshot(end: Bool) -> String {
        var lines = ["Account ID,Account Name,Email Domains,Segment,ARR,Status"]
        for index in 0..<60 {
            lines.append("A\(index),Account \(index),acct\(index).com,Mid,1000,\(end && churns(index) ? (index % 2 == 0 ? "Churned" : "Cancelado") : "Active")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func store(later: Bool, url: String? = nil) throws -> String {
        let store = url ?? VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest", Fixtures.write(feedback(later: later), name: "survey.csv")], store: store)
        _ = try VocProcess.run(["accounts", "import", Fixtures.write(snapshot(end: false), name: "march.csv"), "--as-of", "2024-03-31"], store: store)
        _ = try VocProcess.run(["accounts", "import", Fixtures.write(snapshot(end: true), name: "june.csv"), "--as-of", "2024-06-30"], store: store)
        return store
    }

    @Test func theScoreIsCheckedAgainstChurnWithoutSeeingTheFuture() throws {
        let store = try Self.store(later: false)
        let outcome = try VocProcess.run(["health", "--backtest", "--format", "json"], store: store)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], "\(outcome.stderr)")
        let periods = try #require(result["periods"] as? [[String: Any]])
        #expect(periods.count == 1 && periods[0]["accounts"] as? Int == 60 && periods[0]["scored"] as? Int == 60 && periods[0]["churned"] as? Int == 18)
        // Retained beat churned: 37 happy over 15 unhappy (555), ties within a group count half (37·3/2 + 5·15/2).
        let auc = try #require(result["auc"] as? Double)
        #expect(abs(auc - (555 + 55.5 + 37.5) / (42 * 18)) < 1e-12)
        let interval = try #require(result["auc_ci"] as? [Double])
        #expect(interval.count == 2 && interval[0] < auc && auc < interval[1] && interval[1] <= 1)
        let bands = try #require(result["bands"] as? [[String: Any]])
        let byBand = Dictionary(uniqueKeysWithValues: bands.map { ($0["band"] as? String ?? "", $0) })
        // The unhappy accounts score 52.8 (shrunk toward the portfolio: yellow), the happy ones 85.3 (green).
        #expect(byBand["red"]?["accounts"] as? Int == 0 && byBand["red"]?["churn_rate"] is NSNull)
        #expect(byBand["yellow"]?["accounts"] as? Int == 20 && byBand["yellow"]?["churned"] as? Int == 15 && byBand["yellow"]?["churn_rate"] as? Double == 75)
        #expect(abs((byBand["yellow"]?["churn_ci_low"] as? Double ?? 0) - 53.1) < 0.05, "Wilson interval of 15 of 20")
        #expect(byBand["green"]?["accounts"] as? Int == 40 && byBand["green"]?["churned"] as? Int == 3)
        let deciles = try #require(result["calibration"] as? [[String: Any]])
        #expect(deciles.count == 10 && (deciles[0]["churn_rate"] as? Double ?? 0) > (deciles[9]["churn_rate"] as? Double ?? 100))

        // Feedback from after the period's start changes nothing: each account is scored as of the second before it.
        let later = try Self.store(later: true)
        let again = try VocProcess.run(["health", "--backtest", "--format", "json"], store: later)
        #expect(again.stdout == outcome.stdout)
        let now = try VocProcess.run(["health", "--as-of", "2024-06-30", "--format", "json"], store: later)
        #expect(now.stdout != (try VocProcess.run(["health", "--as-of", "2024-06-30", "--format", "json"], store: store)).stdout,
                "the May answers do count for a score as of June")

        let table = try VocProcess.run(["health", "--backtest"], store: store)
        #expect(table.stdout.contains("ROC AUC 0.857") && table.stdout.contains("churn by score decile:"), "\(table.stdout)")

        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let postgres = try VocProcess.run(["health", "--backtest", "--format", "json"], store: try Self.store(later: false, url: server.url))
        #expect(SameJSON.output(postgres.stdout, outcome.stdout), "PostgreSQL gives the same backtest")
    }

    @Test func tooLittleHistoryIsSaidInsteadOfANumber() throws {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest", Fixtures.write(Self.feedback(later: false), name: "survey.csv")], store: store)
        let none = try VocProcess.run(["health", "--backtest"], store: store)
        #expect(none.stdout.hasPrefix("backtest: no period is covered by a CRM snapshot"), "\(none.stdout)")
        var few = Self.snapshot(end: false).split(separator: "\n").map(String.init)
        few[1] = few[1].replacingOccurrences(of: "Active", with: "Churned")
        _ = try VocProcess.run(["accounts", "import", Fixtures.write(Self.snapshot(end: false), name: "march.csv"), "--as-of", "2024-03-31"], store: store)
        _ = try VocProcess.run(["accounts", "import", Fixtures.write(few.joined(separator: "\n") + "\n", name: "june.csv"), "--as-of", "2024-06-30"], store: store)
        let json = try VocProcess.run(["health", "--backtest", "--format", "json"], store: store)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(result["auc"] == nil || result["auc"] is NSNull)
        #expect((result["note"] as? String)?.hasPrefix("too little history: 1 churned and 59 retained") == true)
    }

    /// Weights tuned on the older half of a history are checked on the newer half. Group A answers NPS 0-3 with warm
    /// comments, group B NPS 9-10 with angry ones; in the first two quarters A's accounts churn, in the last two B's.
    /// Weights that favour NPS separate the older half better than weights that favour sentiment, and worse the newer:
    /// the check on the other half shows that the change fitted the half it was tuned on.
    @Test func aWeightChangeTunedOnOneHalfIsCheckedOnTheOther() throws {
        var survey = ["Timestamp,Email Address,How likely are you to recommend us to a friend?,Comments"]
        for index in 0..<40 {
            for day in 1...6 {
                survey.append(index < 20
                              ? "2023-12-0\(day) 10:00:00,user\(day)@acct\(index).com,\([0, 1, 2, 3, 2, 1][day - 1]),Lovely people and excellent support on ticket \(index)-\(day). Very happy"
                              : "2023-12-0\(day) 10:00:00,user\(day)@acct\(index).com,\([9, 10, 10, 9, 10, 10][day - 1]),Terrible slow answers on ticket \(index)-\(day). Very frustrating")
            }
        }
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest", Fixtures.write(survey.joined(separator: "\n") + "\n", name: "survey.csv")], store: store)
        // Five quarter ends; A's accounts 0-4 churn in Q1 and 5-9 in Q2, B's 20-24 in Q3 and 25-29 in Q4.
        let ends = ["2023-12-31", "2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]
        for (quarter, date) in ends.enumerated() {
            let gone = Set((0..<quarter).flatMap { [0..<5, 5..<10, 20..<25, 25..<30][$0] })
            let rows = (0..<40).filter { !gone.contains($0) }.map { "A\($0),acct\($0).com,1000" }
            _ = try VocProcess.run(["accounts", "import", Fixtures.write((["Account ID,Email Domains,ARR"] + rows).joined(separator: "\n") + "\n", name: "crm.csv"),
                                    "--as-of", date], store: store)
        }
        func weights(_ nps: Int, _ sentiment: Int) -> String {
            Fixtures.write("weights:\n  nps: \(nps)\n  csat: 0\n  ces: 0\n  sentiment: \(sentiment)\n  sentiment_trend: 0\n  detractors: 0\n  churn: 0\n  effort: 0\n  recency: 0\n  volume: 0\n",
                           name: "health.yaml")
        }
        func auc(_ config: String, _ half: String) throws -> Double {
            let outcome = try VocProcess.run(["health", "--backtest", "--half", half, "--config", config, "--format", "json"], store: store)
            let result = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], "\(outcome.stderr)")
            #expect((result["periods"] as? [Any])?.count == 2)
            return try #require(result["auc"] as? Double, "\(result["note"] ?? "")")
        }
        let (base, tuned) = (weights(10, 50), weights(50, 10))
        #expect(try auc(tuned, "older") > auc(base, "older"), "tuned on the older half, it helps there")
        #expect(try auc(tuned, "newer") < auc(base, "newer"), "and the newer half shows it does not carry over")
    }
}
