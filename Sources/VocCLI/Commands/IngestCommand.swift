import ArgumentParser
import Foundation
import VocCore
import VocIngest
import VocPipeline
import VocReport
import VocScore
import VocStore

/// `voc ingest FILE...`: read exports into the store. Every record is accepted, quarantined or skipped,
/// and the counts are printed per file and in total. Re-ingesting stores nothing twice.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read survey exports into the store; quarantine what cannot be accepted.",
        discussion: "Exit status: 0 all records accepted or skipped, 1 some quarantined, 2 a file could not be read (the others still are).")

    @Argument(help: "Survey exports (CSV/TSV), XML exports, mbox files or .eml messages, or directories of them (only what looks like an export is read there); - reads standard input. Formats are sniffed from content.")
    var files: [String]

    @Flag(name: .shortAndLong, help: "Explain what was detected in each file (on standard error).")
    var verbose = false

    @Option(name: .customLong("jobs"), help: ArgumentHelp("Threads parsing e-mail and scoring comments (default: one per core). The result does not depend on it.", valueName: "n"))
    var requestedJobs: Int?

    var jobs: Int { requestedJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(name: .customLong("team-domain"), help: ArgumentHelp(
        "Your own e-mail domain (repeat for several; subdomains count too): mail from it is your team's replies, kept to thread conversations and measure first-contact resolution, never read as customer feedback.",
        valueName: "domain"))
    var teamDomains: [String] = []

    func validate() throws {
        guard (requestedJobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
        for domain in teamDomains where EmailDomain.of("@" + domain) == nil {
            throw ValidationError("--team-domain '\(domain)' is not a domain (expected something like acme.com)")
        }
    }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var sentimentOptions: SentimentOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let lexicons = try sentimentOptions.lexiconOptions.locate()
        let vocabulary = try ColumnVocabulary.load(from: lexicons)
        let stripper = try ReplyStripper.load(from: lexicons)
        let analyzer = try sentimentOptions.analyzer()
        let surveyOptions = try mappingOptions.surveyOptions()
        var pipeline = IngestPipeline(store: try await storeOptions.open(creating: true), vocabulary: vocabulary, stripper: stripper, analyzer: analyzer,
                                      options: surveyOptions, recordPath: mappingOptions.recordPath, jobs: jobs)
        pipeline.teamDomains = Set(teamDomains.map { EmailDomain.of("@" + $0)! })
        let observer = IngestObserver(
            note: { file, note in Console.error("voc: note: \(file): \(note)") },
            progress: { file, records in Console.progress("\(file): \(records) records") },
            finished: { [verbose] source in
                Console.endProgress()
                if verbose { source.reportLines.forEach { Console.error($0) } }
            },
            failed: { _, error in
                Console.endProgress()
                Console.error("voc: error: \(error)")
            })
        let summaries = try await pipeline.ingest(InputFile.expand(files), command: (["ingest"] + files).joined(separator: " "), observer: observer)
        report(summaries)
        let total = summaries.map(\.counts).reduce(IngestCounts(), +)
        if summaries.contains(where: { $0.error != nil }) { throw ExitCode(ExitStatus.error.rawValue) }
        if total.quarantined > 0 { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    private func report(_ summaries: [IngestFileSummary]) {
        let total = summaries.map(\.counts).reduce(IngestCounts(), +)
        let rows = summaries.map(FileOutput.init)
        let summary = SummaryOutput(total)
        switch output.format {
        case .table:
            var table = TextTable(columns: [
                .init("FILE", cut: .start), .init("DETECTED", cut: .end), .init("READ", alignRight: true),
                .init("ACCEPTED", alignRight: true), .init("NEW", alignRight: true), .init("QUARANTINED", alignRight: true),
                .init("SKIPPED", alignRight: true),
            ])
            for row in rows {
                table.append([row.file, row.error == nil ? row.detail : "error", "\(row.read)", "\(row.accepted)", "\(row.new)", "\(row.quarantined)", "\(row.skipped)"])
            }
            Console.out(table.render(maxWidth: Console.width))
            Console.out("read \(total.read) = accepted \(total.accepted) + quarantined \(total.quarantined) + skipped \(total.skipped)"
                        + "; \(total.newlyStored) new, \(total.alreadyStored) already stored"
                        + (total.quarantined > 0 ? "; see `voc quarantine`" : ""))
        case .json:
            Console.out(JSONOutput.encode(IngestOutput(files: rows, summary: summary), pretty: true))
        case .ndjson:
            for row in rows { Console.out(JSONOutput.encode(row, pretty: false)) }
            Console.out(JSONOutput.encode(summary, pretty: false))
        case .csv:
            let csv = output.csv
            var text = csv.preamble + csv.row(["file", "detail", "read", "accepted", "new", "quarantined", "skipped", "error"])
            for row in rows {
                text += csv.row([row.file, row.detail, "\(row.read)", "\(row.accepted)", "\(row.new)", "\(row.quarantined)", "\(row.skipped)", row.error ?? ""])
            }
            Console.out(text, terminator: "")
        }
    }
}

struct FileOutput: Encodable {
    var type = "file"
    var file: String
    var detail: String
    var read: Int
    var accepted: Int
    var new: Int
    var alreadyStored: Int
    var quarantined: Int
    var skipped: Int
    var error: String?

    init(_ summary: IngestFileSummary) {
        file = summary.path
        detail = summary.detail
        read = summary.counts.read
        accepted = summary.counts.accepted
        new = summary.counts.newlyStored
        alreadyStored = summary.counts.alreadyStored
        quarantined = summary.counts.quarantined
        skipped = summary.counts.skipped
        error = summary.error
    }
}

private struct SummaryOutput: Encodable {
    var type = "summary"
    var read: Int
    var accepted: Int
    var new: Int
    var alreadyStored: Int
    var quarantined: Int
    var skipped: Int
    var balanced: Bool

    init(_ counts: IngestCounts) {
        read = counts.read
        accepted = counts.accepted
        new = counts.newlyStored
        alreadyStored = counts.alreadyStored
        quarantined = counts.quarantined
        skipped = counts.skipped
        balanced = counts.isBalanced
    }
}

private struct IngestOutput: Encodable {
    var files: [FileOutput]
    var summary: SummaryOutput
}
