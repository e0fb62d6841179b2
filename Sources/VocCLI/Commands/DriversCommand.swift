public import ArgumentParser
import Foundation
import VocCore
import VocReport
public import VocScore
import VocStore

/// `voc drivers`: which topics and signals cost the most NPS, each set against the scope's other responses.
struct DriversCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drivers",
        abstract: "Key drivers: the topics and signals that cost the most NPS, with 95% intervals.",
        discussion: """
            For every topic and the churn and effort signals: the responses that mention it, NPS among them and among \
            the rest, the difference with its 95% interval (adjusted Wald), CSAT % satisfied and mean sentiment the same \
            way, and the impact: the NPS points the scope would gain if those responses scored like the rest. Most \
            harmful first; a driver whose interval crosses zero is not established (·); one with fewer than --min-n NPS \
            answers on either side is listed apart. Without NPS answers, sentiment is the basis. With --by aspect, every \
            aspect of a rating matrix (`voc aspects`) the same way, among the responses that rated it: those that rated \
            it unfavourably against those that rated it favourably, the impact counted on its raters. All time from the \
            rollups; --since, --until or --as-of sum the records of that window (undated ones left out).
            """)

    @OptionGroup var scopeOptions: ScopeOptions

    @Option(name: .long, help: ArgumentHelp("Only responses submitted on or after this day (YYYY-MM-DD, UTC) or instant.", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only responses submitted on or before this day or instant.", valueName: "date"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Only responses submitted by the end of this day or this instant.", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("What the drivers are: the topics and signals comments mention, or the aspects of rating matrices (those that rated one unfavourably against those that rated it favourably).", valueName: "topic|aspect"))
    var by: DriverAnalysis.Dimension = .topic

    @Option(name: .long, help: "Fewer NPS answers than this among a driver's mentions, or the rest, lists it apart.")
    var minN = Confidence.defaultMinimumSample

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await AccountDirectoryView(store: storeOptions.open())
        let scope = scopeOptions.scope
        let window = try self.window()
        let tallies = if let window { try await view.tallies(within: window) } else { try await view.tallies() }
        let selected = tallies.filter { scope.includes($0, directory: view.accounts) }
        if let account = scope.account, selected.isEmpty {
            throw VocError(.notFound, "no feedback for account '\(account)' in \(view.store.location)\(window == nil ? "" : " in that window"); `voc accounts` lists them")
        }
        let analysis = DriverAnalysis(scope: .pooled(selected), by: by, minimumSample: minN)
        let report = DriverReport(scope: scope, window: window, analysis: analysis)
        switch output.format {
        case .json: Console.out(JSONOutput.encode(report, pretty: true))
        case .ndjson: for driver in analysis.drivers { Console.out(JSONOutput.encode(driver, pretty: false)) }
        case .csv: Console.out(report.csv(output.csv), terminator: "")
        case .table: Console.out(report.table(width: Console.width), terminator: "")
        }
    }

    /// The submission window of --since, --until and --as-of; nil for all time.
    private func window() throws -> DateInterval? {
        guard since != nil || until != nil || asOf != nil else { return nil }
        let start = try since.map { try HealthOptions.parse($0, option: "--since", endOfDay: false) } ?? .distantPast
        let ends = try [until.map { try HealthOptions.parse($0, option: "--until", endOfDay: true) },
                        asOf.map { try HealthOptions.parse($0, option: "--as-of", endOfDay: true) }].compactMap { $0 }
        let end = ends.min() ?? .distantFuture
        guard start <= end else { throw ValidationError("--since is after --until / --as-of: the window is empty") }
        return DateInterval(start: start, end: end)
    }
}

extension DriverAnalysis.Dimension: ExpressibleByArgument {}
