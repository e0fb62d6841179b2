/// One row of a rating matrix under a satisfaction or effort question ("How satisfied are you with … [Support]"):
/// a rating of one aspect of the experience, kept beside the response's own CSAT or CES, never as it.
public struct AspectRating: Sendable, Hashable {
    /// Whether the matrix asks about satisfaction (CSAT) or effort (CES): which favourable band its scale has.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case csat, ces
    }

    /// The matrix's question and the row's aspect, as the header gives them.
    public var question: String
    public var aspect: String
    public var kind: Kind
    public var answer: ScaledAnswer

    public init(question: String, aspect: String, kind: Kind, answer: ScaledAnswer) {
        self.question = question
        self.aspect = aspect
        self.kind = kind
        self.answer = answer
    }
}
