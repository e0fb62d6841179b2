import ArgumentParser
import Foundation
import VocIngest
import VocScore
import VocText

/// `voc bench …`: in-process benchmarks that time one stage alone, without I/O or output formatting.
/// Whole-command figures against other tools come from `scripts/bench.sh`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time one pipeline stage on a file (release builds; see BENCHMARKS.md).",
        subcommands: [CSVBench.self, TokenizeBench.self, SentimentBench.self])
}

/// Runs `pass` `repeats` times (at least once) and returns the fastest pass in seconds.
func bestPassSeconds(repeats: Int, _ pass: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<max(1, repeats) {
        let start = DispatchTime.now().uptimeNanoseconds
        try pass()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

/// The options and timing loop shared by the per-line benchmarks.
struct LineBenchOptions: ParsableArguments {
    @Argument(help: "A UTF-8 file with one text per line.")
    var file: String

    @Option(name: .long, help: "Passes over the file; the best is reported.")
    var repeats = 3

    /// Runs `body` over every line `repeats` times and prints the best pass; `body` returns a checksum term,
    /// so the work cannot be optimized away and two builds can be compared for identical results.
    func run(_ stage: String, _ body: (String) -> Double) throws {
        let texts = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        var checksum = 0.0
        let best = bestPassSeconds(repeats: repeats) {
            checksum = 0
            for text in texts { checksum += body(text) }
        }
        Console.out(String(format: "%d texts, %.1f MB in %.3f s: %.0f texts/s, %.2f MB/s (%@, one core; checksum %.4f)",
                           texts.count, Double(bytes) / 1e6, best, Double(texts.count) / best, Double(bytes) / 1e6 / best, stage, checksum))
    }
}

/// `voc bench tokenize FILE`: tokenizes every line of FILE on one core.
struct TokenizeBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tokenize", abstract: "Time the tokenizer on one text per line.")

    @OptionGroup var bench: LineBenchOptions
    @OptionGroup var sentimentOptions: SentimentOptions

    func run() throws {
        let tokenizer = try sentimentOptions.analyzer().model.tokenizer
        try bench.run("tokenizer") { Double(tokenizer.tokenize($0).count) }
    }
}

/// `voc bench sentiment FILE`: scores every line of FILE on one core and reports comments/s and MB/s.
struct SentimentBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sentiment", abstract: "Time the sentiment analyzer on one text per line.")

    @OptionGroup var bench: LineBenchOptions

    @Option(name: .long, help: "The texts' language; identified per text when omitted.")
    var language: String?

    @Flag(name: .long, help: "Time what ingest stores (score, label, signals) instead of the full analysis with its trace.")
    var summary = false

    @OptionGroup var sentimentOptions: SentimentOptions

    func run() throws {
        let analyzer = try sentimentOptions.analyzer()
        if summary {
            try bench.run("sentiment summary") { analyzer.summarize($0, language: language).summary.compound }
        } else {
            try bench.run("sentiment") { analyzer.analyze($0, language: language).compound }
        }
    }
}

/// `voc bench csv FILE`: splits FILE into records and fields and decodes every field, on one core.
struct CSVBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "csv", abstract: "Time CSV parsing alone (fields decoded to text, as Python's csv.reader).")

    @Argument(help: "A CSV or TSV file.")
    var file: String

    @Option(name: .long, help: "Passes over the file; the best is reported.")
    var repeats = 3

    func run() throws {
        let bytes = Double(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0)
        var result: CSVParseBenchmark.Result?
        let best = try bestPassSeconds(repeats: repeats) { result = try CSVParseBenchmark.run(path: file) }
        Console.out(String(format: "%d records, %d fields, %.1f MB in %.3f s: %.0f records/s, %.1f MB/s (CSV parse, one core)",
                           result?.records ?? 0, result?.fields ?? 0, bytes / 1e6, best, Double(result?.records ?? 0) / best, bytes / 1e6 / best))
    }
}
