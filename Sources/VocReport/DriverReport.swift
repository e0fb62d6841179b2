public import Foundation
public import VocScore

/// A key-driver analysis with its scope and window, as `voc drivers` prints it in every format.
public struct DriverReport: Sendable {
    public var scope: DriverScope
    /// The submission window the records were summed over; nil: all time (the rollups).
    public var window: DateInterval?
    public var analysis: DriverAnalysis

    public init(scope: DriverScope, window: DateInterval?, analysis: DriverAnalysis) {
        self.scope = scope
        self.window = window
        self.analysis = analysis
    }

    /// `all time`, or the window's bounds (an open side as `…`).
    public var period: String {
        guard let window else { return "all time" }
        let bound = { (date: Date, open: Date) in date == open ? "…" : Formatting.iso8601(date) }
        return "\(bound(window.start, .distantPast)) – \(bound(window.end, .distantFuture))"
    }

    /// The table: drivers with enough answers ranked, then the thin ones apart, then what the marks mean.
    public func table(width: Int?) -> String {
        let scopeTally = analysis.scope
        let byAspect = analysis.dimension == .aspect
        var text = "\(byAspect ? "aspect drivers" : "key drivers") · \(scope.description) · \(period) · \(Formatting.count(scopeTally.responses, "response"))"
        text += analysis.basis == .nps
            ? " · NPS \(Formatting.signed(analysis.npsScore)) (n \(scopeTally.nps.answered))\n"
            : " · no NPS answers: ranked by sentiment (n \(scopeTally.scoredComments))\n"
        let ranked = analysis.drivers.filter { !$0.thin }, thin = analysis.drivers.filter(\.thin)
        guard !analysis.drivers.isEmpty else {
            return text + (byAspect ? "no aspect of a rating matrix is rated in this scope (`voc aspects`)\n" : "no topic or signal is mentioned in this scope\n")
        }
        func render(_ drivers: [KeyDriver]) -> String {
            var table = TextTable(columns: [
                .init(byAspect ? "ASPECT" : "DRIVER", cut: .end), byAspect ? .init("QUESTION", cut: .end, dropOrder: 5) : .init("KIND", dropOrder: 4),
                .init(byAspect ? "UNFAV" : "MENTIONS", alignRight: true), .init(byAspect ? "OF" : "SHARE", alignRight: true, dropOrder: 3),
                .init(byAspect ? "NPS UNFAV" : "NPS WITH", alignRight: true), .init(byAspect ? "FAV" : "WITHOUT", alignRight: true),
                .init("DIFF [95% CI]", alignRight: true), .init("IMPACT", alignRight: true), .init("CSAT% Δ", alignRight: true, dropOrder: 2),
                .init("SENT Δ", alignRight: true, dropOrder: 1),
            ])
            for driver in drivers {
                let difference = driver.difference
                let decimals = driver.basis == .nps ? 1 : 2
                let interval = Formatting.interval(of: difference, decimals: decimals) ?? ""
                table.append([
                    driver.driver, driver.aspect?.question ?? driver.kind.rawValue, "\(driver.mentions)",
                    byAspect ? "\(driver.base)" : Formatting.fixed(100 * driver.share, decimals: 0) + "%",
                    Formatting.fixed(driver.nps.current), Formatting.fixed(driver.nps.previous),
                    "\(Formatting.signed(difference.change, decimals: decimals)) \(interval)\(driver.established ? "" : " ·")",
                    Formatting.signed(driver.impact), Formatting.signed(driver.csat.change), Formatting.signed(driver.sentiment.change, decimals: 2),
                ])
            }
            return table.render(maxWidth: width) + "\n"
        }
        if !ranked.isEmpty { text += render(ranked) }
        if !thin.isEmpty {
            text += "too few answers to rank (fewer than \(analysis.minimumSample) on either side; --min-n):\n" + render(thin)
        }
        let measure = analysis.basis == .nps ? "NPS" : "mean sentiment"
        if byAspect {
            text += "UNFAV: responses that rated the aspect unfavourably, OF: that rated it. DIFF: \(measure) among them minus among those that "
            text += "rated it favourably; · its interval crosses 0 (not established). IMPACT: NPS points its raters would gain if they scored like "
            text += "those that rated it favourably.\n"
        } else {
            text += "DIFF: \(measure) among the responses that mention it minus the rest; "
            text += "· its interval crosses 0 (not established). IMPACT: NPS points the scope would gain if they scored like the rest.\n"
        }
        return text
    }

    public func csv(_ csv: CSVWriter) -> String {
        var text = csv.preamble + csv.row([
            "driver", "kind", "mentions", "share", "nps_with", "nps_without", "nps_answered_with", "nps_answered_without", "difference",
            "difference_ci_low", "difference_ci_high", "impact", "established", "thin", "basis", "negative_share", "csat_with", "csat_without",
            "csat_difference", "sentiment_with", "sentiment_without", "sentiment_difference", "question", "rated",
        ])
        let number = { (value: Double?) in value.map { "\($0)" } ?? "" }
        for driver in analysis.drivers {
            text += csv.row([
                driver.driver, driver.kind.rawValue, "\(driver.mentions)", "\(driver.share)", number(driver.nps.current), number(driver.nps.previous),
                "\(driver.nps.currentAnswered)", "\(driver.nps.previousAnswered)", number(driver.nps.change),
                number(driver.nps.changeCiLow), number(driver.nps.changeCiHigh), number(driver.impact), "\(driver.established)",
                "\(driver.thin)", driver.basis.rawValue, number(driver.negativeShare), number(driver.csat.current), number(driver.csat.previous), number(driver.csat.change),
                number(driver.sentiment.current), number(driver.sentiment.previous), number(driver.sentiment.change),
                driver.aspect?.question ?? "", driver.aspect == nil ? "" : "\(driver.base)",
            ])
        }
        return text
    }
}

extension DriverReport: Encodable {
    private enum CodingKeys: String, CodingKey {
        case scope, account, segment, csm, since, until, by, responses, npsAnswered, nps, basis, minimumSample, drivers
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scope.description, forKey: .scope)
        try container.encode(scope.account, forKey: .account)
        try container.encode(scope.segment, forKey: .segment)
        try container.encode(scope.owner, forKey: .csm)
        try container.encode(window.flatMap { $0.start == .distantPast ? nil : $0.start }, forKey: .since)
        try container.encode(window.flatMap { $0.end == .distantFuture ? nil : $0.end }, forKey: .until)
        try container.encode(analysis.dimension.rawValue, forKey: .by)
        try container.encode(analysis.scope.responses, forKey: .responses)
        try container.encode(analysis.scope.nps.answered, forKey: .npsAnswered)
        try container.encode(analysis.npsScore, forKey: .nps)
        try container.encode(analysis.basis, forKey: .basis)
        try container.encode(analysis.minimumSample, forKey: .minimumSample)
        try container.encode(analysis.drivers, forKey: .drivers)
    }
}
