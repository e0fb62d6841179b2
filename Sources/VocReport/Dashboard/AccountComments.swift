public import Foundation
public import VocCore

/// What an account's comments are filtered by: a topic, a sentiment label, a language, a channel and a date range
/// (whole UTC days, both ends included), latest first, a page at a time.
public struct CommentQuery: Sendable, Encodable {
    public var topic: String?
    public var label: SentimentLabel?
    public var language: String?
    public var channel: String?
    public var from: Date?
    public var to: Date?
    public var page = 1
    public var pageSize = 50

    public init(topic: String? = nil, label: SentimentLabel? = nil, language: String? = nil, channel: String? = nil,
                from: Date? = nil, to: Date? = nil, page: Int = 1, pageSize: Int = 50) {
        self.topic = topic
        self.label = label
        self.language = language
        self.channel = channel
        self.from = from
        self.to = to
        self.page = max(1, page)
        self.pageSize = max(1, pageSize)
    }

    public func matches(_ record: StoredFeedback) -> Bool {
        guard record.comment != nil else { return false }
        if let topic, record.sentiment?.topics.contains(topic) != true { return false }
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
        let items = [("topic", topic), ("label", label?.rawValue), ("language", language), ("channel", channel), ("from", day(from)),
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

/// A topic among an account's latest comments: how many mention it, the share of those that are negative and their
/// mean sentiment.
public struct AccountTopic: Sendable, Encodable {
    public var topic: String
    public var mentions: Int
    public var negativePercent: Double
    public var meanSentiment: Double

    /// The topics of `records`' comments, most mentioned first (ties by name).
    static func topics(of records: [StoredFeedback]) -> [AccountTopic] {
        var tallies: [String: (mentions: Int, negative: Int, sum: Double)] = [:]
        for record in records where record.comment != nil {
            guard let sentiment = record.sentiment else { continue }
            for topic in sentiment.topics {
                tallies[topic, default: (0, 0, 0)].mentions += 1
                tallies[topic, default: (0, 0, 0)].negative += sentiment.label == .negative ? 1 : 0
                tallies[topic, default: (0, 0, 0)].sum += sentiment.compound
            }
        }
        return tallies.map { topic, tally in
            AccountTopic(topic: topic, mentions: tally.mentions, negativePercent: 100 * Double(tally.negative) / Double(tally.mentions),
                         meanSentiment: tally.sum / Double(tally.mentions))
        }.sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.topic < $1.topic }
    }
}
