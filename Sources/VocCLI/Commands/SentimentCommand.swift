import ArgumentParser
import Foundation
import VocCore
import VocReport
import VocScore

/// `voc sentiment "text"` or `voc sentiment -` (one text per line on standard input).
struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Score the sentiment of texts (ES/PT/EN): compound, label, shares, language, churn/effort signals and topics.")

    @Argument(help: "Texts to score; - reads one text per line from standard input.")
    var texts: [String]

    @Option(name: .long, help: "The texts' language (es, pt, en); identified per text when omitted.")
    var language: String?

    @Option(name: .customLong("jobs"), help: ArgumentHelp("Threads scoring texts (default: one per core). The output does not depend on it.", valueName: "n"))
    var requestedJobs: Int?

    var jobs: Int { requestedJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @OptionGroup var sentimentOptions: SentimentOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (requestedJobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    /// Texts read from standard input are scored this many at a time: memory stays flat however long the input.
    static let batchSize = 8_192

    func run() throws {
        let analyzer = try sentimentOptions.analyzer()
        var table = TextTable(columns: [
            .init("LABEL"), .init("COMPOUND", alignRight: true), .init("LANG"), .init("SIGNALS", cut: .end), .init("TEXT", cut: .end),
        ])
        let csv = output.csv
        if output.format == .csv { Console.out(csv.preamble + csv.row(["label", "evidence", "compound", "positive", "neutral", "negative", "language", "churn", "effort", "topics", "text"]), terminator: "") }
        var results: [SentimentOutput] = []
        let format = output.format, language = language
        /// Scores a batch on all cores, lines of NDJSON and CSV written there too; then writes or keeps them in order.
        func handle(_ batch: [String]) {
            let scored = ContiguousShares.map(batch, jobs: jobs, minimumShare: 64) { text in
                let result = analyzer.analyze(text, language: language)
                switch format {
                case .ndjson: return (result, SentimentOutput(text: text, result: result).jsonLine + "\n")
                case .csv: return (result, Self.csvRow(text, result, csv))
                case .table, .json: return (result, "")
                }
            }
            switch format {
            case .table:
                for (text, (result, _)) in zip(batch, scored) {
                    table.append([result.label.rawValue, Formatting.signed(result.compound, decimals: 3), result.language, Self.signals(result), text])
                }
            case .json:
                for (text, (result, _)) in zip(batch, scored) { results.append(SentimentOutput(text: text, result: result)) }
            case .ndjson, .csv:
                Console.out(scored.map(\.1).joined(), terminator: "")
            }
        }
        if texts == ["-"] {
            var batch: [String] = []
            batch.reserveCapacity(Self.batchSize)
            while let line = readLine() {
                guard !line.isEmpty else { continue }
                batch.append(line)
                if batch.count == Self.batchSize {
                    handle(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            handle(batch)
        } else {
            handle(texts)
        }
        if output.format == .table { Console.out(table.render(maxWidth: Console.width)) }
        if output.format == .json { Console.out(JSONOutput.encode(results, pretty: true)) }
    }

    private static func csvRow(_ text: String, _ result: SentimentResult, _ csv: CSVWriter) -> String {
        csv.row([result.label.rawValue, "\(result.evidence)", "\(result.compound)", "\(result.positive)", "\(result.neutral)", "\(result.negative)",
                 result.language, result.churn.joined(separator: "|"), result.effort.joined(separator: "|"),
                 result.topics.joined(separator: "|"), text])
    }

    static func signals(_ result: SentimentResult) -> String {
        var parts: [String] = result.evidence ? [] : ["no evidence"]
        if !result.churn.isEmpty { parts.append("churn") }
        if !result.effort.isEmpty { parts.append("effort") }
        parts += result.topics
        return parts.joined(separator: ",")
    }
}
