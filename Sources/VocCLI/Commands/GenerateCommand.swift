import ArgumentParser
import Foundation
import VocCore

extension GeneratedFormat: ExpressibleByArgument {}

/// `voc generate`: deterministic synthetic inputs for benchmarks and demos.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic survey export (ES/PT/EN comments) of any size; the same seed gives the same bytes.")

    @Option(name: .long, help: "Number of data rows.")
    var rows = 100_000

    @Option(name: .long, help: "Number of distinct accounts.")
    var accounts = 1_000

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Share of deliberately broken rows (0 to 1).")
    var broken = 0.0

    @Option(name: .long, help: "Output format: csv (a survey export), mbox or xml.")
    var format: GeneratedFormat = .csv

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @OptionGroup var lexiconOptions: LexiconOptions

    func validate() throws {
        guard rows >= 0, accounts >= 1, (0...1).contains(broken) else {
            throw ValidationError("--rows must be ≥ 0, --accounts ≥ 1 and --broken between 0 and 1")
        }
    }

    func run() throws {
        let corpora = try lexiconOptions.locate().root.deletingLastPathComponent().appendingPathComponent("corpora")
        let generator = SurveyGenerator(rows: rows, accounts: accounts, seed: seed, brokenShare: broken,
                                        phrases: try SurveyGenerator.loadPhrases(corpora: corpora))
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let opened = FileHandle(forWritingAtPath: output) else {
                throw VocError(.fileUnreadable, "cannot create the output file", at: SourcePosition(file: output))
            }
            handle = opened
        } else {
            handle = FileHandle.standardOutput
        }
        try generator.write(to: handle, format: format)
        try handle.close()
    }
}
