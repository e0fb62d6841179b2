/// Answers to a yes/no question ("would you recommend us?"): how many said yes or no, and how many said yes.
/// Blank and N/A answers are not counted: they are no answer.
public struct YesNoTally: Sendable, Hashable, Codable {
    public var answered = 0
    public var yes = 0

    public init(answered: Int = 0, yes: Int = 0) {
        self.answered = answered
        self.yes = yes
    }

    /// Counts one answer, yes being `.rating(1)`.
    public mutating func add(_ answer: ScoreAnswer?) {
        guard let value = answer?.rating else { return }
        answered += 1
        if value == 1 { yes += 1 }
    }

    public mutating func merge(_ other: YesNoTally) {
        answered += other.answered
        yes += other.yes
    }
}
