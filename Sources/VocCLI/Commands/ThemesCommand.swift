import ArgumentParser
import Foundation
import VocCore
import VocReport
import VocScore
import VocStore

/// `voc themes`: the phrases customers started to use in the last days, against the weeks before.
struct ThemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Emerging themes: phrases whose share of comments rose in the recent window beyond chance.",
        discussion: """
            Candidate phrases are runs of one to three words of each comment (cased and accent-folded, not starting or \
            ending with a stop word, without numbers or ids; plural and singular merged when both are seen). A phrase \
            is emerging when its share of the comments of the recent window (--window, 14 days before --as-of) rose \
            against the baseline before it (--baseline, 90 days) with a log-likelihood ratio G² of at least 10.83 \
            (p < 0.001) and at least --min-count recent mentions; `new` when no baseline comment has it. Listed with \
            its counts, rate ratio, G², languages, the accounts that mention it and three recent comments.
            """)

    @OptionGroup var scopeOptions: ScopeOptions

    @Option(name: .long, help: ArgumentHelp("The recent window, in days (14 or 14d).", valueName: "days"))
    var window = "14d"

    @Option(name: .long, help: ArgumentHelp("The baseline before it, in days (90 or 90d).", valueName: "days"))
    var baseline = "90d"

    @Option(name: .long, help: ArgumentHelp("End of the recent window: this day (YYYY-MM-DD, UTC, its end) or instant. Default: now, or the day of the newest response when that is older than the window (said on stderr).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: "Fewest recent mentions for a phrase to be listed.")
    var minCount = ThemeReport.defaultMinimumCount

    @OptionGroup var lexicons: LexiconOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (windowDays, baselineDays) = (try Self.days(window, option: "--window"), try Self.days(baseline, option: "--baseline"))
        guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1") }
        let view = try await AccountDirectoryView(store: storeOptions.open())
        if let account = scopeOptions.account, try await view.tally(of: account) == nil {
            throw VocError(.notFound, "no feedback for account '\(account)' in \(view.store.location); `voc accounts` lists them")
        }
        let extractor = try PhraseExtractor.load(from: lexicons.locate())
        let asOf = try await Self.date(asOf, store: view.store, windowDays: windowDays)
        let report = try await ThemeReport.find(view: view, extractor: extractor, scope: scopeOptions.scope,
                                                asOf: asOf, recentDays: windowDays, baselineDays: baselineDays, minimumCount: minCount)
        switch output.format {
        case .json: Console.out(JSONOutput.encode(report, pretty: true))
        case .ndjson: for theme in report.themes { Console.out(JSONOutput.encode(theme, pretty: false)) }
        case .csv:
            let csv = output.csv
            var text = csv.preamble + csv.row(["phrase", "language", "recent", "baseline", "rate_ratio", "score", "new", "accounts", "examples"])
            for theme in report.themes {
                text += csv.row([theme.phrase, theme.language ?? "", "\(theme.recent)", "\(theme.baseline)", "\(theme.rateRatio)", "\(theme.score)",
                                 "\(theme.new)", theme.accounts.joined(separator: "|"), theme.examples.joined(separator: " | ")])
            }
            Console.out(text, terminator: "")
        case .table: Console.out(report.table(width: Console.width), terminator: "")
        }
    }

    /// `14`, `14d`: a whole number of days, at least 1.
    static func days(_ text: String, option: String) throws -> Int {
        guard let days = Int(text.hasSuffix("d") ? String(text.dropLast()) : text), days >= 1, days <= 3_650 else {
            throw ValidationError("\(option) '\(text)' is not a number of days (1 to 3650, such as 14 or 14d)")
        }
        return days
    }

    /// `--as-of`, or now; but when the newest response is older than the recent window, the end of its day (said on
    /// stderr): an old export would otherwise have an empty recent window.
    static func date(_ text: String?, store: any FeedbackStore, windowDays: Int) async throws -> Date {
        if let text { return try HealthOptions.parse(text, option: "--as-of", endOfDay: true) }
        return try await HealthOptions.now(unlessOlderThan: Double(windowDays), in: store, span: "before the last \(windowDays) days",
                                           computed: "themes are found")
    }
}
