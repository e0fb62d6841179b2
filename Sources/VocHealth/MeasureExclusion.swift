/// Why a measure is left out of an account's score (its weight goes to the measures present).
public enum MeasureExclusion: String, Sendable, Hashable, Encodable {
    /// The account's segment profile gives it no weight.
    case zeroWeight = "weight 0"
    /// The sentiment trend compares the last two periods, and one of them has no scored comment.
    case needsTwoPeriods = "needs comments in both of the last two periods"
    /// The account has no answer to the question within the decay window.
    case noAnswers = "no answers"
}
