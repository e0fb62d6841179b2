public import Foundation
public import VocCore

/// A text signal a comment can show.
public enum CommentSignal: String, Sendable, CaseIterable, Encodable {
    case churn, effort
}

/// What an account's comments are filtered by: a topic, a text signal, words in the text (any case or accents), a
/// sentiment label, a language, a channel and a date range (whole UTC days, both ends included), latest first, a page
/// at a time.
public struct CommentQuery: Sendable, Encodable {
    public var topic: String?
    public var text: String?
    public var signal: CommentSignal?
    public var label: SentimentLabel?
    public var language: String?
    public var channel: String?
    public var from: Date?
    public var to: Date?
    public var page = 1
    public var pageSize = 50

    public init(topic: String? = nil, signal: CommentSignal? = nil, text: String? = nil, label: SentimentLabel? = nil, language: String? = nil,
                channel: String? = nil, from: Date? = nil, to: Date? = nil, page: Int = 1, pageSize: Int = 50) {
        self.topic = topic
        self.text = text
        self.signal = signal
        self.label = label
        self.language = language
        self.channel = channel
        self.from = from
        self.to = to
        self.page = max(1, page)
        self.pageSize = max(1, pageSize)
    }

    public func matches(_ record: StoredFeedback) -> Bool {
        guard let comment = record.comment else { return false }
        if let text, comment.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) == nil { return false }
        if let topic, record.sentiment?.topics.contains(topic) != true { return false }
        switch signal {
        case .churn?: if record.sentiment?.churn != true { return false }
        case .effort?: if record.sentiment?.effort != true { return false }
        case nil: break
        }
        if let label, record.sentiment?.label != label { return false }
        if let language, record.language != language { return false }
        if let channel, record.channel != channel { return false }
        if let from, (record.submittedAt.map { $0 < from } ?? true) { return false }
        if let to, (record.submittedAt.map { $0 >= to.addingTimeInterval(86_400) } ?? true) { return false }
        return true
    }

    /// The query string with `page` (for the pager's links).
    public func link(page newPage: Int) -> String {
        let day = { (date: Date?) in date.map { String(Formatting.iso8601($0).prefix(10)) } }
        let items = [("topic", topic), ("signal", signal?.rawValue), ("q", text), ("label", label?.rawValue), ("language", language), ("channel", channel), ("from", day(from)),
                     ("to", day(to)), ("page", newPage > 1 ? String(newPage) : nil), ("page_size", pageSize != 50 ? String(pageSize) : nil)]
        return "?" + items.compactMap { name, value in value.map { "\(name)=\(AccountQuery.percentEncode($0))" } }.joined(separator: "&")
    }
}

/// One account's comments that match a `CommentQuery`, with the values its filters can take.
public struct AccountComments: Sendable, Encodable {
    public var type = "comments"
    public var account: String
    public var query: CommentQuery
    /// The latest comments read (`Dashboard.commentWindow` at most), and how many of them match.
    public var read: Int
    public var matched: Int
    public var pages: Int
    public var comments: [CommentRow]
    public var topics: [String]
    public var languages: [String]
    public var channels: [String]
}

/// A comment as the comment list shows it: when, where from and who (channel and respondent, not the server's file
/// path), its scores and sentiment, and its text.
public struct CommentRow: Sendable, Encodable {
    public var key: String
    public var submittedAt: Date?
    public var channel: String
    public var respondent: String?
    public var nps: Int?
    public var sentiment: Double?
    public var label: SentimentLabel?
    public var language: String?
    public var topics: [String]
    public var comment: String

    init(_ record: StoredFeedback) {
        key = record.key
        submittedAt = record.submittedAt
        channel = record.channel
        respondent = record.respondentEmail
        if case .rating(let value)? = record.nps { nps = value }
        sentiment = record.sentiment?.compound
        label = record.sentiment?.label
        language = record.language
        topics = record.sentiment?.topics ?? []
        comment = record.comment ?? ""
    }
}
