public import Foundation

/// One e-mail thread a customer opened, and whether it was resolved at first contact: the customer wrote once, the
/// team replied, and the customer neither wrote again within the window nor said the problem goes on.
public struct FirstContact: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case resolved
        case notResolved = "not-resolved"
        /// Replied to less than a window ago: the customer may still write again.
        case pending
        /// No reply yet: not a contact the team has handled.
        case unanswered
    }

    /// Why a contact was not resolved at first contact.
    public enum Cause: String, Sendable, Hashable {
        /// The customer wrote more than once before the first reply.
        case wroteAgainBeforeReply = "wrote-again-before-reply"
        /// The customer wrote again within the window after the first reply.
        case wroteAgain = "wrote-again"
        /// A customer message says the problem goes on ("still not working", `still-unresolved.txt`).
        case saidStillUnresolved = "said-still-unresolved"
    }

    /// The thread's id: the hash of its first message's Message-ID (else store key), in hexadecimal.
    public var thread: String
    /// The customer's account key and address, from the thread's first message (see `AccountResolver`).
    public var accountID: String?
    public var customerEmail: String?
    /// The customer's first message.
    public var openedAt: Date
    public var firstReplyAt: Date?
    public var outcome: Outcome
    public var cause: Cause?
    /// When the outcome became known: the window's end for a resolved contact, the message that made it unresolved
    /// (or the first reply, if later) otherwise; nil while pending or unanswered.
    public var decidedAt: Date?
    /// The thread's messages, the customer's and the team's.
    public var messages: Int

    public init(thread: String, accountID: String?, customerEmail: String?, openedAt: Date, firstReplyAt: Date?, outcome: Outcome,
                cause: Cause?, decidedAt: Date?, messages: Int) {
        self.thread = thread
        self.accountID = accountID
        self.customerEmail = customerEmail
        self.openedAt = openedAt
        self.firstReplyAt = firstReplyAt
        self.outcome = outcome
        self.cause = cause
        self.decidedAt = decidedAt
        self.messages = messages
    }
}
