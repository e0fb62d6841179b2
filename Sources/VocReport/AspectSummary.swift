public import VocCore

/// One aspect of a rating matrix as reported (`voc aspects`, `voc account`): % favourable (satisfied, or easy) with
/// its Wilson interval and the mean with its normal interval, on the aspect's scale, as CSAT and CES are reported.
public struct AspectSummary: Sendable, Encodable {
    public var question: String
    public var aspect: String
    /// `csat` or `ces`: whether "favourable" means satisfied or easy.
    public var kind: String
    /// The ratings as CSAT and CES are reported: % favourable with its interval, the mean with its interval, the scale.
    public var ratings: AccountSummary.Rating?

    public init(_ tally: AspectTally, minimumSample: Int) {
        question = tally.question
        aspect = tally.aspect
        kind = tally.kind.rawValue
        ratings = AccountSummary.rating(tally.ratings, defaultScale: tally.kind == .csat ? .csat5 : .ces7, minimumSample: minimumSample)
    }

    /// Aspects as `voc aspects` and `voc account` print them: the figures, then the aspect and its question.
    public static func table(_ aspects: [AspectSummary], width: Int?) -> String {
        var table = TextTable(columns: [
            .init("N", alignRight: true), .init("GOOD%", alignRight: true), .init("95% CI", alignRight: true, dropOrder: 2),
            .init("MEAN", alignRight: true), .init("SCALE", dropOrder: 1), .init("ASPECT", cut: .end), .init("QUESTION", cut: .end, dropOrder: 3),
        ])
        for aspect in aspects {
            let ratings = aspect.ratings
            table.append([
                "\(ratings?.answered ?? 0)", Formatting.fixed(ratings?.favourablePercent) + (ratings?.sufficient == false ? "*" : ""),
                ratings?.favourablePercent == nil ? "—" : Formatting.interval(ratings?.favourableCiLow, ratings?.favourableCiHigh),
                Formatting.fixed(ratings?.mean, decimals: 2), "\(aspect.kind) \(ratings?.scale.prefix { $0 != " " } ?? "")", aspect.aspect, aspect.question,
            ])
        }
        return table.render(maxWidth: width)
    }

    /// The CSV of `aspects`.
    public static func csv(_ aspects: [AspectSummary], _ csv: CSVWriter) -> String {
        let number = { (value: Double?) in value.map { "\($0)" } ?? "" }
        var text = csv.preamble + csv.row(["question", "aspect", "kind", "answered", "not_applicable", "favourable_percent", "favourable_ci_low",
                                           "favourable_ci_high", "mean", "mean_ci_low", "mean_ci_high", "scale", "sufficient"])
        for aspect in aspects {
            let ratings = aspect.ratings
            text += csv.row([aspect.question, aspect.aspect, aspect.kind, "\(ratings?.answered ?? 0)", "\(ratings?.notApplicable ?? 0)",
                             number(ratings?.favourablePercent), number(ratings?.favourableCiLow), number(ratings?.favourableCiHigh), number(ratings?.mean),
                             number(ratings?.meanCiLow), number(ratings?.meanCiHigh), ratings?.scale ?? "", "\(ratings?.sufficient ?? false)"])
        }
        return text
    }
}
