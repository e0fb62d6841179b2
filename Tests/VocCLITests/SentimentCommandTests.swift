import Foundation
import Testing
import VocTestSupport

@Suite struct SentimentCommandTests {
    /// More lines than one batch, with blank lines between: every text is scored once, in input order, and the
    /// output does not depend on how many threads scored it.
    @Test func standardInputIsScoredInOrderWhateverTheThreads() throws {
        let file = Fixtures.corpora.appendingPathComponent("labelled/es_feedback.tsv")
        let sentences = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
            .compactMap { $0.split(separator: "\t", maxSplits: 4).last.map(String.init) }
        let texts = (0..<9_000).map { "\($0): \(sentences[$0 % sentences.count])" }
        let input = texts.enumerated().map { $0.offset % 100 == 0 ? "\n" + $0.element : $0.element }.joined(separator: "\n") + "\n"

        let one = try VocProcess.run(["sentiment", "--format", "ndjson", "--jobs", "1", "-"], stdin: input)
        let three = try VocProcess.run(["sentiment", "--format", "ndjson", "--jobs", "3", "-"], stdin: input)
        #expect(one.status == 0 && three.status == 0, "\(one.stderr)\(three.stderr)")
        #expect(one.stdout == three.stdout)
        let lines = one.stdout.split(separator: "\n")
        #expect(lines.count == texts.count)
        let scored = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(scored.map { $0?["text"] as? String } == texts)

        let csv = try VocProcess.run(["sentiment", "--format", "csv", "--jobs", "3", "-"], stdin: input)
        #expect(csv.status == 0)
        #expect(csv.stdout.split(whereSeparator: \.isNewline).count == texts.count + 1, "a header and one row per text (CRLF)")
    }
}
