/// The answers to one open question (of one account, or all): how many, and their sentiment.
public struct QuestionTally: Sendable, Hashable {
    public var question: String
    /// The earliest place among a record's answers the question had: questions are listed in their survey's order.
    public var firstOrdinal: Int
    public var answers: Int
    /// Scored answers, the sums of their compound scores and of their squares (in `RollupUnits`, so any store sums
    /// them exactly, in any order), and how many were negative or positive.
    public var scored: Int
    public var sentimentUnits: Int
    public var sentimentSquareUnits: Int
    public var negative: Int
    public var positive: Int

    public init(question: String, firstOrdinal: Int, answers: Int = 0, scored: Int = 0, sentimentUnits: Int = 0,
                sentimentSquareUnits: Int = 0, negative: Int = 0, positive: Int = 0) {
        self.question = question
        self.firstOrdinal = firstOrdinal
        self.answers = answers
        self.scored = scored
        self.sentimentUnits = sentimentUnits
        self.sentimentSquareUnits = sentimentSquareUnits
        self.negative = negative
        self.positive = positive
    }

    /// The tallies of `answers` per question, `ordered`.
    public static func tallies(of answers: some Sequence<StoredOpenAnswer>) -> [QuestionTally] {
        var tallies: [String: QuestionTally] = [:]
        for answer in answers {
            var tally = tallies[answer.question] ?? QuestionTally(question: answer.question, firstOrdinal: answer.ordinal)
            tally.firstOrdinal = min(tally.firstOrdinal, answer.ordinal)
            tally.answers += 1
            if let sentiment = answer.sentiment {
                tally.scored += 1
                tally.sentimentUnits += RollupUnits.units(sentiment)
                tally.sentimentSquareUnits += RollupUnits.units(sentiment * sentiment)
                if answer.label == .negative { tally.negative += 1 }
                if answer.label == .positive { tally.positive += 1 }
            }
            tallies[answer.question] = tally
        }
        return ordered(tallies.values)
    }

    /// In survey order: the question of the earliest column first, then the most answered, then by text.
    public static func ordered(_ tallies: some Sequence<QuestionTally>) -> [QuestionTally] {
        tallies.sorted { left, right in
            if left.firstOrdinal != right.firstOrdinal { return left.firstOrdinal < right.firstOrdinal }
            if left.answers != right.answers { return left.answers > right.answers }
            return left.question < right.question
        }
    }
}
