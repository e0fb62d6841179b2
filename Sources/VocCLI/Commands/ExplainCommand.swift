import ArgumentParser
import Foundation
import VocReport
import VocScore

/// `voc explain "text"`: the sentiment trace, readable: which words and rules moved the score, by how much.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a text got its sentiment score: every contributing word or phrase and every rule applied to it.")

    @Argument(help: "The text to explain.")
    var text: String

    @Option(name: .long, help: "The text's language (es, pt, en); identified when omitted.")
    var language: String?

    @OptionGroup var sentimentOptions: SentimentOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let result = try sentimentOptions.analyzer().analyze(text, language: language)
        guard output.format == .table else {
            Console.out(JSONOutput.encode(SentimentOutput(text: text, result: result), pretty: output.format == .json))
            return
        }
        for line in Self.lines(for: result, language: language) { Console.out(line) }
    }

    static func lines(for result: SentimentResult, language declared: String?) -> [String] {
        func number(_ value: Double) -> String { String(format: "%+.3f", value) }
        var lines = [
            "language: \(result.language) (\(declared == nil ? "identified, confidence \(String(format: "%.2f", result.languageConfidence))" : "declared"))",
            "label:    \(result.label.rawValue) (compound \(number(result.compound)); pos ≥ +0.05, neg ≤ -0.05)",
            "shares:   positive \(String(format: "%.2f", result.positive)), neutral \(String(format: "%.2f", result.neutral)), negative \(String(format: "%.2f", result.negative))",
            "",
        ]
        if !result.evidence { lines.append("no evidence: no word, phrase, emoji or emoticon with a valence (neutral here means unknown)") }
        for item in result.trace.items {
            lines.append("\(item.source.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(item.text.debugDescription)  base \(number(item.base))")
            for step in item.steps {
                lines.append("  \(step.rule.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(step.cue.debugDescription.padding(toLength: 18, withPad: " ", startingAt: 0)) \(number(step.delta))")
            }
            lines.append("  = \(number(item.contribution))")
        }
        let sum = result.trace.sum
        lines.append("")
        lines.append("sum \(number(sum)) → compound = sum / √(sum² + 15) = \(number(result.compound))")
        lines.append("signals: churn \(result.churn.isEmpty ? "—" : result.churn.joined(separator: ", ")); effort \(result.effort.isEmpty ? "—" : result.effort.joined(separator: ", ")); topics \(result.topics.isEmpty ? "—" : result.topics.joined(separator: ", "))")
        return lines
    }
}
