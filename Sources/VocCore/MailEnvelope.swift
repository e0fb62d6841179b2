public import Foundation

/// What threading and first-contact resolution need of one e-mail message, from the customer or from the team: who
/// wrote it, when, to which account it belongs and which messages it answers. A customer's message keeps it in its
/// feedback row; a team member's (its sender's domain is one of the team's, `voc ingest --team-domain`) is not feedback
/// and is stored only as this.
public struct MailEnvelope: Sendable, Hashable {
    /// The message's store key (the feedback key of a customer's message).
    public var key: String
    /// Message-ID, without angle brackets.
    public var messageID: String?
    /// The Message-IDs the message answers: References, then In-Reply-To (at most `maximumReferences`).
    public var references: [String]
    public var subject: String?
    public var sentAt: Date?
    /// The sender's address, lower-cased.
    public var sender: String?
    /// The customer's address (the sender's, or for a team message its first recipient outside the team) and
    /// account key (its company domain, `EmailDomain.accountKey`).
    public var customerEmail: String?
    public var accountID: String?
    /// Who the message is addressed to: the account key of its first recipient (outside the team, for a team
    /// message), else that recipient's address. With the sender's, it pairs a reply with its thread by subject.
    public var recipient: String?
    /// Whether the sender's domain is one of the team's.
    public var fromTeam: Bool
    /// Whether the customer's own words say the problem is still not solved ("sigue sin resolverse").
    public var stillUnresolved = false

    /// A message naming more is cut to the first (the thread's root) and the last ones (its parents).
    public static let maximumReferences = 32

    public init(key: String, messageID: String?, references: [String], subject: String?, sentAt: Date?, sender: String?,
                customerEmail: String?, accountID: String?, recipient: String?, fromTeam: Bool, stillUnresolved: Bool = false) {
        self.key = key
        self.messageID = messageID
        self.references = references
        self.subject = subject
        self.sentAt = sentAt
        self.sender = sender
        self.customerEmail = customerEmail
        self.accountID = accountID
        self.recipient = recipient
        self.fromTeam = fromTeam
        self.stillUnresolved = stillUnresolved
    }
}
