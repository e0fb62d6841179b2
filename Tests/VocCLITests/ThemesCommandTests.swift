import Foundation
import Testing
import VocReport
import VocTestSupport

/// `voc themes` and the emerging-theme alert end to end on a generated export whose answer is known: a phrase planted
/// in the last two weeks of one segment's comments.
@Suite struct ThemesCommandTests {
    /// 300 ordinary comments from 2024-01-05 to 2024-03-04 over four accounts, 60 more from 2024-03-08 to 2024-03-19,
    /// and 12 in that last window from A1 and A2 (segment Enterprise) saying the export button disappeared.
    static func store() throws -> String {
        let ordinary = ["Support answered quickly.", "The dashboard is easy to use.", "Reports load fine for us.", "Good value for the price.",
                        "Onboarding was smooth.", "We use it every day."]
        var rows = ["Response ID,Account ID,Submitted At,How likely are you to recommend us? (0-10),Comments"]
        let start = ISO8601DateFormatter().date(from: "2024-01-05T10:00:00Z")!
        for index in 0..<300 {
            let date = Formatting.day(start.addingTimeInterval(Double(index % 60) * 86_400))
            rows.append("o\(index),A\(1 + index % 4),\(date),\(7 + index % 4),\(ordinary[index % ordinary.count]) (ref \(index))")
        }
        let recent = ISO8601DateFormatter().date(from: "2024-03-08T10:00:00Z")!
        for index in 0..<60 {
            rows.append("r\(index),A\(1 + index % 4),\(Formatting.day(recent.addingTimeInterval(Double(index % 12) * 86_400))),8,\(ordinary[index % ordinary.count]) (ref \(index))")
        }
        for index in 0..<12 {
            rows.append("p\(index),A\(1 + index % 2),\(Formatting.day(recent.addingTimeInterval(Double(index) * 86_400))),3,The export button disappeared from the reports page (ref \(index))")
        }
        let store = VocProcess.temporaryStore()
        #expect(try VocProcess.run(["ingest", Fixtures.write(rows.joined(separator: "\n") + "\n")], store: store).status == 0)
        let crm = "Account ID,Account Name,Segment,CSM\nA1,Alpha,Enterprise,Ana\nA2,Beta,Enterprise,Ana\nA3,Gamma,SMB,Bruno\nA4,Delta,SMB,Bruno\n"
        #expect(try VocProcess.run(["accounts", "import", Fixtures.write(crm, name: "crm.csv")], store: store).status == 0)
        return store
    }

    static func themes(_ arguments: [String], store: String) throws -> [[String: Any]] {
        let outcome = try VocProcess.run(["themes", "--format", "json"] + arguments, store: store)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try HealthCommandTests.json(outcome.stdout)["themes"] as? [[String: Any]] ?? []
    }

    @Test func thePlantedPhraseEmergesInItsSegmentAndWindowOnly() throws {
        let store = try Self.store()
        let report = try HealthCommandTests.json(try VocProcess.run(["themes", "--as-of", "2024-03-20", "--format", "json"], store: store).stdout)
        #expect(report["recent_comments"] as? Int == 72 && report["baseline_comments"] as? Int == 300)
        let themes = try #require(report["themes"] as? [[String: Any]])
        let button = try #require(themes.first { $0["phrase"] as? String == "export button" }, "\(themes.map { $0["phrase"] ?? "" })")
        #expect(button["recent"] as? Int == 12 && button["baseline"] as? Int == 0 && button["new"] as? Bool == true)
        #expect(button["language"] as? String == "en" && (button["examples"] as? [String])?.count == 3)
        #expect(Set(button["accounts"] as? [String] ?? []) == ["A1", "A2"])
        let planted = ["export", "button", "disappeared", "page"]
        let phrases = themes.compactMap { $0["phrase"] as? String }
        #expect(phrases.allSatisfy { phrase in planted.contains { phrase.contains($0) } }, "only the planted phrases emerge: \(phrases)")

        #expect(try Self.themes(["--as-of", "2024-03-20", "--segment", "smb"], store: store).isEmpty, "the other segment has nothing new")
        #expect(try Self.themes(["--as-of", "2024-03-20", "--csm", "ana"], store: store).contains { $0["phrase"] as? String == "export button" })
        #expect(try Self.themes(["--as-of", "2024-03-06"], store: store).isEmpty, "before the plant nothing emerges")
        let table = try VocProcess.run(["themes", "--as-of", "2024-03-20"], store: store).stdout
        #expect(table.hasPrefix("emerging themes · portfolio · last 2024-03-07 to 2024-03-20 (72 comments) vs 2023-12-08 to 2024-03-06 (300 comments)"), "\(table)")
        #expect(try VocProcess.run(["themes", "--window", "0"], store: store).status == 64)
        let unknown = try VocProcess.run(["themes", "--account", "A9"], store: store)
        #expect(unknown.status == 2 && unknown.stderr.contains("no feedback for account 'A9'"))
        #expect(try Self.themes(["--as-of", "2024-03-20", "--account", "A3"], store: store).isEmpty, "A3 never wrote it")
    }

    @Test func anEmergingThemeIsAlertedOnce() throws {
        let store = try Self.store()
        let first = try VocProcess.run(["alerts", "--as-of", "2024-03-20", "--kind", "emerging-theme"], store: store)
        #expect(first.status == 1, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n").map { try? HealthCommandTests.json(String($0)) }
        #expect(lines.allSatisfy { $0?["kind"] as? String == "emerging-theme" })
        #expect(lines.contains { ($0?["reason"] as? String)?.hasPrefix("emerging theme 'export button' (new): 12 recent comments vs 0 before") == true })
        let again = try VocProcess.run(["alerts", "--as-of", "2024-03-20", "--kind", "emerging-theme"], store: store)
        #expect(again.status == 0 && again.stdout.isEmpty)
        let nextDay = try VocProcess.run(["alerts", "--as-of", "2024-03-21", "--kind", "emerging-theme"], store: store)
        #expect(nextDay.status == 0 && nextDay.stdout.isEmpty, "still emerging the next day, but alerted already")
    }
}
