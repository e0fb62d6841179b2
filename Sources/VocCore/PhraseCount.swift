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
