/// Why a text scored as it did: one item per sentiment-bearing token or phrase, and one for punctuation.
/// Each item's `base` plus its steps' deltas equals its `contribution`, and the contributions add up to `sum`,
/// from which `compound` is computed.
public struct SentimentTrace: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        case word, idiom, hashtag, emoji, emoticon, punctuation
        /// A function verb negated or after a failure cue: "would not close", "no carga", "parou de sincronizar".
        case failure
        /// An effort phrase no other item covers: "took forever", "tuve que llamar tres veces".
        case effort
        /// A function verb followed by a success cue: "arrived a day early", "conectó a la primera".
        case success
    }

    public enum Rule: String, Sendable, Hashable, Codable {
        case booster, dampener, capitals, negation, privative, beforeContrast = "before-contrast", afterContrast = "after-contrast"
        case concession, exclamation, question
        /// "never so happy", "nunca tan contento", "nunca tão satisfeito": a negator of time with a degree word
        /// emphasises instead of negating.
        case emphasis
    }

    public struct Step: Sendable, Hashable, Codable {
        public var rule: Rule
        /// The word that triggered the rule (`muy`, `not`, `pero`), or the punctuation.
        public var cue: String
        public var delta: Double
    }

    public struct Item: Sendable, Hashable, Codable {
        /// Token indices the item covers.
        public var tokens: Range<Int>
        public var text: String
        public var source: Source
        public var base: Double
        public var steps: [Step]
        public var contribution: Double
    }

    public var items: [Item] = []

    /// The raw score: the sum of the contributions.
    public var sum: Double { items.reduce(0) { $0 + $1.contribution } }
}
