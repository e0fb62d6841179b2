import Foundation
import Testing
import VocCore
@testable import VocScore

/// Threads built message by message with a known outcome each: the rules of first-contact resolution, one by one.
@Suite struct FirstContactResolutionTests {
    static let start = Date(timeIntervalSince1970: 1_709_251_200)  // 2024-03-01
    static let day = 86_400.0

    /// A message `days` after `start`; `team` messages are from support@acme.example to `customer`.
    static func message(_ id: String, _ days: Double, from customer: String, team: Bool = false, replyTo parent: [String] = [],
                        subject: String? = "Billing", stillUnresolved: Bool = false, teamNamed: Bool = true) -> MailEnvelope {
        let domain = String(customer.split(separator: "@").last!)
        let account = domain == "gmail.com" ? nil : domain
        let sender = team ? "support@acme.example" : customer
        return MailEnvelope(key: "key-" + id, messageID: id, references: parent, subject: subject, sentAt: start.addingTimeInterval(days * day),
                            sender: sender, customerEmail: team && !teamNamed ? sender : customer,
                            accountID: team && !teamNamed ? "acme.example" : account, recipient: team ? account ?? customer : "acme.example",
                            fromTeam: team && teamNamed, stillUnresolved: stillUnresolved)
    }

    static let asOf = start.addingTimeInterval(60 * day)

    func outcome(_ messages: [MailEnvelope], asOf: Date = Self.asOf) -> [FirstContact] {
        FirstContactResolution().contacts(messages, asOf: asOf)
    }

    @Test func aReplyAndSilenceForTheWindowIsResolvedWhenTheWindowCloses() throws {
        let thread = [Self.message("a", 0, from: "ana@globex.mx"), Self.message("b", 0.5, from: "ana@globex.mx", team: true, replyTo: ["a"])]
        let contact = try #require(outcome(thread).first)
        #expect(contact.outcome == .resolved && contact.cause == nil && contact.accountID == "globex.mx" && contact.messages == 2)
        #expect(contact.decidedAt == Self.start.addingTimeInterval(7.5 * Self.day), "decided when the 7-day window closes")
        // Six days after the reply the customer may still write: pending, and counted in no rate.
        let pending = try #require(outcome(thread, asOf: Self.start.addingTimeInterval(6.5 * Self.day)).first)
        #expect(pending.outcome == .pending && pending.decidedAt == nil)
        // Before the reply, it is unanswered; a message after `asOf` does not count.
        #expect(outcome(thread, asOf: Self.start.addingTimeInterval(0.25 * Self.day)).first?.outcome == .unanswered)
    }

    @Test func eachWayOfNotBeingResolvedIsFoundWithWhenItWasKnown() throws {
        let wroteAgain = [Self.message("a", 0, from: "ana@globex.mx"), Self.message("b", 1, from: "ana@globex.mx", team: true, replyTo: ["a"]),
                          Self.message("c", 3, from: "luis@globex.mx", replyTo: ["a", "b"])]
        let again = try #require(outcome(wroteAgain).first)
        #expect(again.outcome == .notResolved && again.cause == .wroteAgain, "a colleague at the same account writing again counts")
        #expect(again.decidedAt == Self.start.addingTimeInterval(3 * Self.day))

        let chased = [Self.message("a", 0, from: "ana@globex.mx"), Self.message("a2", 1, from: "ana@globex.mx", replyTo: ["a"]),
                      Self.message("b", 2, from: "ana@globex.mx", team: true, replyTo: ["a", "a2"])]
        let before = try #require(outcome(chased).first)
        #expect(before.outcome == .notResolved && before.cause == .wroteAgainBeforeReply && before.decidedAt == Self.start.addingTimeInterval(2 * Self.day))

        // The phrase in the first message: known at the reply (a contact is decided once answered).
        let said = [Self.message("a", 0, from: "ana@globex.mx", stillUnresolved: true), Self.message("b", 1, from: "ana@globex.mx", team: true, replyTo: ["a"])]
        let phrase = try #require(outcome(said).first)
        #expect(phrase.outcome == .notResolved && phrase.cause == .saidStillUnresolved && phrase.decidedAt == Self.start.addingTimeInterval(Self.day))
    }

    @Test func aMessageAfterTheWindowDoesNotUndoTheResolution() throws {
        let thread = [Self.message("a", 0, from: "ana@globex.mx"), Self.message("b", 1, from: "ana@globex.mx", team: true, replyTo: ["a"]),
                      Self.message("c", 8.01, from: "ana@globex.mx", replyTo: ["b"], stillUnresolved: true)]
        #expect(outcome(thread).first?.outcome == .resolved)
        // Exactly at the window's end it still counts as writing again.
        let edge = [thread[0], thread[1], Self.message("c", 8, from: "ana@globex.mx", replyTo: ["b"])]
        #expect(outcome(edge).first?.cause == .wroteAgain)
    }

    @Test func threadsAreJoinedByReferencesAndBySubjectAndTeamThreadsAreNoContact() throws {
        // The reply names only the middle message; the third names an unstored root: all one thread.
        let linked = [Self.message("a", 0, from: "ana@globex.mx", replyTo: ["root-not-stored"]),
                      Self.message("b", 1, from: "ana@globex.mx", team: true, replyTo: ["a"]),
                      Self.message("c", 2, from: "ana@globex.mx", replyTo: ["root-not-stored"])]
        #expect(outcome(linked).map(\.messages) == [3])
        // A reply without In-Reply-To joins by its subject; the same subject from another account does not.
        let bySubject = [Self.message("a", 0, from: "ana@globex.mx", subject: "Factura de marzo"),
                         Self.message("b", 1, from: "ana@globex.mx", team: true, subject: "RE: Factura de marzo"),
                         Self.message("x", 1, from: "paul@northwind.com", subject: "Re:  factura DE marzo")]
        let contacts = outcome(bySubject)
        #expect(contacts.count == 2)
        #expect(contacts.first { $0.accountID == "globex.mx" }?.outcome == .resolved)
        #expect(contacts.first { $0.accountID == "northwind.com" }?.outcome == .unanswered)
        // A subject match more than the window after the thread's last message starts a new thread.
        let later = bySubject.prefix(2) + [Self.message("c", 12, from: "ana@globex.mx", subject: "Factura de marzo")]
        #expect(outcome(Array(later)).map(\.outcome) == [.resolved, .unanswered])
        // A thread the team opened is no customer contact.
        let outbound = [Self.message("r", 0, from: "ana@globex.mx", team: true, subject: "Your renewal"),
                        Self.message("s", 1, from: "ana@globex.mx", replyTo: ["r"], subject: "Re: Your renewal")]
        #expect(outcome(outbound).isEmpty)
        // Undated messages cannot be placed: left out.
        var undated = Self.message("u", 0, from: "ana@globex.mx", subject: "Other")
        undated.sentAt = nil
        #expect(outcome([undated]).isEmpty)
    }

    @Test func withoutTeamDomainsAReplyIsAMessageFromAnotherAccount() throws {
        let thread = [Self.message("a", 0, from: "ana@globex.mx"), Self.message("b", 1, from: "ana@globex.mx", team: true, replyTo: ["a"], teamNamed: false)]
        #expect(outcome(thread).first?.outcome == .resolved)
        // A reply naming no message still joins by subject: the same two parties, the other way round.
        let bySubject = [Self.message("a", 0, from: "ana@globex.mx", subject: "Factura"),
                         Self.message("b", 1, from: "ana@globex.mx", team: true, subject: "RE: Factura", teamNamed: false)]
        #expect(outcome(bySubject).map(\.outcome) == [.resolved])
        // A free-mail customer is told apart by address.
        let freemail = [Self.message("a", 0, from: "maria@gmail.com"), Self.message("b", 1, from: "maria@gmail.com", team: true, replyTo: ["a"], teamNamed: false),
                        Self.message("c", 2, from: "maria@gmail.com", replyTo: ["b"])]
        let contact = try #require(outcome(freemail).first)
        #expect(contact.accountID == nil && contact.customerEmail == "maria@gmail.com" && contact.cause == .wroteAgain)
    }

    @Test func subjectsLoseReplyAndForwardPrefixesInEveryLanguage() {
        #expect(MailThreading.subjectKey("RE: RV: Fwd: Factura  de Marzo") == "factura de marzo")
        #expect(MailThreading.subjectKey("Res: Enc: Relatório") == "relatório")
        #expect(MailThreading.subjectKey("AW: Re[2]: Login") == "login")
        #expect(MailThreading.subjectKey("Re:Login") == "login")
        #expect(MailThreading.subjectKey("Reunión: agenda") == "reunión: agenda", "only known prefixes are removed")
        #expect(MailThreading.subjectKey("Re:") == nil && MailThreading.subjectKey(nil) == nil)
    }

    /// 3 accounts × 20 threads whose outcomes follow a known pattern: the rate and its Wilson interval are exactly
    /// those of the counts.
    @Test func ratesAndIntervalsAreThoseOfTheDecidedContacts() throws {
        var messages: [MailEnvelope] = []
        for (account, resolvedEvery) in [("a.com", 2), ("b.com", 4), ("c.com", 1)] {
            for index in 0..<20 {
                let customer = "user\(index)@\(account)", id = "\(account)-\(index)"
                let opened = Double(index)
                messages.append(Self.message(id, opened, from: customer, subject: "Case \(index)"))
                messages.append(Self.message(id + "-r", opened + 0.1, from: customer, team: true, replyTo: [id], subject: "Re: Case \(index)"))
                if index % resolvedEvery != 0 { messages.append(Self.message(id + "-c", opened + 2, from: customer, replyTo: [id + "-r"])) }
            }
        }
        let contacts = outcome(messages.shuffled())
        #expect(contacts.count == 60)
        for (account, resolved) in [("a.com", 10), ("b.com", 5), ("c.com", 20)] {
            let result = ResolutionResult(contacts.filter { $0.accountID == account })
            #expect(result.decided == 20 && result.resolved == resolved)
            #expect(result.percent == 100 * Double(resolved) / 20)
            let interval = Confidence.wilsonPercent(resolved, of: 20)
            #expect(result.ciLow == interval.lowerBound && result.ciHigh == interval.upperBound)
        }
        // 10 of 20: Wilson [29.93, 70.07], computed apart.
        let half = ResolutionResult(contacts.filter { $0.accountID == "a.com" })
        #expect(abs(half.ciLow! - 29.93) < 0.01 && abs(half.ciHigh! - 70.07) < 0.01)
    }
}

/// The still-unresolved phrases, in each language, in the customer's own words.
@Suite struct StillUnresolvedPhraseTests {
    @Test(arguments: [
        ("I tried again and it is still not working.", "en"), ("The issue persists after the update.", "en"),
        ("Your fix didn't work, same problem again.", "en"),
        ("Lo he reintentado y sigue sin funcionar.", "es"), ("Todavía no está resuelto, el problema persiste.", "es"),
        ("Mi incidencia sigue sin resolverse.", "es"),
        ("Atualizei o token e ainda não funciona.", "pt"), ("O chamado continua sem solução.", "pt"),
        ("Aconteceu de novo hoje cedo.", "pt"),
    ])
    func saysTheProblemGoesOn(text: String, language: String) {
        #expect(analyzer.saysStillUnresolved(text), "\(text)")
        #expect(analyzer.saysStillUnresolved(text, language: language), "\(text)")
    }

    @Test(arguments: [
        "Thanks, it works now!", "The export does not work.", "We still love the product.",
        "Gracias, ya funciona.", "La exportación no funciona.", "Obrigado, já está funcionando.", "O relatório não carrega.",
    ])
    func aFirstReportOrThanksIsNot(text: String) {
        #expect(!analyzer.saysStillUnresolved(text), "\(text)")
    }
}
