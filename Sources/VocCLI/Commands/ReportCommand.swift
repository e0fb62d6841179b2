import ArgumentParser
import Foundation
import VocCore
import VocReport
import VocScore

/// `voc report --html FILE`: the dashboard's overview, account list and one section per account as one self-contained file.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the portfolio overview and every account as one self-contained HTML file (inline SVG, no script, no network).")

    @Option(name: .long, help: ArgumentHelp("Where to write the report ('-' for standard output).", valueName: "file"))
    var html: String

    @OptionGroup var health: HealthOptions
    @OptionGroup var lexicons: LexiconOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let store = try await storeOptions.open(), model = try health.model()
        let dashboard = try await Dashboard(store: store, model: model, analyzer: nil, asOf: try health.date(for: store, model: model))
        let themes = try await ThemeReport.find(view: dashboard.view, extractor: PhraseExtractor.load(from: lexicons.locate()), scope: DriverScope(),
                                                asOf: dashboard.asOf)
        let accounts = dashboard.accounts(AccountQuery())
        // Each section reads its account's records by index (drivers, detractor comments), worst health first.
        var details: [AccountDetail] = []
        for row in accounts.rows {
            if let detail = try await dashboard.account(row.account) { details.append(detail) }
        }
        let page = DashboardPage.report(dashboard.overview(), themes: themes, drivers: dashboard.drivers(DriverQuery()), accounts: accounts, details: details).description
        if html == "-" { return Console.out(page, terminator: "") }
        do {
            try page.write(toFile: html, atomically: true, encoding: .utf8)
        } catch {
            throw VocError(.fileUnwritable, "cannot write the report: \(error.localizedDescription)", at: SourcePosition(file: html))
        }
        Console.error("voc report: wrote \(html) (\(page.utf8.count) bytes)")
    }
}
