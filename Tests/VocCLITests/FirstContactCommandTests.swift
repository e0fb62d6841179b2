import Foundation
import Testing
import VocTestSupport

/// First-contact resolution from a mailbox with the team's replies in it, end to end: ingest, `voc accounts`,
/// `voc account`, the health measure and the report, on generated threads whose outcomes are known.
@Suite struct FirstContactCommandTests {
    /// One message of a generated mailbox.
    struct Message {
        var from: String, to: String, subject: String, minutes: Int, id: String, parents: [String] = [], body: String
    }

    /// Every thread opens on 2024-05-06 (one UTC day, so each weighs the same in the health model). a.com: 20
    /// threads, every other one followed up within the window (10 resolved); b.com: 12 threads, 9 resolved, the other
    /// 3 saying the problem goes on (es, pt, en) in a second message, and 2 threads unanswered; one thread the team
    /// opened, which is no contact.
    static let messages: [Message] = {
        var messages: [Message] = []
        func thread(_ customer: String, _ index: Int, followUp: String?) {
            let id = "\(customer.replacingOccurrences(of: "@", with: "."))-\(index)"
            messages.append(Message(from: customer, to: "support@acme.example", subject: "Case \(index)", minutes: index * 20, id: id,
                                    body: "The export of report \(index) fails with a timeout."))
            messages.append(Message(from: "support@acme.example", to: customer, subject: "Re: Case \(index)", minutes: index * 20 + 5, id: id + "-r",
                                    parents: [id], body: "We raised the export limit; please try again."))
            if let followUp {
                messages.append(Message(from: customer, to: "support@acme.example", subject: "Re: Case \(index)", minutes: 3 * 1440 + index,
                                        id: id + "-c", parents: [id, id + "-r"], body: followUp))
            }
        }
        for index in 0..<20 { thread("ana\(index % 3)@a.com", index, followUp: index % 2 == 0 ? nil : "One more question about the same export.") }
        let persisting = ["Lo he probado y sigue sin funcionar.", "Tentei de novo e continua sem solução.", "I tried again, still not working."]
        for index in 0..<12 { thread("luis@b.com", 100 + index, followUp: index < 3 ? persisting[index] : nil) }
        for index in 0..<2 {
            messages.append(Message(from: "luis@b.com", to: "support@acme.example", subject: "Question \(index)", minutes: 600 + index, id: "q\(index)@b.com",
                                    body: "Could you send the invoice again?"))
        }
        messages.append(Message(from: "support@acme.example", to: "ana0@a.com", subject: "Your renewal", minutes: 30, id: "renewal@acme.example",
                                body: "Your plan renews next month."))
        messages.append(Message(from: "ana0@a.com", to: "support@acme.example", subject: "Re: Your renewal", minutes: 40, id: "renewal-reply@a.com",
                                parents: ["renewal@acme.example"], body: "Thanks, noted."))
        return messages
    }()

    static var mbox: String { mbox(of: messages) }

    static func mbox(of messages: [Message]) -> String {
        let start = Date(timeIntervalSince1970: 1_714_953_600)  // 2024-05-06T00:00:00Z
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return messages.map { message in
            let date = formatter.string(from: start.addingTimeInterval(Double(message.minutes) * 60))
            var headers = ["From \(message.from) \(date)", "From: \(message.from)", "To: \(message.to)", "Subject: \(message.subject)",
                           "Date: \(date)", "Message-ID: <\(message.id)>"]
            if let parent = message.parents.last {
                headers += ["In-Reply-To: <\(parent)>", "References: " + message.parents.map { "<\($0)>" }.joined(separator: " ")]
            }
            return (headers + ["Content-Type: text/plain; charset=utf-8", "", message.body, ""]).joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    static func fcr(_ output: String) throws -> [String: [String: Any]] {
        let summaries = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: summaries.compactMap { summary in
            (summary["fcr"] as? [String: Any]).map { (summary["account"] as? String ?? "(unmatched)", $0) }
        })
    }

    @Test func generatedThreadsGiveTheirKnownRates() throws {
        let store = VocProcess.temporaryStore()
        let file = Fixtures.write(Self.mbox, name: "support.mbox")
        let ingest = try VocProcess.run(["ingest", file, "--team-domain", "acme.example"], store: store)
        let team = Self.messages.count { $0.from.hasSuffix("@acme.example") }
        #expect(ingest.stdout.contains("read \(Self.messages.count) = accepted \(Self.messages.count - team) + quarantined 0 + skipped \(team)"), "\(ingest.stdout)")

        let accounts = try VocProcess.run(["accounts", "--format", "json", "--as-of", "2024-06-30"], store: store)
        let fcr = try Self.fcr(accounts.stdout)
        #expect(fcr["acme.example"] == nil, "the team's replies are no account's feedback")
        // Wilson 95 % intervals computed apart: 10 of 20 → [29.93, 70.07]; 9 of 12 → [46.77, 91.11].
        for (account, resolved, decided, unanswered, low, high) in [("a.com", 10, 20, 0, 29.93, 70.07), ("b.com", 9, 12, 2, 46.77, 91.11)] {
            let result = try #require(fcr[account], "\(account)")
            #expect(result["resolved"] as? Int == resolved && result["decided"] as? Int == decided && result["unanswered"] as? Int == unanswered)
            #expect(result["pending"] as? Int == 0)
            #expect(abs((result["percent"] as? Double ?? 0) - 100 * Double(resolved) / Double(decided)) < 1e-9)
            #expect(abs((result["ci_low"] as? Double ?? 0) - low) < 0.01 && abs((result["ci_high"] as? Double ?? 0) - high) < 0.01, "\(result)")
        }
        // Two days after the threads opened, every reply is younger than the 7-day window: all pending.
        let early = try Self.fcr(try VocProcess.run(["accounts", "--format", "json", "--as-of", "2024-05-08"], store: store).stdout)
        #expect(early["a.com"]?["pending"] as? Int == 20 && early["a.com"]?["decided"] as? Int == 0)

        let account = try VocProcess.run(["account", "b.com", "--as-of", "2024-06-30"], store: store)
        #expect(account.stdout.contains("FCR:       75.0% resolved at first contact (95% CI [46.8, 91.1], n=12 threads decided): 9 resolved, 3 not; 0 pending, 2 unanswered"),
                "\(account.stdout)")
        let table = try VocProcess.run(["accounts", "--as-of", "2024-06-30"], store: store)
        #expect(table.stdout.contains("FCR%") && table.stdout.contains("50.0") && table.stdout.contains("75.0"), "\(table.stdout)")
        let csv = try VocProcess.run(["accounts", "--format", "csv", "--as-of", "2024-06-30"], store: store)
        #expect(csv.stdout.contains("fcr_percent,fcr_ci_low,fcr_ci_high,fcr_n"), "\(csv.stdout)")

        // The report's portfolio tile: 19 of 32.
        let report = try VocProcess.run(["report", "--html", "-", "--as-of", "2024-06-30"], store: store)
        #expect(report.stdout.contains("<div class=\"label\">First-contact resolution</div><div class=\"value\">59.4%</div>"), "\(report.stdout.prefix(4000))")
    }

    /// With FCR the only weighted measure and no shrinkage, an account's health is its FCR (every contact opened the
    /// same day weighs the same); at weight 0, the default, it is listed as excluded.
    @Test func theHealthMeasureIsTheRateWhenWeighted() throws {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest", Fixtures.write(Self.mbox, name: "support.mbox"), "--team-domain", "acme.example"], store: store)
        let weights = ["nps", "csat", "ces", "sentiment", "sentiment_trend", "detractors", "churn", "effort", "recency", "volume"].map { "  \($0): 0" }
        let config = Fixtures.write((["prior_strength: 0", "half_life_days: 3650", "weights:"] + weights + ["  fcr: 1"]).joined(separator: "\n") + "\n",
                                    name: "fcr-only.yaml")
        let health = try VocProcess.run(["health", "--format", "json", "--as-of", "2024-06-30", "--config", config], store: store)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(health.stdout.utf8)) as? [String: Any], "\(health.stderr)")
        let scores = Dictionary(uniqueKeysWithValues: (report["accounts"] as? [[String: Any]] ?? []).map { ($0["account"] as? String ?? "", $0["score"] as? Double ?? -1) })
        #expect(abs((scores["a.com"] ?? 0) - 50) < 1e-6 && abs((scores["b.com"] ?? 0) - 75) < 1e-6, "\(scores)")

        let account = try VocProcess.run(["account", "b.com", "--as-of", "2024-06-30", "--format", "json"], store: store)
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(account.stdout.utf8)) as? [String: Any])
        let measures = (detail["health"] as? [String: Any])?["measures"] as? [[String: Any]] ?? []
        let fcr = try #require(measures.first { $0["measure"] as? String == "fcr" }, "\(measures)")
        #expect(fcr["excluded"] as? String == "weight 0" && fcr["weight"] as? Double == 0)
    }

    /// The bundled support mailbox (Spanish, Portuguese and English threads): the outcomes its threads were written
    /// with, as of two dates.
    @Test func theBundledThreadsGiveTheirOutcomes() throws {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest", "corpora/email/support_threads_es_pt_en.mbox", "--team-domain", "acme.example"], store: store)
        let fcr = try Self.fcr(try VocProcess.run(["accounts", "--format", "json", "--as-of", "2024-04-30"], store: store).stdout)
        for (account, resolved, decided, unanswered) in [("initech.es", 2, 3, 0), ("contoso.com.br", 1, 3, 0), ("northwind.com", 2, 2, 1), ("(unmatched)", 1, 1, 0)] {
            #expect(fcr[account]?["resolved"] as? Int == resolved && fcr[account]?["decided"] as? Int == decided
                    && fcr[account]?["unanswered"] as? Int == unanswered, "\(account): \(fcr[account] ?? [:])")
        }
        // On 2 April the reply of 29 March is still inside its window.
        let early = try Self.fcr(try VocProcess.run(["accounts", "--format", "json", "--as-of", "2024-04-02"], store: store).stdout)
        #expect(early["northwind.com"]?["pending"] as? Int == 1 && early["northwind.com"]?["decided"] as? Int == 1)
        // Without --team-domain the replies are stored as feedback of acme.example, but the threads read the same.
        let unnamed = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest", "corpora/email/support_threads_es_pt_en.mbox"], store: unnamed)
        let same = try Self.fcr(try VocProcess.run(["accounts", "--format", "json", "--as-of", "2024-04-30"], store: unnamed).stdout)
        for account in ["initech.es", "contoso.com.br", "northwind.com"] {
            #expect(same[account]?["resolved"] as? Int == fcr[account]?["resolved"] as? Int && same[account]?["decided"] as? Int == fcr[account]?["decided"] as? Int)
        }
    }

    /// Weighted, FCR moves the score with the team's replies alone, which add no record: `voc alerts` sees them.
    @Test func alertsSeeAnAccountTurnRedFromTheTeamsRepliesAlone() throws {
        let store = VocProcess.temporaryStore()
        let config = Fixtures.write("""
            prior_strength: 0
            volume_target: 1
            weights: {nps: 0, csat: 0, ces: 0, sentiment: 0, sentiment_trend: 0, detractors: 0, churn: 0, effort: 0, recency: 0, volume: 1, fcr: 10}
            bands: {red_below: 60, green_above: 75}

            """, name: "fcr-alerts.yaml")
        let team = Self.messages.filter { $0.from.hasSuffix("@acme.example") }, customers = Self.messages.filter { !$0.from.hasSuffix("@acme.example") }
        let arguments = ["alerts", "--kind", "entered-red", "--as-of", "2024-06-30", "--config", config]
        _ = try VocProcess.run(["ingest", Fixtures.write(Self.mbox(of: customers), name: "customers.mbox"), "--team-domain", "acme.example"], store: store)
        let before = try VocProcess.run(arguments, store: store)
        #expect(before.status == 0 && before.stdout.isEmpty, "no thread answered yet: volume alone, green; \(before.stdout)")
        let replies = try VocProcess.run(["ingest", Fixtures.write(Self.mbox(of: team), name: "replies.mbox"), "--team-domain", "acme.example"], store: store)
        #expect(replies.stdout.contains("0 new"), "the replies are no records")
        let after = try VocProcess.run(arguments, store: store)
        // a.com: (10 × 50 + 1 × 100) / 11 = 54.5, red; b.com: (10 × 75 + 100) / 11 = 77.3.
        #expect(after.status == 1 && after.stdout.contains("a.com") && !after.stdout.contains("b.com"), "\(after.stdout)\(after.stderr)")
        #expect(try VocProcess.run(arguments, store: store).stdout.isEmpty, "alerted once")
    }
}
