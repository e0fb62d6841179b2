public import ArgumentParser
import VocCore
import VocReport
import VocStore

extension QuarantineReason: ExpressibleByArgument {}

/// `voc quarantine`: the records that were not accepted, with file, line and reason. Their text is shown
/// only with `--show-values`, because it is customer data.
struct QuarantineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "List quarantined records with file, line, field and reason.",
        discussion: "Exit status: 0 when the quarantine is empty, 1 when it lists records.")

    @Option(name: .long, help: "Only records of this file: its path as ingested, any trailing part of it (generic_en.csv), or the same file by another path.")
    var file: String?

    @Option(name: .long, help: "Only records quarantined for this reason (e.g. ragged-row, non-integer-score).")
    var reason: QuarantineReason?

    @Flag(name: .long, help: "Also show each record's raw text (customer data).")
    var showValues = false

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let entries = try await storeOptions.open().quarantine(file: nil, reason: reason)
            .filter { entry in file.map { SourcePath.matches(stored: entry.record.position.file, given: $0) } ?? true }
            .map { QuarantineRow($0, showValues: showValues) }
        switch output.format {
        case .table:
            var columns: [TextTable.Column] = [
                .init("FILE", cut: .start), .init("LINE", alignRight: true), .init("RECORD", alignRight: true, dropOrder: 1),
                .init("REASON"), .init("FIELD", cut: .end), .init("DETAIL", cut: .end),
            ]
            if showValues { columns.append(.init("RAW", cut: .end)) }
            var table = TextTable(columns: columns)
            for entry in entries {
                var row = [entry.file, entry.line.map(String.init) ?? "", entry.record.map(String.init) ?? "", entry.reason, entry.field ?? "", entry.detail]
                if showValues { row.append(entry.raw ?? "") }
                table.append(row)
            }
            Console.out(table.render(maxWidth: Console.width))
            Console.out("\(entries.count) quarantined record\(entries.count == 1 ? "" : "s")")
        case .json:
            Console.out(JSONOutput.encode(entries, pretty: true))
        case .ndjson:
            for entry in entries { Console.out(JSONOutput.encode(entry, pretty: false)) }
        case .csv:
            let csv = output.csv
            var text = csv.preamble + csv.row(["file", "line", "record", "reason", "field", "detail"] + (showValues ? ["raw"] : []))
            for entry in entries {
                text += csv.row([entry.file, entry.line.map(String.init) ?? "", entry.record.map(String.init) ?? "", entry.reason,
                                 entry.field ?? "", entry.detail] + (showValues ? [entry.raw ?? ""] : []))
            }
            Console.out(text, terminator: "")
        }
        if !entries.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
    }
}
