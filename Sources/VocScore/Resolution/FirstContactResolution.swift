public import Foundation
public import VocCore

/// Decides, for each e-mail thread a customer opened, whether it was resolved at first contact.
///
/// In a thread (`MailThreading`), the customer is the sender of its first message; a message is a reply when it is
/// the team's (`MailEnvelope.fromTeam`) or comes from another account (or, for a free-mail customer, another
/// address), so threads read right even when the team's domains were not named at ingest. A thread the team opened
/// is no customer contact and is left out. A contact is:
/// - *not resolved* when the customer wrote more than once before the first reply, wrote again within `window` after
///   it, or said in any message up to the window's end that the problem goes on (`MailEnvelope.stillUnresolved`);
/// - *resolved* when none of that happened and the window has closed;
/// - *pending* when replied to less than `window` ago, *unanswered* without a reply.
/// Only messages sent on or before `asOf` count, so an outcome is what could be known then.
public struct FirstContactResolution: Sendable {
    /// How long after the first reply a customer's new message still means the first one did not solve it.
    public var window: Double
    public var threading: MailThreading

    public static let defaultWindowDays = 7.0

    public init(windowDays: Double = Self.defaultWindowDays) {
        window = windowDays * 86_400
        threading = MailThreading(subjectWindow: window)
    }

    /// Every customer-opened thread's contact, in the order of their first message.
    public func contacts(_ messages: [MailEnvelope], asOf: Date) -> [FirstContact] {
        contacts(MailLog(messages), asOf: asOf)
    }

    /// Every customer-opened thread's contact among the log's messages, in the order of their first message.
    public func contacts(_ log: MailLog, asOf: Date) -> [FirstContact] {
        threading.threads(log, through: asOf).compactMap { contact(in: $0, of: log, asOf: asOf) }
    }

    /// The contact of one thread (the positions of its messages in `log`, in time order); nil when the team opened it.
    func contact(in positions: [Int], of log: MailLog, asOf: Date) -> FirstContact? {
        let thread = positions.map { log.entries[$0] }
        guard let first = thread.first, !first.fromTeam else { return nil }
        let isReply = { (entry: MailLog.Entry) in entry.fromTeam || entry.party != first.party }
        let date = { (entry: MailLog.Entry) in Date(timeIntervalSince1970: entry.sentAt) }
        var contact = FirstContact(thread: String(first.id, radix: 16), accountID: log.string(first.account), customerEmail: log.string(first.email),
                                   openedAt: date(first), firstReplyAt: nil, outcome: .unanswered, cause: nil, decidedAt: nil,
                                   messages: positions.count)
        guard let replyEntry = thread.first(where: isReply) else { return contact }
        let reply = date(replyEntry)
        contact.firstReplyAt = reply
        let windowEnd = reply.addingTimeInterval(window)
        let customerMessages = thread.filter { !isReply($0) }
        // The earliest evidence that the first contact did not solve it.
        var evidence: (at: Date, cause: FirstContact.Cause)?
        func note(_ at: Date, _ cause: FirstContact.Cause) {
            let at = max(at, reply)
            if evidence.map({ at < $0.at }) ?? true { evidence = (at, cause) }
        }
        if customerMessages.count(where: { date($0) < reply }) > 1 { note(reply, .wroteAgainBeforeReply) }
        if let again = customerMessages.first(where: { date($0) > reply && date($0) <= windowEnd }) { note(date(again), .wroteAgain) }
        if let said = customerMessages.first(where: { $0.stillUnresolved && date($0) <= windowEnd }) { note(date(said), .saidStillUnresolved) }
        if let evidence {
            (contact.outcome, contact.cause, contact.decidedAt) = (.notResolved, evidence.cause, evidence.at)
        } else if asOf >= windowEnd {
            (contact.outcome, contact.decidedAt) = (.resolved, windowEnd)
        } else {
            contact.outcome = .pending
        }
        return contact
    }
}
