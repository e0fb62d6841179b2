/// Open questions as `voc questions` and `voc account` print them: one row per question, with its answers, mean
/// sentiment and its 95 % interval, and the negative and positive shares.
public enum QuestionTable {
    public static func render(_ questions: [QuestionSummary], width: Int?) -> String {
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
