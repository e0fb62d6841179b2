public import ArgumentParser
import Foundation
import VocCore
import VocHealth
public import VocReport
import VocScore
import VocStore

/// `voc health`: accounts worst first with score, band, trend and confidence, and the revenue at risk.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "List account health worst first: score 0-100, band, trend, confidence, and ARR at risk.",
        discussion: """
            Bands by default: red below 50, yellow 50 to 75 (both included), green above 75. `voc account ID` shows \
            how each measure contributes. Weights, bands, half-life and period come from --config (docs/health.yaml).
            """)

    @Flag(name: .long, help: "Group accounts by directory segment, with each segment's ARR at risk.")
    var bySegment = false

    @Option(name: .long, help: "Also show the score at the end of each of the last N periods (band movements).")
    var history: Int?

    @Flag(name: .long, help: "Check the score against what happened: for each period the CRM snapshots cover, score the accounts as of its start and compare with churn by its end (ROC AUC, churn per band, calibration).")
    var backtest = false

    @Option(name: .long, help: "With --backtest: the period, month, quarter or year.")
    var period: RetentionPeriod = .quarter

    @Option(name: .long, help: "With --backtest: all periods, or the older or newer half (tune weights on one, check them on the other).")
    var half: HealthBacktest.Half = .all

    @OptionGroup var health: HealthOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await AccountDirectoryView(store: storeOptions.open())
        let model = try health.model()
        if backtest {
            let result = try await HealthBacktest(store: view.store, model: model, snapshots: view.store.snapshots(), period: period, half: half)
            switch output.format {
            case .json, .ndjson: Console.out(JSONOutput.encode(result, pretty: output.format == .json))
            case .table, .csv: Console.out(Self.backtestText(result))
            }
            return
        }
        let asOf = try await health.date(for: view.store, model: model)
        var pass = HealthPass(model: model, directory: view.accounts, asOf: asOf, historyPeriods: history ?? 0)
        try await view.forEachRollup { pass.add($0, account: $1) }
        if let contacts = try await ContactLedger.weighed(by: model, view: view, asOf: asOf) { pass.add(contacts) }
        var accounts = pass.accounts()
        let names = try await view.store.accountNames()
        for index in accounts.indices where accounts[index].name == nil { accounts[index].name = names[accounts[index].account] }
        if bySegment { accounts.sort { ($0.segment ?? "~", $0.score, $0.account) < ($1.segment ?? "~", $1.score, $1.account) } }
        let points = pass.history()
        let report = HealthReport(asOf: asOf, accounts: accounts, history: points)
        switch output.format {
        case .json:
            Console.out(JSONOutput.encode(report, pretty: true))
        case .ndjson:
            for account in accounts { Console.out(JSONOutput.encode(account, pretty: false)) }
            for point in points { Console.out(JSONOutput.encode(HealthPointLine(point), pretty: false)) }
        case .csv:
            let csv = output.csv
            var text = csv.preamble + csv.row(["account", "name", "segment", "owner", "arr", "renewal", "score", "band", "previous_score",
                                               "trend", "confidence", "responses", "weakest_measures"])
            for account in accounts {
                text += csv.row([account.account, account.name ?? "", account.segment ?? "", account.owner ?? "", account.arr.map { "\($0)" } ?? "",
                                 account.renewal.map(Formatting.day) ?? "", "\(account.score)", account.band.rawValue,
                                 account.previousScore.map { "\($0)" } ?? "", account.trend.rawValue, "\(account.confidence)",
                                 "\(account.responses)", account.weakestMeasures.map(\.rawValue).joined(separator: "|")])
            }
            Console.out(text, terminator: "")
        case .table:
            printTable(report, bands: model.configuration.profile.bands)
        }
    }

    private func printTable(_ report: HealthReport, bands: BandThresholds) {
        Console.out("health as of \(Formatting.iso8601(report.asOf)); default bands: red < \(Formatting.fixed(bands.redBelow, decimals: 0)) "
                    + "≤ yellow ≤ \(Formatting.fixed(bands.greenAbove, decimals: 0)) < green")
        var table = TextTable(columns: [
            .init("ACCOUNT"), .init("NAME", cut: .end), .init("SEGMENT", cut: .end, dropOrder: 2), .init("SCORE", alignRight: true),
            .init("BAND"), .init("TREND"), .init("CONF", dropOrder: 1), .init("RESP", alignRight: true, dropOrder: 4), .init("ARR", alignRight: true),
            .init("RENEWAL", dropOrder: 5), .init("CSM", cut: .end, dropOrder: 3), .init("WEAKEST", cut: .end),
        ])
        var segment: String?? = .none
        for account in report.accounts {
            if bySegment, segment != .some(account.segment) {
                if segment != nil { table.append(Array(repeating: "", count: 12)) }
                segment = .some(account.segment)
                let members = report.accounts.filter { $0.segment == account.segment }
                table.append(["[\(account.segment ?? "no segment")]", "\(members.count) accounts", "", "", "", "", "", "", "", "",
                              "at risk " + Formatting.money(HealthReport.atRisk(members)), ""])
            }
            table.append([
                account.account + (account.inDirectory ? "" : " ?"), account.name ?? "", account.segment ?? "",
                Formatting.fixed(account.score), account.band.rawValue,
                account.trend.arrow + (account.previousScore.map { " " + Formatting.signed(account.score - $0) } ?? ""),
                account.confidenceLabel, "\(account.responses)", Formatting.money(account.arr), Formatting.day(account.renewal),
                account.owner ?? "", account.weakestMeasures.map(\.rawValue).joined(separator: ", "),
            ])
        }
        Console.out(table.render(maxWidth: Console.width))
        let red = report.accounts.filter { $0.band == .red }
        Console.out("\(red.count) red, \(report.accounts.count { $0.band == .yellow }) yellow, \(report.accounts.count { $0.band == .green }) green; "
                    + "revenue at risk (ARR of red accounts): \(Formatting.money(report.revenueAtRisk))"
                    + (red.contains { $0.arr == nil } ? " (\(Formatting.count(red.count { $0.arr == nil }, "red account")) without ARR)" : ""))
        if report.accounts.contains(where: { !$0.inDirectory }) { Console.out("? not in the account directory (voc accounts import)") }
        guard !report.history.isEmpty else { return }
        Console.out("")
        let ends = Array(Set(report.history.map(\.periodEnd))).sorted()
        var grid = TextTable(columns: [.init("ACCOUNT")] + ends.map { .init(Formatting.day($0), alignRight: true) })
        let byAccount = Dictionary(grouping: report.history, by: \.account)
        for account in report.accounts {
            let points = Dictionary((byAccount[account.account] ?? []).map { ($0.periodEnd, $0) }, uniquingKeysWith: { first, _ in first })
            grid.append([account.account] + ends.map { end in
                points[end].map { Formatting.fixed($0.score, decimals: 0) + " " + String($0.band.rawValue.prefix(1)) } ?? "—"
            })
        }
        Console.out(grid.render(maxWidth: Console.width))
    }
}

/// The JSON shape of `voc health`.
struct HealthReport: Encodable {
    var type = "health"
    var asOf: Date
    var accounts: [AccountHealth]
    var revenueAtRisk: Double
    var history: [HealthPoint]

    init(asOf: Date, accounts: [AccountHealth], history: [HealthPoint]) {
        self.asOf = asOf
        self.accounts = accounts
        self.revenueAtRisk = Self.atRisk(accounts)
        self.history = history
    }

    /// The ARR of the red accounts among `accounts`.
    static func atRisk(_ accounts: [AccountHealth]) -> Double {
        accounts.filter { $0.band == .red }.reduce(0) { $0 + ($1.arr ?? 0) }
    }
}

/// An NDJSON line of `voc health --history`.
private struct HealthPointLine: Encodable {
    var type = "health_point"
    var point: HealthPoint
    init(_ point: HealthPoint) { self.point = point }
}

extension HealthBacktest.Half: ExpressibleByArgument {}

extension HealthCommand {
    /// The backtest as text: its periods, churn per band, the AUC (or why there is none) and churn by score decile.
    static func backtestText(_ result: HealthBacktest) -> String {
        var periods = TextTable(columns: [.init("PERIOD"), .init("ACCOUNTS", alignRight: true), .init("SCORED", alignRight: true),
                                          .init("CHURNED", alignRight: true)])
        for row in result.periods {
            periods.append(["\(Formatting.day(row.periodStart))..\(Formatting.day(row.periodEnd.addingTimeInterval(-1)))", "\(row.accounts)",
                            "\(row.scored)", "\(row.churned)"])
        }
        var bands = TextTable(columns: [.init("BAND"), .init("ACCOUNTS", alignRight: true), .init("CHURNED", alignRight: true),
                                        .init("CHURN%", alignRight: true), .init("95% CI", alignRight: true)])
        for band in result.bands {
            bands.append([band.band, "\(band.accounts)", "\(band.churned)", Formatting.fixed(band.churnRate),
                          band.churnRate == nil ? "—" : Formatting.interval(band.churnCiLow, band.churnCiHigh)])
        }
        var deciles = TextTable(columns: [.init("DECILE", alignRight: true), .init("SCORES", alignRight: true), .init("ACCOUNTS", alignRight: true),
                                          .init("CHURNED", alignRight: true), .init("CHURN%", alignRight: true)])
        for decile in result.calibration {
            deciles.append(["\(decile.decile)", "\(Formatting.fixed(decile.scoreLow))-\(Formatting.fixed(decile.scoreHigh))", "\(decile.accounts)",
                            "\(decile.churned)", Formatting.fixed(decile.churnRate)])
        }
        let auc = result.auc.map { auc in
            "ROC AUC \(Formatting.fixed(auc, decimals: 3))" + (result.aucCi.map { " (95% bootstrap CI [\(Formatting.fixed($0[0], decimals: 3)), \(Formatting.fixed($0[1], decimals: 3))])" } ?? "")
                + ": the chance that a retained account scored above one that churned (0.5 is a coin toss)"
        } ?? "ROC AUC: none — \(result.note ?? "")"
        guard !result.periods.isEmpty else { return "backtest: \(result.note ?? "")" }
        return [periods.render(maxWidth: Console.width), "", bands.render(maxWidth: Console.width), "", auc, "", "churn by score decile:",
                deciles.render(maxWidth: Console.width)].joined(separator: "\n")
    }
}
