/// How many comments in one language mention a phrase over a span of days: what the phrase index (`PhraseDayCount`)
/// gives back, summed over the days asked for. The empty phrase counts the comments themselves.
public struct PhraseCount: Sendable, Hashable {
    public var phrase: String
    public var language: String?
    public var mentions: Int

    public init(phrase: String, language: String?, mentions: Int) {
        self.phrase = phrase
        self.language = language
        self.mentions = mentions
    }
}

/// A row of the phrase index that `voc themes` keeps in the store: how many commented records submitted on one UTC day
/// (days since 1970-01-01) in one language mention a phrase. The empty phrase counts the day's comments.
public struct PhraseDayCount: Sendable, Hashable {
    public var day: Int
    public var count: PhraseCount

    public init(day: Int, phrase: String, language: String?, mentions: Int) {
        self.day = day
        count = PhraseCount(phrase: phrase, language: language, mentions: mentions)
    }

    /// The UTC day an instant falls on.
    public static func day(of instant: Double) -> Int { Int((instant / 86_400).rounded(.down)) }
}

/// How far the phrase index reaches on some days: for each day counted, the arrival position through which its
/// comments are counted (a comment that arrived later is not yet), and the fingerprint of the phrase extractor it was
/// counted with (other stop words or rules count other phrases, so an index counted with another extractor is
/// started over). Days never counted are absent.
public struct PhraseIndexMarks: Sendable, Hashable {
    public var extractor: String?
    public var through: [Int: Int64]

    public init(extractor: String?, through: [Int: Int64]) {
        self.extractor = extractor
        self.through = through
    }
}
