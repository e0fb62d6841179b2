import ArgumentParser
import Foundation
import VocReport
import VocScore

/// `voc eval FILE.tsv…`: accuracy, macro-F1, per-class precision/recall/F1 and confusion matrix, per language, and the
/// coverage: the share of texts with any evidence (see `SentimentResult.evidence`).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate the sentiment classifier on labelled TSV files (id, lang, label, score, text), per language.")

    @Argument(help: "Labelled TSV files.")
    var files: [String]

    @Flag(name: .long, help: "Ignore the file's lang column and identify each text's language.")
    var identifyLanguage = false

    @OptionGroup var sentimentOptions: SentimentOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let analyzer = try sentimentOptions.analyzer()
        var reports: [EvalOutput] = []
        for file in files {
            let set = try LabelledSet(contentsOf: file)
            let results = set.examples.map { analyzer.analyze($0.text, language: identifyLanguage ? nil : $0.language) }
            let languages = Array(Set(set.examples.map(\.language))).sorted()
            var groups: [(String, [Int])] = languages.map { language in (language, set.examples.indices.filter { set.examples[$0].language == language }) }
            if languages.count > 1 { groups.append(("all", Array(set.examples.indices))) }
            for (language, indices) in groups {
                let report = ClassificationReport(gold: indices.map { set.examples[$0].label }, predicted: indices.map { results[$0].label })
                let covered = indices.filter { results[$0].evidence }.count
                reports.append(EvalOutput(file: file, language: language, coverage: indices.isEmpty ? 0 : Double(covered) / Double(indices.count), report: report))
            }
        }
        switch output.format {
        case .json: Console.out(JSONOutput.encode(reports, pretty: true))
        case .ndjson: reports.forEach { Console.out(JSONOutput.encode($0, pretty: false)) }
        case .csv:
            let csv = output.csv
            var text = csv.preamble + csv.row(["file", "language", "n", "coverage", "accuracy", "macro_f1", "neg_f1", "neu_f1", "pos_f1"])
            for entry in reports {
                text += csv.row([entry.file, entry.language, "\(entry.report.count)", "\(entry.coverage)", "\(entry.report.accuracy)", "\(entry.report.macroF1)"]
                                + entry.report.classes.map { "\($0.f1)" })
            }
            Console.out(text, terminator: "")
        case .table:
            for entry in reports {
                let report = entry.report
                Console.out("\(entry.file) [\(entry.language)]: n=\(report.count)  coverage \(String(format: "%.3f", entry.coverage))  accuracy \(String(format: "%.3f", report.accuracy))  macro-F1 \(String(format: "%.3f", report.macroF1))")
                var table = TextTable(columns: [.init("CLASS"), .init("PRECISION", alignRight: true), .init("RECALL", alignRight: true),
                                                .init("F1", alignRight: true), .init("SUPPORT", alignRight: true),
                                                .init("→neg", alignRight: true), .init("→neu", alignRight: true), .init("→pos", alignRight: true)])
                for (index, scores) in report.classes.enumerated() {
                    table.append([scores.label, String(format: "%.3f", scores.precision), String(format: "%.3f", scores.recall),
                                  String(format: "%.3f", scores.f1), "\(scores.support)"] + report.confusion[index].map(String.init))
                }
                Console.out(table.render(maxWidth: Console.width))
                Console.out("")
            }
        }
    }
}

private struct EvalOutput: Encodable {
    var type = "evaluation"
    var file: String
    var language: String
    /// The share of texts with evidence.
    var coverage: Double
    var report: ClassificationReport
}
