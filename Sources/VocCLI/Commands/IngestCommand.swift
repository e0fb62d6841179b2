import ArgumentParser
import Dispatch
import Foundation
import VocCore
import VocIngest
import VocReport
import VocScore
import VocStore

/// `voc ingest FILE...`: read exports into the store. Every record is accepted, quarantined or skipped,
/// and the counts are printed per file and in total. Re-ingesting stores nothing twice.
struct IngestCommand: ParsableCommand {
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

    func validate() throws {
        guard (requestedJobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var sentimentOptions: SentimentOptions
    @OptionGroup var output: OutputOptions

    /// Records per transaction: large enough that commits do not dominate, small enough to keep memory flat (~10 MB).
    static let batchSize = 16_384

    func run() throws {
        let lexicons = try sentimentOptions.lexiconOptions.locate()
        let vocabulary = try ColumnVocabulary.load(from: lexicons)
        let stripper = try ReplyStripper.load(from: lexicons)
        let analyzer = try sentimentOptions.analyzer()
        let surveyOptions = try mappingOptions.surveyOptions()
        let store = try storeOptions.open(creating: true)
        let run = try store.startRun(command: (["ingest"] + files).joined(separator: " "))
        var summaries: [IngestFileSummary] = []
        var failed = false
        for file in InputFile.expand(files) {
            do {
                summaries.append(try ingest(file, options: surveyOptions, vocabulary: vocabulary, stripper: stripper, analyzer: analyzer, store: store, run: run))
            } catch {
                failed = true
                Console.endProgress()
                Console.error("voc: error: \(error)")
                let summary = IngestFileSummary(path: file.path, format: "unknown", detail: "", counts: IngestCounts(), error: error.description)
                try? store.logFile(summary, run: run)
                summaries.append(summary)
            }
        }
        try store.finishRun(run, status: failed ? .completedWithErrors : .completed)
        report(summaries)
        let total = summaries.map(\.counts).reduce(IngestCounts(), +)
        if failed { throw ExitCode(ExitStatus.error.rawValue) }
        if total.quarantined > 0 { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    /// Reads one file into the store. A file met while walking a directory that does not look like an export is
    /// logged as skipped with the reason instead (see `InputFile`).
    private func ingest(_ file: InputFile, options: SurveyCSVOptions, vocabulary: ColumnVocabulary, stripper: ReplyStripper, analyzer: SentimentAnalyzer,
                        store: any FeedbackStore, run: Int64) throws(VocError) -> IngestFileSummary {
        func skipped(_ reason: String) throws(VocError) -> IngestFileSummary {
            let summary = IngestFileSummary(path: file.path, format: "unknown", detail: "skipped: \(reason)", counts: IngestCounts(), error: nil)
            try store.logFile(summary, run: run)
            return summary
        }
        if let reason = file.skipReason { return try skipped(reason) }
        var source: FeedbackSource
        do throws(VocError) {
            source = try FeedbackSource.open(path: file.path, options: options, recordPath: mappingOptions.recordPath, vocabulary: vocabulary,
                                             stripper: stripper, jobs: jobs)
        } catch where file.walked && error.code == .invalidInput {
            return try skipped(error.message.prefix { $0 != ":" }.description)
        }
        if file.walked && !source.hasFeedback { return try skipped("no NPS, CSAT, CES or comment column") }
        if file.walked && !source.placesFeedback { return try skipped("no date, account or e-mail column to place its feedback") }
        try source.requireFeedback()
        for note in source.mappingNotes { Console.error("voc: note: \(source.file): \(note)") }
        var records: [FeedbackRecord] = []
        var quarantined: [QuarantinedRecord] = []
        records.reserveCapacity(Self.batchSize)
        let writer = BatchWriter(store: store, run: run)
        do throws(VocError) {
            while let event = try source.next() {
                switch event {
                case .accepted(let record):
                    records.append(record)
                case .quarantined(let record): quarantined.append(record)
                case .skipped: break
                }
                if records.count + quarantined.count >= Self.batchSize {
                    Self.score(&records, with: analyzer, jobs: jobs)
                    try writer.submit(records: records, quarantined: quarantined)
                    records.removeAll(keepingCapacity: true)
                    quarantined.removeAll(keepingCapacity: true)
                    Console.progress("\(source.file): \(source.counts.read) records")
                }
            }
            Self.score(&records, with: analyzer, jobs: jobs)
            try writer.submit(records: records, quarantined: quarantined)
        } catch {
            _ = try? writer.finish()  // let the batches already queued land before the error is reported
            throw error
        }
        let alreadyStored = try writer.finish()
        Console.endProgress()
        if verbose {
            for line in source.reportLines { Console.error(line) }
        }
        var counts = source.counts
        counts.alreadyStored = alreadyStored
        let summary = IngestFileSummary(path: source.file, format: source.format.rawValue, detail: source.detail, counts: counts, error: nil)
        try store.logFile(summary, run: run)
        return summary
    }

    /// Scores a batch's comments on `jobs` threads, each taking one contiguous share of the records. Each record is
    /// scored on its own, so the batch comes out the same whatever `jobs` is (tested).
    static func score(_ records: inout [FeedbackRecord], with analyzer: SentimentAnalyzer, jobs: Int) {
        ContiguousShares.update(&records, jobs: jobs, minimumShare: 256) { analyzer.enrich(&$0) }
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
