import Foundation
public import VocCore

/// The team-message table of both stores: one row per message from the team (`voc ingest --team-domain`), keyed by
/// the message's store key (`MailEnvelope`; `references` space-separated). A customer's message keeps the same facts
/// in its feedback row.
public enum MailColumn: Int, StoreColumn {
    case key, messageID, references, subject, sentAt, sender, customerEmail, accountID, recipient, fromTeam, stillUnresolved

    public var definition: (name: String, type: StoreValueType) {
        switch self {
        case .key: ("key", .text)
        case .messageID: ("message_id", .text)
        case .references: ("refs", .text)
        case .subject: ("subject", .text)
        case .sentAt: ("sent_at", .real)
        case .sender: ("sender", .text)
        case .customerEmail: ("customer_email", .text)
        case .accountID: ("account_id", .text)
        case .recipient: ("recipient", .text)
        case .fromTeam: ("from_team", .boolean)
        case .stillUnresolved: ("still_unresolved", .boolean)
        }
    }
}

extension MailEnvelope {
    /// Hands the message's values to `sink` in `MailColumn` order.
    public func write<Sink: StoreRowSink & ~Copyable>(into sink: inout Sink) {
        sink.put(key, MailColumn.key)
        sink.put(messageID, MailColumn.messageID)
        sink.put(references.isEmpty ? nil : references.joined(separator: " "), MailColumn.references)
        sink.put(subject, MailColumn.subject)
        sink.put(sentAt?.timeIntervalSince1970, MailColumn.sentAt)
        sink.put(sender, MailColumn.sender)
        sink.put(customerEmail, MailColumn.customerEmail)
        sink.put(accountID, MailColumn.accountID)
        sink.put(recipient, MailColumn.recipient)
        sink.put(fromTeam, MailColumn.fromTeam)
        sink.put(stillUnresolved, MailColumn.stillUnresolved)
    }

    /// Every column, as both stores select them.
    public static let columns = ColumnPositions<MailColumn>(MailColumn.allCases)

    /// The feedback columns a customer's message is read back from.
    public static let feedbackColumns = ColumnPositions<FeedbackColumn>([.key, .responseID, .references, .subject, .submittedAt,
                                                                         .respondentEmail, .accountID, .recipient, .stillUnresolved])

    /// Reads a customer's message from a row of `feedbackColumns`.
    public init(customerReading row: some StoreRowReader<FeedbackColumn>) throws {
        let sender = try row.text(.respondentEmail)
        self.init(key: try row.text(.key) ?? "", messageID: try row.text(.responseID),
                  references: (try row.text(.references) ?? "").split(separator: " ").map(String.init), subject: try row.text(.subject),
                  sentAt: try row.real(.submittedAt).map(Date.init(timeIntervalSince1970:)), sender: sender, customerEmail: sender,
                  accountID: try row.text(.accountID), recipient: try row.text(.recipient), fromTeam: false,
                  stillUnresolved: try row.flag(.stillUnresolved) ?? false)
    }

    /// Reads a row of `columns`.
    public init(reading row: some StoreRowReader<MailColumn>) throws {
        self.init(key: try row.text(.key) ?? "", messageID: try row.text(.messageID),
                  references: (try row.text(.references) ?? "").split(separator: " ").map(String.init), subject: try row.text(.subject),
                  sentAt: try row.real(.sentAt).map(Date.init(timeIntervalSince1970:)), sender: try row.text(.sender),
                  customerEmail: try row.text(.customerEmail), accountID: try row.text(.accountID),
                  recipient: try row.text(.recipient), fromTeam: try row.flag(.fromTeam) ?? false,
                  stillUnresolved: try row.flag(.stillUnresolved) ?? false)
    }
}

extension StoreSQL {
    /// The customers' e-mail messages, as `MailEnvelope.feedbackColumns` (by the partial index on e-mail).
    public static var customerMessages: String {
        "SELECT \(MailEnvelope.feedbackColumns.names()) FROM feedback WHERE channel = 'email'"
    }

    /// The team's messages, as `MailEnvelope.columns`.
    public static var teamMessages: String { "SELECT \(MailEnvelope.columns.names()) FROM team_message" }
}
