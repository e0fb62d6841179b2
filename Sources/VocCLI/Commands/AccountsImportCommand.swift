import ArgumentParser
import Foundation
import VocCore
import VocIngest
import VocReport
import VocStore

/// `voc accounts import FILE`: replaces the account directory with a CRM export.
struct AccountsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load the account directory from a CRM export (CSV/TSV): id, name, e-mail domains, segment, ARR or MRR, renewal, owner.",
        discussion: """
            Columns are recognized by their headers in English, Spanish or Portuguese (lexicons/<lang>/crm-columns.tsv); \
            a status column (status, estado, situação: active, churned, cancelado, inativo…) is read when present. Each \
            import is kept as the CRM snapshot of its --as-of day (default: today, UTC), for `voc retention`; importing a \
            day again replaces that day's snapshot, and snapshots may be imported in any order. The latest snapshot is \
            the directory: an import dated after every other replaces the previous directory. Feedback is matched to accounts by id, else by the respondent's \
            e-mail domain; free-mail domains (gmail, hotmail, outlook, yahoo, uol, bol, terra, ...) are never account keys. \
            Rows that cannot be imported are listed with their line; exit code 1 when there are any.
            """)

    @Argument(help: "The CRM export.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("The day this export shows the CRM as it stood (YYYY-MM-DD, UTC; default: today).", valueName: "date"))
    var asOf: String?

    @OptionGroup var lexiconOptions: LexiconOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let lexicons = try lexiconOptions.locate()
        let reader = try AccountDirectoryReader(lexicons: lexicons, vocabulary: ColumnVocabulary.load(from: lexicons))
        let result = try reader.read(path: file)
        let day = try asOf.map { try HealthOptions.parse($0, option: "--as-of", endOfDay: false) } ?? Self.today()
        let store = try await storeOptions.open(creating: true)
        let isDirectory = try await store.importSnapshot(result.accounts, asOf: day)
        let view = try await AccountDirectoryView(store: store)
        let unmatched = try await view.tallies().filter { !view.contains($0.accountID) }
        let report = DirectoryImportReport(file: file, asOf: Formatting.day(day), isDirectory: isDirectory, read: result.read, imported: result.accounts.count, rejected: result.rejected,
                                           domains: result.accounts.reduce(0) { $0 + $1.domains.count }, problems: result.problems,
                                           unmatchedFeedback: unmatched.reduce(0) { $0 + $1.responses },
                                           unmatchedKeys: unmatched.map { $0.accountID ?? AccountListing.unmatched })
        switch output.format {
        case .json, .ndjson:
            Console.out(JSONOutput.encode(report, pretty: output.format == .json))
        case .table, .csv:
            Console.out("\(file): \(report.read) rows read, \(report.imported) accounts imported with \(report.domains) e-mail domains, \(report.rejected) rejected")
            Console.out("snapshot of \(report.asOf) kept; " + (isDirectory ? "it is the latest, so it is the account directory" : "a later snapshot stays the account directory"))
            for problem in report.problems { Console.out("  line \(problem.line): \(problem.action): \(problem.message)") }
            if report.unmatchedFeedback > 0 {
                Console.out("\(report.unmatchedFeedback) stored responses match no directory account, under \(report.unmatchedKeys.count) keys: "
                            + report.unmatchedKeys.prefix(10).joined(separator: ", ") + (report.unmatchedKeys.count > 10 ? ", ..." : ""))
            }
        }
        if report.rejected > 0 { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    /// The start of today, UTC.
    private static func today() -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.startOfDay(for: Date())
    }
}

/// The JSON shape of `voc accounts import`.
private struct DirectoryImportReport: Encodable {
    var type = "directory_import"
    var file: String
    /// The snapshot's day, and whether it became the directory (no later snapshot).
    var asOf: String
    var isDirectory: Bool
    var read: Int
    var imported: Int
    var rejected: Int
    var domains: Int
    var problems: [AccountDirectoryImport.Problem]
    var unmatchedFeedback: Int
    var unmatchedKeys: [String]
}
