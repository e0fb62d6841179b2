import ArgumentParser
import Foundation
import VocCore
import VocHealth
import VocReport
import VocStore

/// `voc export records|accounts|alerts`: the store's contents for spreadsheets and other tools.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records, accounts (with health) or alerts as CSV, NDJSON or JSON.",
        discussion: """
            CSV cells that start with = + - @ TAB or CR (formula injection) are prefixed with ' so spreadsheets show \
            them as text; --excel adds a UTF-8 byte-order mark and uses ';' for Spanish and Portuguese Excel. Records \
            are read in pages, so exporting a large store keeps memory flat.
            """)

    enum Dataset: String, ExpressibleByArgument, CaseIterable { case records, accounts, alerts }

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, ndjson, json }

    @Argument(help: "What to export: records, accounts or alerts.")
    var dataset: Dataset

    @Option(name: .long, help: "csv, ndjson or json.")
    var format: Format = .csv

    @Flag(name: .long, help: "With --format csv: UTF-8 byte-order mark and ';' for Spanish and Portuguese Excel.")
    var excel = false

    @OptionGroup var health: HealthOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let store = try await storeOptions.open()
        var writer = ExportWriter(format: format, csv: CSVWriter(excel: excel))
        switch dataset {
        case .records:
            let view = try await AccountDirectoryView(store: store)
            writer.header(RecordLine.csvColumns)
            var after: String?
            while true {
                let page = try await store.feedback(after: after, limit: 1000)
                for record in page {
                    let account = view.resolver.resolve(accountID: record.accountID, email: record.respondentEmail).account
                    let line = RecordLine(record, account: account)
                    writer.write(line, cells: line.csvCells)
                }
                guard page.count == 1000, let last = page.last else { break }
                after = last.key
            }
        case .accounts:
            let model = try health.model()
            let dashboard = try await Dashboard(store: store, model: model, analyzer: nil, asOf: try health.date(for: store, model: model))
            writer.header(["account", "name", "segment", "owner", "language", "responses", "nps", "nps_ci_low", "nps_ci_high", "csat_percent",
                           "ces_mean", "sentiment_mean", "negative_percent", "topics", "health", "band", "trend", "confidence", "arr",
                           "renewal", "last_response", "recommend_percent"])
            for row in dashboard.accounts(AccountQuery(sort: .account)).rows {
                let number = { (value: Double?) in value.map { "\($0)" } ?? "" }
                writer.write(row, cells: [
                    row.account, row.name ?? "", row.segment ?? "", row.owner ?? "", row.language ?? "", "\(row.responses)", number(row.nps),
                    number(row.npsCiLow), number(row.npsCiHigh), number(row.csat), number(row.ces), number(row.sentiment),
                    number(row.negativePercent), row.topics.joined(separator: "|"), number(row.score), row.band?.rawValue ?? "",
                    row.trend?.rawValue ?? "", number(row.confidence), number(row.arr), row.renewal.map(Formatting.day) ?? "",
                    row.lastResponse.map(Formatting.iso8601) ?? "", number(row.recommend),
                ])
            }
        case .alerts:
            let view = try await AccountDirectoryView(store: store)
            let alerts = try await store.emittedAlerts()
            let records = Dictionary(try await store.feedback(keys: alerts.compactMap(\.recordKey)).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            writer.header(["id", "kind", "account", "account_name", "owner", "reason", "occurred_at", "record_key", "source", "nps", "comment"])
            for alert in alerts {
                let line = AlertLine(alert, account: alert.account.flatMap { view.accounts[$0] }, record: alert.recordKey.flatMap { records[$0] })
                writer.write(line, cells: [
                    line.id, line.kind.rawValue, line.account ?? "", line.accountName ?? "", line.owner ?? "", line.reason,
                    line.occurredAt.map(Formatting.iso8601) ?? "", line.record?.key ?? "", line.record?.source ?? "",
                    line.record?.nps.map(String.init) ?? "", line.record?.comment ?? "",
                ])
            }
        }
        writer.finish()
    }
}

/// Writes one export row at a time: a CSV row, an NDJSON line, or an element of one JSON array.
private struct ExportWriter {
    let format: ExportCommand.Format
    let csv: CSVWriter
    private var count = 0

    init(format: ExportCommand.Format, csv: CSVWriter) {
        self.format = format
        self.csv = csv
    }

    /// Output waiting to be written: rows are written 64 KiB at a time, not with a system call each.
    private var pending = ""

    mutating func header(_ names: [String]) {
        switch format {
        case .csv: emit(csv.preamble + csv.row(names))
        case .json: emit("[")
        case .ndjson: break
        }
    }

    mutating func write(_ value: some Encodable, cells: @autoclosure () -> [String]) {
        switch format {
        case .csv: emit(csv.row(cells()))
        case .ndjson: emit(Self.json(value) + "\n")
        case .json: emit((count == 0 ? "\n" : ",\n") + Self.json(value))
        }
        count += 1
    }

    mutating func finish() {
        if format == .json { emit(count == 0 ? "]\n" : "\n]\n") }
        Console.out(pending, terminator: "")
        pending = ""
    }

    private mutating func emit(_ text: String) {
        pending += text
        if pending.utf8.count >= 1 << 16 {
            Console.out(pending, terminator: "")
            pending = ""
        }
    }

    /// A line written by hand where the type has one, else by the encoder.
    private static func json(_ value: some Encodable) -> String {
        (value as? any JSONLineConvertible)?.jsonLine ?? JSONOutput.encode(value, pretty: false)
    }
}
