import ArgumentParser
import Foundation
import VocScore

/// `voc bench …`: in-process benchmarks that time one stage alone, without I/O or output formatting.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time one pipeline stage on a file (release builds; see BENCHMARKS.md).",
        subcommands: [SentimentBench.self])
}

/// `voc bench sentiment FILE`: scores every line of FILE on one core and reports comments/s and MB/s.
struct SentimentBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sentiment", abstract: "Time the sentiment analyzer on one text per line.")

    @Argument(help: "A UTF-8 file with one text per line.")
    var file: String

    @Option(name: .long, help: "The texts' language; identified per text when omitted.")
    var language: String?

    @Option(name: .long, help: "Passes over the file; the best is reported.")
    var repeats = 3

    @OptionGroup var sentimentOptions: SentimentOptions

    func run() throws {
        let analyzer = try sentimentOptions.analyzer()
        let texts = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        var best = Double.infinity
        var checksum = 0.0
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            checksum = 0
            for text in texts { checksum += analyzer.analyze(text, language: language).compound }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        Console.out(String(format: "%d texts, %.1f MB in %.3f s: %.0f texts/s, %.2f MB/s (one core; checksum %.4f)",
                           texts.count, Double(bytes) / 1e6, best, Double(texts.count) / best, Double(bytes) / 1e6 / best, checksum))
    }
}
