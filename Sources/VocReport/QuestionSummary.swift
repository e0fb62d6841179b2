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

    /// Questions as `voc questions` and `voc account` print them.
    public static func table(_ questions: [QuestionSummary], width: Int?) -> String {
        // The question last: survey questions run long, and the figures stay in line before them.
        var table = TextTable(columns: [
            .init("ANSWERS", alignRight: true), .init("SENT", alignRight: true), .init("95% CI", alignRight: true, dropOrder: 2),
            .init("NEG%", alignRight: true), .init("POS%", alignRight: true, dropOrder: 1), .init("QUESTION", cut: .end),
        ])
        for question in questions {
            table.append([
                "\(question.answers)", Formatting.signed(question.sentimentMean, decimals: 2) + (question.sufficient ? "" : "*"),
                question.sentimentCiLow == nil ? "—" : Formatting.interval(question.sentimentCiLow, question.sentimentCiHigh, decimals: 2),
                Formatting.fixed(question.negativePercent, decimals: 0), Formatting.fixed(question.positivePercent, decimals: 0),
                question.question,
            ])
        }
        return table.render(maxWidth: width)
    }

    /// The CSV of `questions`, `csv` writing the cells.
    public static func csv(_ questions: [QuestionSummary], _ csv: CSVWriter) -> String {
        let number = { (value: Double?) in value.map { "\($0)" } ?? "" }
        var text = csv.preamble + csv.row(["question", "answers", "sentiment_mean", "sentiment_ci_low", "sentiment_ci_high", "negative_percent",
                                           "positive_percent", "sufficient"])
        for question in questions {
            text += csv.row([question.question, "\(question.answers)", number(question.sentimentMean), number(question.sentimentCiLow),
                             number(question.sentimentCiHigh), number(question.negativePercent), number(question.positivePercent),
                             "\(question.sufficient)"])
        }
        return text
    }
}
