public import VocCore
import VocScore

/// One open question's answers as reported (`voc questions`, `voc account`): how many, their mean sentiment with a
/// normal 95 % interval, and the shares that were negative and positive.
public struct QuestionSummary: Sendable, Encodable {
    public var question: String
    public var answers: Int
    /// Mean compound sentiment of the scored answers, −1…1, and its interval (nil below two answers).
    public var sentimentMean: Double?
    public var sentimentCiLow: Double?
    public var sentimentCiHigh: Double?
    public var negativePercent: Double?
    public var positivePercent: Double?
    public var sufficient: Bool

    public init(_ tally: QuestionTally, minimumSample: Int) {
        question = tally.question
        answers = tally.answers
        sufficient = tally.scored >= minimumSample
        guard tally.scored > 0 else { return }
        let count = Double(tally.scored)
        let (sum, squareSum) = (RollupUnits.value(tally.sentimentUnits), RollupUnits.value(tally.sentimentSquareUnits))
        let mean = sum / count
        sentimentMean = RollupUnits.tidy(mean)
        negativePercent = 100 * Double(tally.negative) / count
        positivePercent = 100 * Double(tally.positive) / count
        if tally.scored >= 2 {
            let margin = Confidence.z * Confidence.varianceOfMean(sum: sum, squareSum: squareSum, count: tally.scored).squareRoot()
            sentimentCiLow = RollupUnits.tidy(max(-1, mean - margin))
            sentimentCiHigh = RollupUnits.tidy(min(1, mean + margin))
        }
    }
}
