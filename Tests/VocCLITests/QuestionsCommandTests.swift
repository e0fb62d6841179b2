import Foundation
import Testing
import VocTestSupport

/// Each open question of a survey with several is stored with its answers and their own sentiment: `voc questions`
/// lists them for the portfolio or one account, `voc account` shows them, and both stores agree.
@Suite struct QuestionsCommandTests {
    /// 30 responses from acme.com and globex.com: every one says what went well; two in three say what to improve;
    /// "Anything else?" is answered by free text once in five.
    static let export: String = {
        let well = ["The support team was excellent and fast", "El equipo de soporte fue excelente", "O suporte foi ótimo e muito rápido"]
        let improve = ["The invoices are always wrong and the support is awful and slow", "La facturación es pésima y confusa", "O aplicativo é horrível e trava sempre"]
        var lines = ["Timestamp,Email Address,What did we do well?,What should we improve?,Anything else you want to tell us?"]
        for index in 0..<30 {
            let domain = index % 3 == 0 ? "globex.com" : "acme.com"
            lines.append("2024-04-\(String(format: "%02d", 1 + index % 28)) 08:00:00,user\(index)@\(domain),\(well[index % 3]) (\(index)),"
                         + "\(index % 3 == 2 ? "" : "\(improve[index % 3]) (\(index))"),\(index % 5 == 0 ? "Keep up the good work with the roadmap \(index)" : "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static func questions(_ arguments: [String], store: String) throws -> [[String: Any]] {
        let outcome = try VocProcess.run(["questions", "--format", "json"] + arguments, store: store)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    }

    @Test func eachQuestionIsListedWithItsAnswersSentimentOnBothStores() throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        let sqlite = VocProcess.temporaryStore()
        let file = Fixtures.write(Self.export, name: "training.csv")
        for store in [sqlite, server.url] {
            for _ in 0..<2 { #expect(try VocProcess.run(["ingest", file], store: store).status == 0) }
            let all = try Self.questions([], store: store)
            #expect(all.map { $0["question"] as? String } == ["What did we do well?", "What should we improve?", "Anything else you want to tell us?"])
            #expect(all.map { $0["answers"] as? Int } == [30, 20, 6], "answered once each, though ingested twice")
            #expect((all[0]["sentiment_mean"] as? Double ?? 0) > 0.3 && all[0]["negative_percent"] as? Double == 0)
            #expect((all[1]["sentiment_mean"] as? Double ?? 0) < -0.3 && all[1]["negative_percent"] as? Double == 100)
            #expect((all[1]["sentiment_ci_low"] as? Double ?? 0) < (all[1]["sentiment_mean"] as? Double ?? 0))
            let globex = try Self.questions(["--account", "globex.com"], store: store)
            #expect(globex.map { $0["answers"] as? Int } == [10, 10, 2])
            let table = try VocProcess.run(["questions"], store: store)
            #expect(table.stdout.hasPrefix("ANSWERS") && table.stdout.contains("What should we improve?"))
        }
        for command in [["questions", "--format", "json"], ["questions", "--account", "acme.com", "--format", "csv"],
                        ["account", "acme.com", "--format", "json", "--as-of", "2024-04-30"]] {
            let expected = try VocProcess.run(command, store: sqlite)
            #expect(expected.stdout.contains("What did we do well?"))
            #expect(SameJSON.output(try VocProcess.run(command, store: server.url).stdout, expected.stdout), "\(command.joined(separator: " "))")
        }
        let account = try VocProcess.run(["account", "acme.com"], store: sqlite)
        #expect(account.stdout.contains("open questions (each answer scored on its own):"), "\(account.stdout)")
        let none = try VocProcess.run(["questions", "--account", "initech.com"], store: sqlite)
        #expect(none.stdout.hasPrefix("no open questions with several per response for account 'initech.com'"))
    }
}
