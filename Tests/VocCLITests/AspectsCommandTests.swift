import Foundation
import Testing
import VocTestSupport

/// The rows of a satisfaction matrix are stored as aspect ratings and reported per aspect (`voc aspects`, `voc
/// account`) like CSAT: % satisfied with its Wilson interval and the mean; both stores agree.
@Suite struct AspectsCommandTests {
    /// 40 responses, half from acme.com and half from globex.com. Support: "Very satisfied" but every fifth
    /// "Dissatisfied"; Billing: "Dissatisfied" but every third "Satisfied"; Onboarding: "Satisfied", blank every fourth.
    static let export: String = {
        let labels = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]
        let stem = "How satisfied are you with each of the following?"
        var lines = ["Timestamp,Email,\(stem) [Support],\(stem) [Billing],\(stem) [Onboarding],Comments"]
        for index in 0..<40 {
            lines.append("2024-05-\(String(format: "%02d", 1 + index % 28)) 09:00:00,user\(index)@\(index % 2 == 0 ? "acme" : "globex").com,"
                         + "\(labels[index % 5 == 0 ? 1 : 4]),\(labels[index % 3 == 0 ? 3 : 1]),\(index % 4 == 0 ? "" : labels[3]),Comment number \(index) on the service")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func eachAspectIsReportedLikeCSATOnBothStores() throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let sqlite = VocProcess.temporaryStore()
        let file = Fixtures.write(Self.export, name: "matrix.csv")
        for store in [sqlite, server.url] {
            #expect(try VocProcess.run(["ingest", file], store: store).status == 0)
            let outcome = try VocProcess.run(["aspects", "--format", "json"], store: store)
            let aspects = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]], "\(outcome.stderr)")
            #expect(aspects.map { $0["aspect"] as? String } == ["Support", "Billing", "Onboarding"])
            #expect(aspects.map { ($0["ratings"] as? [String: Any])?["answered"] as? Int } == [40, 40, 30], "blank rows are no rating")
            // Support: 32 of 40 satisfied; Billing: 14 of 40 (every third row).
            #expect(aspects.map { ($0["ratings"] as? [String: Any])?["favourable_percent"] as? Double } == [80, 35, 100])
            let ratings = aspects.map { $0["ratings"] as? [String: Any] ?? [:] }
            #expect(abs((ratings[0]["favourable_ci_low"] as? Double ?? 0) - 65.243) < 0.001, "Wilson interval of 32 of 40")
            #expect(zip(aspects, ratings).allSatisfy { $0.0["kind"] as? String == "csat" && $0.1["scale"] as? String == "1-5 (favourable 4-5)" })
            let accounts = try VocProcess.run(["accounts", "--format", "json"], store: store)
            #expect(!accounts.stdout.contains("\"csat\""), "aspects are not the response's CSAT")

            let acme = try VocProcess.run(["aspects", "--account", "acme.com", "--format", "json"], store: store)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(acme.stdout.utf8)) as? [[String: Any]]).map { $0["ratings"] as? [String: Any] ?? [:] }
            // acme.com has the even rows: Support 16 of 20 satisfied, Billing 7 of 20.
            #expect(rows.map { $0["answered"] as? Int } == [20, 20, 10])
            #expect(abs((rows[0]["favourable_ci_low"] as? Double ?? 0) - 58.398) < 0.001 && abs((rows[0]["favourable_ci_high"] as? Double ?? 0) - 91.934) < 0.001)
            #expect(abs((rows[1]["favourable_ci_low"] as? Double ?? 0) - 18.119) < 0.001 && abs((rows[1]["favourable_ci_high"] as? Double ?? 0) - 56.715) < 0.001)
        }
        for command in [["aspects", "--format", "json"], ["aspects", "--account", "globex.com", "--format", "csv"],
                        ["account", "acme.com", "--format", "json", "--as-of", "2024-05-31"]] {
            let expected = try VocProcess.run(command, store: sqlite)
            #expect(expected.stdout.contains("Onboarding"))
            #expect(SameJSON.output(try VocProcess.run(command, store: server.url).stdout, expected.stdout), "\(command.joined(separator: " "))")
        }
        let table = try VocProcess.run(["account", "globex.com"], store: sqlite)
        #expect(table.stdout.contains("aspects (rows of rating matrices):") && table.stdout.contains("Billing"), "\(table.stdout)")
    }
}
