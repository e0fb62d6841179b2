import ArgumentParser
import Foundation
import VocCore
import VocReport
import VocStore

/// `voc runs`: the ingest log — which runs finished, which files each completed, and what each stored.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "Show the ingest log: each run's status, the files it completed with their counts, and what it stored.",
        discussion: """
            A run without an end ('unfinished') is still going or was killed. Its batches are whole (one transaction \
            each), so what it stored is consistent; rerun the same command to store the rest — records already \
            stored are recognized by their key and not stored twice.
            """)

    @Option(name: .long, help: "How many of the latest runs to show.")
    var limit = 20

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let runs = try await storeOptions.open().ingestLog(limit: limit).map(RunOutput.init)
        switch output.format {
        case .table:
            var table = TextTable(columns: [
                .init("RUN", alignRight: true), .init("STARTED"), .init("STATUS"), .init("FILES", alignRight: true),
                .init("READ", alignRight: true), .init("ACCEPTED", alignRight: true, dropOrder: 1), .init("QUARANTINED", alignRight: true),
                .init("NEW", alignRight: true), .init("COMMAND", cut: .end),
            ])
            for run in runs {
                table.append(["\(run.id)", Formatting.iso8601(run.startedAt), run.status, "\(run.files.count)",
                              "\(run.files.map(\.read).reduce(0, +))", "\(run.files.map(\.accepted).reduce(0, +))",
                              "\(run.files.map(\.quarantined).reduce(0, +))", "\(run.storedRecords)", run.command])
            }
            Console.out(table.render(maxWidth: Console.width))
            if !runs.isEmpty {
                Console.out("READ, ACCEPTED, QUARANTINED: what the completed files held; NEW: records the run stored for the first time")
            }
        case .json:
            Console.out(JSONOutput.encode(runs, pretty: true))
        case .ndjson:
            for run in runs { Console.out(JSONOutput.encode(run, pretty: false)) }
        case .csv:
            let csv = output.csv
            var text = csv.preamble + csv.row(["run", "started_at", "finished_at", "status", "files_completed", "read", "stored_records",
                                               "stored_quarantined", "command"])
            for run in runs {
                text += csv.row(["\(run.id)", Formatting.iso8601(run.startedAt), run.finishedAt.map(Formatting.iso8601) ?? "", run.status,
                                 "\(run.files.count)", "\(run.files.map(\.read).reduce(0, +))", "\(run.storedRecords)",
                                 "\(run.storedQuarantined)", run.command])
            }
            Console.out(text, terminator: "")
        }
    }
}

/// The JSON shape of one run in `voc runs`.
private struct RunOutput: Encodable {
    var type = "run"
    var id: Int64
    var command: String
    var startedAt: Date
    var finishedAt: Date?
    /// `unfinished` when the log has no end for the run.
    var status: String
    /// The files the run completed, as `voc ingest --format ndjson` reported them.
    var files: [FileOutput]
    var storedRecords: Int
    var storedQuarantined: Int

    init(_ log: IngestRunLog) {
        id = log.id
        command = log.command
        startedAt = log.startedAt
        finishedAt = log.finishedAt
        status = log.finishedAt == nil ? "unfinished" : log.status.rawValue
        files = log.files.map(FileOutput.init)
        storedRecords = log.storedRecords
        storedQuarantined = log.storedQuarantined
    }
}
