import VocReport

/// Renders account summaries in every output format (shared by `accounts` and `account`).
struct AccountListing {
    var summaries: [AccountSummary]
    var minimumSample: Int

    static let unmatched = "(unmatched)"

    func print(_ output: OutputOptions) {
        switch output.format {
        case .table:
            // The would-recommend column only when some account was asked a yes/no recommend question.
            let recommend = summaries.contains { $0.recommend != nil }
            // First-contact resolution only when some account has a decided e-mail thread.
            let fcr = summaries.contains { $0.fcr?.percent != nil }
            var table = TextTable(columns: [
                .init("ACCOUNT"), .init("NAME", cut: .end), .init("RESP", alignRight: true),
                .init("NPS", alignRight: true), .init("95% CI", alignRight: true), .init("N", alignRight: true, dropOrder: 2),
            ] + (recommend ? [.init("REC%", alignRight: true, dropOrder: 8)] : []) + [
                .init("CSAT%", alignRight: true), .init("CSAT", alignRight: true, dropOrder: 6), .init("CES", alignRight: true),
                .init("EASY%", alignRight: true, dropOrder: 5), .init("SENT", alignRight: true), .init("NEG%", alignRight: true, dropOrder: 4),
                .init("LAST", dropOrder: 3), .init("TOPICS", cut: .end, dropOrder: 7),
            ] + (fcr ? [.init("FCR%", alignRight: true, dropOrder: 9)] : []))
            for summary in summaries {
                table.append(Self.cells(summary, recommend: recommend)
                             + (fcr ? [Formatting.fixed(summary.fcr?.percent) + (summary.fcr?.sufficient == false ? "*" : "")] : []))
            }
            Console.out(table.render(maxWidth: Console.width))
            let unknown = summaries.filter { $0.account != nil && $0.inDirectory == false }
            if !unknown.isEmpty {
                Console.out("? not in the account directory: \(unknown.count) keys, \(unknown.reduce(0) { $0 + $1.responses }) responses (voc accounts import)")
            }
            if summaries.contains(where: {
                $0.nps?.sufficient == false || $0.recommend?.sufficient == false || $0.csat?.sufficient == false || $0.ces?.sufficient == false
                    || ($0.fcr?.percent != nil && $0.fcr?.sufficient == false)
            }) {
                Console.out("* fewer than \(minimumSample) answers: too few to judge (--min-n)")
            }
        case .json:
            Console.out(JSONOutput.encode(summaries, pretty: true))
        case .ndjson:
            for summary in summaries { Console.out(JSONOutput.encode(summary, pretty: false)) }
        case .csv:
            let csv = output.csv
            var text = csv.preamble + csv.row([
                "account", "name", "responses", "nps", "nps_ci_low", "nps_ci_high", "nps_n", "csat_percent", "csat_mean", "csat_n",
                "ces_mean", "ces_easy_percent", "ces_n", "sentiment_mean", "negative_percent", "churn_mentions", "effort_mentions",
                "topics", "last_response", "in_directory", "segment", "owner", "arr", "recommend_percent", "recommend_ci_low",
                "recommend_ci_high", "recommend_n", "fcr_percent", "fcr_ci_low", "fcr_ci_high", "fcr_n",
            ])
            for summary in summaries {
                text += csv.row([
                    summary.account ?? "", summary.name ?? "", "\(summary.responses)",
                    Self.raw(summary.nps?.score), Self.raw(summary.nps?.ciLow), Self.raw(summary.nps?.ciHigh), "\(summary.nps?.answered ?? 0)",
                    Self.raw(summary.csat?.favourablePercent), Self.raw(summary.csat?.mean), "\(summary.csat?.answered ?? 0)",
                    Self.raw(summary.ces?.mean), Self.raw(summary.ces?.favourablePercent), "\(summary.ces?.answered ?? 0)",
                    Self.raw(summary.sentiment?.mean), Self.raw(summary.sentiment?.negativePercent),
                    "\(summary.sentiment?.churnMentions ?? 0)", "\(summary.sentiment?.effortMentions ?? 0)",
                    summary.sentiment?.topics.joined(separator: "|") ?? "",
                    summary.lastResponse.map(Formatting.iso8601) ?? "",
                    summary.inDirectory.map { "\($0)" } ?? "", summary.segment ?? "", summary.owner ?? "", Self.raw(summary.arr),
                    Self.raw(summary.recommend?.percent), Self.raw(summary.recommend?.ciLow), Self.raw(summary.recommend?.ciHigh),
                    "\(summary.recommend?.answered ?? 0)",
                    Self.raw(summary.fcr?.percent), Self.raw(summary.fcr?.ciLow), Self.raw(summary.fcr?.ciHigh), "\(summary.fcr?.decided ?? 0)",
                ])
            }
            Console.out(text, terminator: "")
        }
    }

    static func cells(_ summary: AccountSummary, recommend: Bool) -> [String] {
        let mark: (Bool?) -> String = { $0 == false ? "*" : "" }
        return [
            summary.account.map { $0 + (summary.inDirectory == false ? " ?" : "") } ?? unmatched, summary.name ?? "", "\(summary.responses)",
            Formatting.signed(summary.nps?.score) + mark(summary.nps?.sufficient),
            summary.nps?.score == nil ? "—" : Formatting.interval(summary.nps?.ciLow, summary.nps?.ciHigh),
            "\(summary.nps?.answered ?? 0)",
        ] + (recommend ? [Formatting.fixed(summary.recommend?.percent) + mark(summary.recommend?.sufficient)] : []) + [
            Formatting.fixed(summary.csat?.favourablePercent) + mark(summary.csat?.sufficient),
            Formatting.fixed(summary.csat?.mean, decimals: 2),
            Formatting.fixed(summary.ces?.mean, decimals: 2) + mark(summary.ces?.sufficient),
            Formatting.fixed(summary.ces?.favourablePercent),
            Formatting.signed(summary.sentiment?.mean, decimals: 2), Formatting.fixed(summary.sentiment?.negativePercent, decimals: 0),
            Formatting.day(summary.lastResponse),
            summary.sentiment?.topics.prefix(3).joined(separator: ",") ?? "",
        ]
    }

    /// Full precision for machine output.
    private static func raw(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
}
