import Foundation
import Testing
import VocTestSupport

/// `voc drivers --by aspect` end to end on an export whose answer is known: the rows of a satisfaction matrix set
/// against NPS, those that rated an aspect unfavourably against those that rated it favourably; both stores agree, and
/// the rollups (all time) agree with the records summed for a window.
@Suite struct AspectDriversCommandTests {
    /// 200 responses over two domains, March 2024. Billing is rated "Dissatisfied" by every fourth respondent (50): 30
    /// score 3, 10 score 7, 10 score 9 (NPS −40); the other 150 rate it "Satisfied": 90 score 10, 45 score 8, 15 score 2
    /// (NPS +50). Raters' NPS +27.5, so the impact is 50 − 27.5 = 22.5 points and the difference −90. Support is rated
    /// "Very dissatisfied" by every fifth respondent, whatever their score; Onboarding is left blank by every tenth.
    static let export: String = {
        let stem = "How satisfied are you with each of the following?"
        var lines = ["Timestamp,Email,How likely are you to recommend us to a friend?,\(stem) [Support],\(stem) [Billing],\(stem) [Onboarding],Comments"]
        var unhappy = 0, happy = 0
        for index in 0..<200 {
            let billingBad = index % 4 == 0
            let score: Int
            if billingBad {
                score = unhappy < 30 ? 3 : unhappy < 40 ? 7 : 9
                unhappy += 1
            } else {
                score = happy < 90 ? 10 : happy < 135 ? 8 : 2
                happy += 1
            }
            let day = String(format: "%02d", 1 + index % 28)
            lines.append("2024-03-\(day) 10:00:00,user\(index)@\(index % 2 == 0 ? "acme" : "globex").com,\(score),"
                         + "\(index % 5 == 0 ? "Very dissatisfied" : "Satisfied"),\(billingBad ? "Dissatisfied" : "Satisfied"),"
                         + "\(index % 10 == 0 ? "" : "Very satisfied"),\"Response \(index): \(billingBad ? "the invoice was confusing" : "all fine with the service")\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static func drivers(_ arguments: [String], store: String) throws -> [[String: Any]] {
        let outcome = try VocProcess.run(["drivers", "--by", "aspect", "--format", "json"] + arguments, store: store)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try HealthCommandTests.json(outcome.stdout)
        #expect(report["by"] as? String == "aspect")
        return report["drivers"] as? [[String: Any]] ?? []
    }

    @Test func theAspectRatedBadlyIsTheDriverWithItsKnownCostOnBothStores() throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let sqlite = VocProcess.temporaryStore()
        let file = Fixtures.write(Self.export, name: "matrix.csv")
        for store in [sqlite, server.url] {
            #expect(try VocProcess.run(["ingest", file], store: store).status == 0)
            let drivers = try Self.drivers([], store: store)
            #expect(drivers.map { $0["driver"] as? String } == ["Billing", "Support", "Onboarding"], "\(drivers)")
            let billing = drivers[0]
            #expect(billing["kind"] as? String == "aspect" && billing["question"] as? String == "How satisfied are you with each of the following?")
            #expect(billing["mentions"] as? Int == 50 && billing["rated"] as? Int == 200 && billing["share"] as? Double == 0.25)
            #expect(billing["nps_with"] as? Double == -40 && billing["nps_without"] as? Double == 50)
            #expect(billing["difference"] as? Double == -90 && billing["impact"] as? Double == 22.5)
            #expect(billing["established"] as? Bool == true && billing["thin"] as? Bool == false)
            let interval = try #require(billing["difference_ci"] as? [Double])
            #expect(interval[0] < -90 && interval[1] > -90 && interval[1] < -60, "\(interval)")
            // Support's unhappy raters are every fifth row: their scores are a slice of everyone's, not a driver.
            #expect(drivers[1]["mentions"] as? Int == 40 && drivers[1]["established"] as? Bool == false)
            #expect(drivers[2]["rated"] as? Int == 180 && drivers[2]["mentions"] as? Int == 0, "blank rows are no rating")

            // One account: acme.com has the even rows (Billing: 50 unhappy of 100).
            let acme = try Self.drivers(["--account", "acme.com"], store: store)
            #expect(acme.first?["driver"] as? String == "Billing" && acme.first?["mentions"] as? Int == 50 && acme.first?["rated"] as? Int == 100)
            // A window sums the records instead of reading the rollups: all of March gives the same drivers.
            let window = try Self.drivers(["--since", "2024-03-01", "--until", "2024-03-31"], store: store)
            #expect(window.count == 3 && zip(window, drivers).allSatisfy { SameJSON.values($0.0, $0.1) }, "records and rollups agree")
            #expect(try Self.drivers(["--since", "2024-04-01"], store: store).isEmpty)
            // Topic drivers are not mixed in.
            let topics = try VocProcess.run(["drivers", "--format", "json"], store: store).stdout
            #expect(!topics.contains("\"aspect\""), "aspects appear only --by aspect")
        }
        let expected = try VocProcess.run(["drivers", "--by", "aspect", "--format", "json"], store: sqlite).stdout
        #expect(SameJSON.output(try VocProcess.run(["drivers", "--by", "aspect", "--format", "json"], store: server.url).stdout, expected))

        let table = try VocProcess.run(["drivers", "--by", "aspect"], store: sqlite).stdout
        #expect(table.hasPrefix("aspect drivers · portfolio · all time · 200 responses · NPS +27.5 (n 200)"), "\(table)")
        #expect(table.split(separator: "\n")[2].hasPrefix("Billing"), "\(table)")
        let csv = try VocProcess.run(["drivers", "--by", "aspect", "--format", "csv"], store: sqlite).stdout.split(whereSeparator: \.isNewline)
        #expect(csv[0].hasSuffix(",question,rated") && csv[1].hasPrefix("Billing,aspect,50,0.25,-40.0,50.0,") && csv[1].hasSuffix(",How satisfied are you with each of the following?,200"))
    }

    @Test func aStoreWithoutMatricesSaysSo() throws {
        let store = VocProcess.temporaryStore()
        #expect(try VocProcess.run(["ingest", "corpora/surveys/generic_en.csv"], store: store).stdout.contains("13 new"))
        let outcome = try VocProcess.run(["drivers", "--by", "aspect"], store: store)
        #expect(outcome.status == 0 && outcome.stdout.contains("no aspect of a rating matrix is rated in this scope"), "\(outcome.stdout)")
        #expect(try Self.drivers([], store: store).isEmpty)
    }

    /// The bundled Portuguese export: billing, rated unfavourably by about a third, is the one established aspect
    /// driver, on the command line, on the dashboard's drivers and account pages and in the HTML report.
    @Test func theBundledMatrixExportShowsItsDriverEverywhere() throws {
        let store = VocProcess.temporaryStore()
        #expect(try VocProcess.run(["ingest", "corpora/matrices/googleforms_matrix_pt.csv"], store: store).status == 0)
        let drivers = try Self.drivers([], store: store)
        #expect(drivers.first?["driver"] as? String == "Faturamento" && drivers.first?["established"] as? Bool == true)
        #expect(drivers.dropFirst().allSatisfy { $0["established"] as? Bool == false }, "\(drivers)")
        let report = try VocProcess.run(["report", "--html", "-"], store: store).stdout
        #expect(report.contains("<h3>Aspects of rating matrices</h3>") && report.contains("data-driver=\"Faturamento\""))
        #expect(report.contains("Aspects of rating matrices as drivers</h3>"), "each account's section has its aspect drivers")

        let server = try ServeProcess(["--store", store])
        defer { server.stop() }
        let page = try DashboardBrowserTests.renderedDOM(server.base + "/drivers")
        #expect(page.contains("<h3>Aspects of rating matrices</h3>") && page.contains("data-driver=\"Faturamento\""))
        #expect(page.contains("padariacentral.com.br ("), "each aspect lists the accounts that rated it unfavourably most")
        let account = try DashboardBrowserTests.renderedDOM(server.base + "/accounts/padariacentral.com.br")
        #expect(account.contains("Aspects of rating matrices as drivers</h2>") && account.contains("data-driver=\"Faturamento\""))
        let api = try DashboardBrowserTests.renderedDOM(server.base + "/api/drivers")
        #expect(api.contains("\"aspects\":{") && api.contains("\"driver\":\"Faturamento\",\"kind\":\"aspect\""), "\(api.prefix(300))")
    }
}
