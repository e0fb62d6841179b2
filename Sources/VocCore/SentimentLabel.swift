/// A comment's sentiment class, decided from its compound score; the raw values are what stores and outputs write.
public enum SentimentLabel: String, Sendable, Hashable, Codable, CaseIterable {
    case negative = "neg", neutral = "neu", positive = "pos"
}
