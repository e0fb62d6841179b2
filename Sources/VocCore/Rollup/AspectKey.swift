/// One aspect of a rating matrix (its question, its row and whether it rates satisfaction or effort), as rollup labels
/// name it: the kind, question and aspect joined by U+001F (a U+001E or U+001F inside a header reads as a space, as
/// the stores' rebuild reads it).
public struct AspectKey: Sendable, Hashable {
    public var question: String
    public var aspect: String
    public var kind: AspectRating.Kind

    public init(question: String, aspect: String, kind: AspectRating.Kind) {
        self.question = question
        self.aspect = aspect
        self.kind = kind
    }

    public init(_ rating: AspectRating) {
        self.init(question: rating.question, aspect: rating.aspect, kind: rating.kind)
    }

    public static let separator: Character = "\u{1F}"

    /// The text of its rollup labels.
    public var labelText: String {
        let clean = { (text: String) in
            text.contains { $0 == "\u{1E}" || $0 == Self.separator } ? String(text.map { $0 == "\u{1E}" || $0 == Self.separator ? " " : $0 }) : text
        }
        return [kind.rawValue, clean(question), clean(aspect)].joined(separator: String(Self.separator))
    }

    /// Reads `labelText`; nil for a text that is not one.
    public init?(labelText: String) {
        let parts = labelText.split(separator: Self.separator, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let kind = AspectRating.Kind(rawValue: String(parts[0])) else { return nil }
        self.init(question: String(parts[1]), aspect: String(parts[2]), kind: kind)
    }
}
