import Foundation
import Testing
import VocTestSupport

/// The account directory, health and alerts end to end on the project's sample corpora and CRM export.
@Suite struct HealthCommandTests {
    static let samples = VocProcess.sampleSurveys + ["corpora/xml/responses_es_pt.xml", "corpora/email/support_inbox_es_pt_en.mbox"]

    /// A store with every sample ingested and the CRM export imported.
    static func populatedStore() throws -> String {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest"] + samples, store: store)
        let imported = try VocProcess.run(["accounts", "import", "corpora/crm/accounts.csv"], store: store)
        #expect(imported.status == 1, "the CRM sample has three rows that cannot be imported")
        return store
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    @Test func importingTheCRMExportReportsEveryRowAndMatchesByDomain() throws {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest"] + Self.samples, store: store)
        let result = try VocProcess.run(["accounts", "import", "--format", "json", "corpora/crm/accounts.csv"], store: store)
        #expect(result.status == 1)
        let report = try Self.json(result.stdout)
        #expect(report["read"] as? Int == 10)
        #expect(report["imported"] as? Int == 7)
        #expect(report["rejected"] as? Int == 3)
        let problems = report["problems"] as! [[String: Any]]
        #expect(problems.map { $0["line"] as! Int } == [8, 9, 10, 11])
        #expect((problems[0]["message"] as! String).contains("gmail.com"), "free-mail domains never identify an account")
        #expect(report["unmatched_keys"] as? [String] == ["(unmatched)"], "every company domain in the samples belongs to a directory account")

        let accounts = try VocProcess.run(["accounts", "--format", "json"], store: store)
        let rows = try JSONSerialization.jsonObject(with: Data(accounts.stdout.utf8)) as! [[String: Any]]
        #expect(rows.map { $0["account"] as? String } == ["CT-2002", "GX-3003", "IN-4004", "NW-1001", "UM-5005", "WE-6006", nil])
        #expect(rows.map { $0["responses"] as! Int }.reduce(0, +) == 73, "every accepted record is still counted")
        let contoso = rows[0]
        #expect(contoso["arr"] as? Double == 1_150_000, "R$ 1.150.000,00")
        #expect(contoso["segment"] as? String == "high-touch")
        #expect(contoso["in_directory"] as? Bool == true)
    }

    @Test func healthListsWorstFirstWithRevenueAtRisk() throws {
        let store = try Self.populatedStore()
        let result = try VocProcess.run(["health", "--as-of", "2024-03-20", "--format", "json", "--history", "3"], store: store)
        #expect(result.status == 0)
        let report = try Self.json(result.stdout)
        let accounts = report["accounts"] as! [[String: Any]]
        let scores = accounts.map { $0["score"] as! Double }
        #expect(scores == scores.sorted(), "worst first")
        #expect(accounts.first?["account"] as? String == "IN-4004")
        #expect(accounts.first?["band"] as? String == "red")
        #expect(report["revenue_at_risk"] as? Double == 72_500)
        for account in accounts {
            let measures = account["measures"] as! [[String: Any]]
            let points = measures.map { $0["contribution"] as! Double }.reduce(0, +)
            #expect(abs(points - (account["score"] as! Double)) < 1e-9, "contributions add up to the score")
        }
        #expect((report["history"] as! [[String: Any]]).count == 3 * accounts.count)

        let again = try VocProcess.run(["health", "--as-of", "2024-03-20", "--format", "json", "--history", "3"], store: store)
        #expect(again.stdout == result.stdout, "the same as-of date gives the same result")

        let table = try VocProcess.run(["health", "--as-of", "2024-03-20", "--by-segment"], store: store)
        #expect(table.stdout.contains("[low-touch]"))
        #expect(table.stdout.contains("revenue at risk (ARR of red accounts): 72k"))
    }

    /// `voc account` reads one account's tally only: each account's page says what its row in `voc accounts` says.
    @Test func eachAccountPageAgreesWithTheAccountList() throws {
        let store = try Self.populatedStore()
        let list = try JSONSerialization.jsonObject(with: Data(VocProcess.run(["accounts", "--format", "json"], store: store).stdout.utf8)) as! [[String: Any]]
        #expect(list.count >= 6)
        for row in list {
            let id = row["account"] as? String ?? "(unmatched)"
            let page = try Self.json(VocProcess.run(["account", id, "--format", "json", "--as-of", "2024-03-20"], store: store).stdout)
            #expect(SameJSON.values(page["account"]!, row), "\(id)")
        }
    }

    @Test func accountShowsEachMeasureAndTheDrivingResponses() throws {
        let store = try Self.populatedStore()
        let result = try VocProcess.run(["account", "IN-4004", "--as-of", "2024-03-20", "--drivers", "2"], store: store)
        #expect(result.status == 0)
        #expect(result.stdout.contains("health:    48.2 red"))
        #expect(result.stdout.contains("sentiment_trend"))
        #expect(result.stdout.contains("trace: "))
        #expect(result.stdout.contains("Nightmare. The sync has been broken for two weeks"))
    }

    @Test func alertsAreEmittedOnceAcrossRerunsAndReingests() throws {
        let store = try Self.populatedStore()
        let first = try VocProcess.run(["alerts", "--as-of", "2024-03-20"], store: store)
        #expect(first.status == 1, "new alerts")
        let lines = first.stdout.split(separator: "\n").map { try! Self.json(String($0)) }
        #expect(lines.count == 33)
        #expect(Set(lines.map { $0["id"] as! String }).count == lines.count, "ids are unique")
        #expect(lines.filter { $0["kind"] as? String == "entered-red" }.map { $0["account"] as? String } == ["IN-4004"])
        let detractor = try #require(lines.first { $0["kind"] as? String == "detractor" && $0["account"] as? String == "IN-4004" })
        #expect((detractor["record"] as? [String: Any])?["source"] != nil, "the record behind the alert")

        let second = try VocProcess.run(["alerts", "--as-of", "2024-03-20"], store: store)
        #expect(second.status == 0)
        #expect(second.stdout.isEmpty)
        _ = try VocProcess.run(["ingest"] + Self.samples, store: store)
        let afterReingest = try VocProcess.run(["alerts", "--as-of", "2024-03-21"], store: store)
        #expect(afterReingest.status == 0)
        #expect(afterReingest.stdout.isEmpty)
        let all = try VocProcess.run(["alerts", "--all", "--as-of", "2024-03-21"], store: store)
        #expect(all.stdout.split(separator: "\n").map { try! Self.json(String($0))["id"] as! String } == lines.map { $0["id"] as! String })

        let fresh = try VocProcess.run(["ingest", "-"], stdin: "Response ID,Account,NPS,Date,Comment\nNEW-1,NW-1001,2,2024-03-21,Vamos cancelar o contrato.\n", store: store)
        #expect(fresh.status == 0)
        let third = try VocProcess.run(["alerts", "--as-of", "2024-03-21"], store: store)
        #expect(third.status == 1)
        #expect(third.stdout.split(separator: "\n").map { try! Self.json(String($0))["kind"] as! String } == ["churn-intent", "detractor"])
    }
}
