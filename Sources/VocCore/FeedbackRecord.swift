public import Foundation

/// One piece of customer feedback, whatever format it came from: a survey response, an e-mail, an XML row.
///
/// A record is created once by an ingester, enriched by later stages and stored once under `key`.
public struct FeedbackRecord: Sendable, Hashable {
    /// The deduplication key: the source's own id (response id, Message-ID) when it has one, else a content hash.
    public var key: String
    public var channel: FeedbackChannel
    public var position: SourcePosition
    public var responseID: String?
    public var accountID: String?
    public var accountName: String?
    public var respondentEmail: String?
    public var submittedAt: Date?
    /// `nil` when the source has no such question; otherwise the answer, skipped or not.
    public var nps: ScaledAnswer?
    public var csat: ScaledAnswer?
    public var ces: ScaledAnswer?
    /// A yes/no "would you recommend us?" answer (yes is `.rating(1)`): a measure of its own, never NPS.
    public var recommend: ScoreAnswer?
    /// The answered rows of rating matrices under a satisfaction or effort question, in column order.
    public var aspects: [AspectRating] = []
    public var comment: String?
    /// In a survey with several open questions, each one answered, in column order (`comment` joins them); empty
    /// otherwise.
    public var answers: [OpenAnswer] = []
    /// An ISO 639-1 code (`es`, `pt`, `en`) or `other`; declared by the source or detected later.
    public var language: String?
    /// E-mail: the subject, the sender's display name, the thread root (References / In-Reply-To), and the quoted
    /// replies, forwards and signature that were stripped from `comment` (kept for inspection).
    public var subject: String?
    public var authorName: String?
    public var thread: String?
    public var quoted: String?
    /// E-mail: the message's threading facts (`MailEnvelope`), kept in a box of their own so that survey records,
    /// which have none, stay as small as they were.
    public var mail: MailEnvelope? {
        get { if case .envelope(let envelope)? = mailBox { envelope } else { nil } }
        set { mailBox = newValue.map(MailBox.envelope) }
    }
    private var mailBox: MailBox?
    /// The comment's sentiment and signals; nil when there is no comment or it was not scored.
    public var sentiment: SentimentSummary?

    public init(key: String, channel: FeedbackChannel, position: SourcePosition) {
        self.key = key
        self.channel = channel
        self.position = position
    }
}

/// A heap box for a record's `MailEnvelope`.
private indirect enum MailBox: Sendable, Hashable {
    case envelope(MailEnvelope)
}

/// The kind of source a record came from.
public enum FeedbackChannel: String, Sendable, Hashable, Codable {
    case survey
    case email
    case xml
}
