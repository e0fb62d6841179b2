public import VocCore

/// The sentiment of one text, with the signals found in it.
public struct SentimentResult: Sendable, Hashable, Codable {
    /// `es`, `pt`, `en` or `other`; declared by the source or identified.
    public var language: String
    public var languageConfidence: Double
    /// −1…1: `sum / √(sum² + 15)`.
    public var compound: Double
    /// Shares of positive, neutral and negative weight, adding up to 1 (0 for an empty text).
    public var positive: Double
    public var neutral: Double
    public var negative: Double
    /// `pos` when compound ≥ 0.05, `neg` when ≤ −0.05, else `neu`.
    public var label: SentimentLabel
    /// Whether any word, phrase, emoji or emoticon of the lexicons was found. Without evidence a text is labelled
    /// `neu` because nothing was recognised, not because it is neutral: callers can tell "unknown" from a neutral
    /// whose evidence is weak or balanced.
    public var evidence: Bool
    public var trace: SentimentTrace
    /// Churn-intent phrases found ("cancel my subscription", "vou cancelar"), independent of polarity.
    public var churn: [String]
    /// Effort phrases found ("took forever", "tuve que llamar tres veces").
    public var effort: [String]
    /// Topics from the keyword taxonomy (pricing, billing, support, …), sorted.
    public var topics: [String]

    public static func label(for compound: Double) -> SentimentLabel {
        compound >= SentimentTunables.positiveThreshold ? .positive : compound <= SentimentTunables.negativeThreshold ? .negative : .neutral
    }

    public static func normalize(_ sum: Double) -> Double {
        guard sum != 0 else { return 0 }
        return max(-1, min(1, sum / (sum * sum + SentimentTunables.normalizationAlpha).squareRoot()))
    }
}
