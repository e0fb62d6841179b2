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

    /// The text of its rollup labels. Built for every rated aspect a record has, so by bytes: with `joined` and a
    /// scan by characters it was a tenth of ingesting a survey with a rating matrix (perf).
    public var labelText: String {
        let separator = String(Self.separator)
        var text = ""
        text.reserveCapacity(kind.rawValue.utf8.count + question.utf8.count + aspect.utf8.count + 2)
        text += kind.rawValue
        text += separator
        text += Self.clean(question)
        text += separator
        text += Self.clean(aspect)
        return text
    }

    /// `text` with U+001E and U+001F as spaces.
    private static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x1E || $0 == 0x1F }) else { return text }
        return String(text.map { $0 == "\u{1E}" || $0 == separator ? " " : $0 })
    }

    /// Reads `labelText`; nil for a text that is not one.
    public init?(labelText: String) {
        let parts = labelText.split(separator: Self.separator, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let kind = AspectRating.Kind(rawValue: String(parts[0])) else { return nil }
        self.init(question: String(parts[1]), aspect: String(parts[2]), kind: kind)
    }
}
