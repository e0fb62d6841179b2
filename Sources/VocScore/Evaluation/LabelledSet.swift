public import VocCore
import Foundation

/// A labelled evaluation file: TSV with the header `id lang label score text`, label in neg/neu/pos,
/// text after the fourth TAB taken whole (it may contain TABs of its own).
public struct LabelledSet: Sendable {
    public struct Example: Sendable {
        public var id: String
        public var language: String
        public var label: SentimentLabel
        public var text: String
    }

    public let path: String
    public let examples: [Example]

    public init(contentsOf path: String) throws(VocError) {
        self.path = path
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw VocError(.fileUnreadable, "cannot read the labelled file", at: SourcePosition(file: path), cause: error)
        }
        var examples: [Example] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || (offset == 0 && line.hasPrefix("id\t")) { continue }
            let fields = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let label = SentimentLabel(rawValue: String(fields[2])) else {
                throw VocError(.invalidInput, "expected id<TAB>lang<TAB>label(neg|neu|pos)<TAB>score<TAB>text", at: SourcePosition(file: path, line: offset + 1))
            }
            examples.append(Example(id: String(fields[0]), language: String(fields[1]), label: label, text: String(fields[4])))
        }
        self.examples = examples
    }
}
