import Foundation
import Testing
import VocTestSupport

/// `voc drivers` end to end on a generated export whose answer is known: a topic planted in February in two accounts
/// of one segment, dragging NPS by a set amount.
@Suite struct DriversCommandTests {
    /// 200 responses over four accounts, 100 in January, 100 in February. 40 February responses of A1 and A2
    /// (segment Enterprise) complain about the invoice: 30 score 0, 10 score 8 (NPS −75). The other 160 thank: 80
    /// score 10, 40 score 8, 40 score 5 (NPS 25), spread over every account and both months. Portfolio NPS 5.
    static func store() throws -> String {
        let complaints = ["The invoice was wrong again.", "Our invoice had the wrong amount on it.", "We were charged twice on the last invoice."]
        let thanks = ["Thanks.", "All good here.", "Happy with it so far.", "Nothing to add, thank you.", "We like it a lot."]
        var rows = ["Response ID,Account ID,Submitted At,How likely are you to recommend us? (0-10),Comments"]
        for index in 0..<40 {
            rows.append("b\(index),A\(1 + index % 2),2024-02-\(10 + index % 15),\(index < 30 ? 0 : 8),\(complaints[index % 3]) (ticket \(index))")
        }
        for index in 0..<160 {
            let score = index < 80 ? 10 : index < 120 ? 8 : 5
            let month = index < 100 ? "01" : "02"
            rows.append("t\(index),A\(1 + index % 4),2024-\(month)-\(10 + index % 15),\(score),\"\(thanks[index % 5]) (ref \(index))\"")
        }
        let store = VocProcess.temporaryStore()
        #expect(try VocProcess.run(["ingest", Fixtures.write(rows.joined(separator: "\n") + "\n")], store: store).status == 0)
        let crm = """
            Account ID,Account Name,Segment,CSM
            A1,Alpha,Enterprise,Ana Souza
            A2,Beta,Enterprise,Ana Souza
            A3,Gamma,SMB,Bruno Díaz
            A4,Delta,SMB,Bruno Díaz

            """
        #expect(try VocProcess.run(["accounts", "import", Fixtures.write(crm, name: "crm.csv")], store: store).status == 0)
        return store
    }

    static func drivers(_ arguments: [String], store: String) throws -> (report: [String: Any], drivers: [[String: Any]]) {
        let outcome = try VocProcess.run(["drivers", "--format", "json"] + arguments, store: store)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try HealthCommandTests.json(outcome.stdout)
        return (report, report["drivers"] as? [[String: Any]] ?? [])
    }

    @Test func thePlantedTopicIsTheFirstDriverWithItsKnownCost() throws {
        let store = try Self.store()
        let (report, drivers) = try Self.drivers([], store: store)
        #expect(report["responses"] as? Int == 200 && report["nps"] as? Double == 5)
        let billing = try #require(drivers.first)
        #expect(billing["driver"] as? String == "billing" && billing["kind"] as? String == "topic")
        #expect(billing["mentions"] as? Int == 40 && billing["share"] as? Double == 0.2)
        #expect(billing["nps_with"] as? Double == -75 && billing["nps_without"] as? Double == 25)
        #expect(billing["difference"] as? Double == -100 && billing["impact"] as? Double == 20)
        #expect(billing["established"] as? Bool == true)
        let interval = try #require(billing["difference_ci"] as? [Double])
        #expect(interval[0] < -100 + 40 && interval[1] < -50, "the interval is well below zero: \(interval)")

        let table = try VocProcess.run(["drivers"], store: store).stdout
        #expect(table.contains("key drivers · portfolio · all time · 200 responses · NPS +5.0 (n 200)"))
        #expect(table.split(separator: "\n")[2].hasPrefix("billing"), "\(table)")
    }

    @Test func scopesAndWindowsSelectTheirResponses() throws {
        let store = try Self.store()
        #expect(try Self.drivers(["--segment", "smb"], store: store).drivers.allSatisfy { $0["driver"] as? String != "billing" })
        let enterprise = try Self.drivers(["--csm", "ana souza"], store: store)
        #expect(enterprise.report["responses"] as? Int == 120 && enterprise.drivers.first?["mentions"] as? Int == 40)
        let account = try Self.drivers(["--account", "A1"], store: store)
        #expect(account.report["responses"] as? Int == 60 && account.drivers.first?["mentions"] as? Int == 20)
        #expect(try Self.drivers(["--as-of", "2024-01-31"], store: store).drivers.allSatisfy { $0["driver"] as? String != "billing" },
                "nothing after the as-of day counts")
        let february = try Self.drivers(["--since", "2024-02-01"], store: store)
        #expect(february.report["responses"] as? Int == 100 && february.drivers.first?["mentions"] as? Int == 40)
        #expect(february.drivers.first?["nps_without"] as? Double == 100 * Double(0 - 40) / 60, "February's other 60: 20 score 8, 40 score 5")

        // A window that holds every record gives the all-time answer, summed from the records instead of the rollups.
        let whole = try VocProcess.run(["drivers", "--format", "ndjson", "--since", "2000-01-01"], store: store).stdout
        #expect(whole == (try VocProcess.run(["drivers", "--format", "ndjson"], store: store).stdout))

        let unknown = try VocProcess.run(["drivers", "--account", "A9"], store: store)
        #expect(unknown.status == 2 && unknown.stderr.contains("no feedback for account 'A9'"))
        #expect(try VocProcess.run(["drivers", "--since", "2024-03-01", "--until", "2024-02-01"], store: store).status == 64)
    }

    /// Without NPS answers (an e-mail inbox) sentiment is the basis; the CSV's `difference` is NPS's, as in the JSON
    /// (empty here), and its sentiment columns are the JSON's.
    @Test func csvAndJSONAgreeWhenSentimentIsTheBasis() throws {
        let store = VocProcess.temporaryStore()
        #expect(try VocProcess.run(["ingest", "corpora/email/support_inbox_es_pt_en.mbox"], store: store).status != 2)
        let (report, drivers) = try Self.drivers(["--min-n", "1"], store: store)
        #expect(report["basis"] as? String == "sentiment" && !drivers.isEmpty)
        let csv = try VocProcess.run(["drivers", "--format", "csv", "--min-n", "1"], store: store).stdout.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(csv.first)
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(csv.count == drivers.count + 1)
        // The same number (JSON's text round-trips through another parser, so to 1e-9), or empty for null.
        func same(_ cell: String, _ value: Any?) -> Bool {
            guard let number = value as? Double else { return cell.isEmpty }
            return Double(cell).map { abs($0 - number) < 1e-9 } ?? false
        }
        for (row, driver) in zip(csv.dropFirst(), drivers) {
            #expect(row[column("driver")] == driver["driver"] as? String)
            #expect(driver["difference"] is NSNull && same(row[column("difference")], driver["difference"]), "\(row)")
            #expect(same(row[column("sentiment_difference")], driver["sentiment_difference"]) && !row[column("sentiment_difference")].isEmpty)
        }
    }
}
