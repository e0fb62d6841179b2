/// One respondent's answer to a rating question, keeping skipped answers apart from ratings
/// so they are never counted as zeros.
public enum ScoreAnswer: Sendable, Hashable {
    /// A valid rating on the question's scale.
    case rating(Int)
    /// The cell was empty: the respondent skipped the question.
    case blank
    /// An explicit "does not apply" answer (`N/A`, `NS/NC`, `não se aplica`, ...).
    case notApplicable

    public var rating: Int? {
        if case .rating(let value) = self { return value }
        return nil
    }

    /// The stored state code of a rating.
    public static let ratedStateCode = 1

    /// The stored state code: 1 answered, 2 blank, 3 not applicable (absent questions store NULL).
    public var stateCode: Int {
        switch self {
        case .rating: Self.ratedStateCode
        case .blank: 2
        case .notApplicable: 3
        }
    }

    public init?(stateCode: Int, value: Int?) {
        switch stateCode {
        case Self.ratedStateCode: guard let value else { return nil }; self = .rating(value)
        case 2: self = .blank
        case 3: self = .notApplicable
        default: return nil
        }
    }
}

/// A rating question's answer together with the scale it was asked on.
public struct ScaledAnswer: Sendable, Hashable {
    public var answer: ScoreAnswer
    public var scale: RatingScale

    public init(_ answer: ScoreAnswer, on scale: RatingScale) {
        self.answer = answer
        self.scale = scale
    }
}
