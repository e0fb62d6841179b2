public import ArgumentParser
import VocReport

extension OutputFormat: ExpressibleByArgument {}

/// `--format table|json|ndjson|csv` and `--excel` for CSV.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, ndjson or csv.")
    var format: OutputFormat = .table

    @Flag(name: .long, help: "With --format csv: UTF-8 byte-order mark and ';' for Spanish and Portuguese Excel.")
    var excel = false

    var csv: CSVWriter { CSVWriter(excel: excel) }
}
