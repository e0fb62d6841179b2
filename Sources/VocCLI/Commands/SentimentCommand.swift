import ArgumentParser
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

    @OptionGroup var sentimentOptions: SentimentOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let analyzer = try sentimentOptions.analyzer()
        var table = TextTable(columns: [
            .init("LABEL"), .init("COMPOUND", alignRight: true), .init("LANG"), .init("SIGNALS", shrinkable: true), .init("TEXT", shrinkable: true),
        ])
        let csv = output.csv
        if output.format == .csv { Console.out(csv.preamble + csv.row(["label", "compound", "positive", "neutral", "negative", "language", "churn", "effort", "topics", "text"]), terminator: "") }
        var results: [SentimentOutput] = []
        func handle(_ text: String) {
            let result = analyzer.analyze(text, language: language)
            switch output.format {
            case .table:
                table.append([result.label.rawValue, Formatting.signed(result.compound, decimals: 3), result.language, Self.signals(result), text])
            case .ndjson:
                Console.out(JSONOutput.encode(SentimentOutput(text: text, result: result), pretty: false))
            case .json:
                results.append(SentimentOutput(text: text, result: result))
            case .csv:
                Console.out(csv.row([result.label.rawValue, "\(result.compound)", "\(result.positive)", "\(result.neutral)", "\(result.negative)",
                                     result.language, result.churn.joined(separator: "|"), result.effort.joined(separator: "|"),
                                     result.topics.joined(separator: "|"), text]), terminator: "")
            }
        }
        if texts == ["-"] {
            while let line = readLine() {
                if !line.isEmpty { handle(line) }
            }
        } else {
            texts.forEach(handle)
        }
        if output.format == .table { Console.out(table.render(maxWidth: Console.width)) }
        if output.format == .json { Console.out(JSONOutput.encode(results, pretty: true)) }
    }

    static func signals(_ result: SentimentResult) -> String {
        var parts: [String] = []
        if !result.churn.isEmpty { parts.append("churn") }
        if !result.effort.isEmpty { parts.append("effort") }
        parts += result.topics
        return parts.joined(separator: ",")
    }
}

/// The machine-readable shape of one scored text.
struct SentimentOutput: Encodable {
    var type = "sentiment"
    var text: String
    var result: SentimentResult
}
