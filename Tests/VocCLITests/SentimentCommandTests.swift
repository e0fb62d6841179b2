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

    /// A text the lexicons know nothing of is flagged in every format, and `voc eval` reports the share of texts
    /// with evidence per file.
    @Test func noEvidenceIsFlaggedAndCoverageReported() throws {
        let input = "The invoice number is 4471\nThe app would not open\n"
        let ndjson = try VocProcess.run(["sentiment", "--format", "ndjson", "--language", "en", "-"], stdin: input)
        let results = try ndjson.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["result"] as? [String: Any] }
        #expect(results.map { $0?["evidence"] as? Bool } == [false, true])
        #expect(results.map { $0?["label"] as? String } == ["neu", "neg"])
        let table = try VocProcess.run(["sentiment", "--language", "en", "-"], stdin: input)
        #expect(table.stdout.contains("no evidence"))
        let explain = try VocProcess.run(["explain", "--language", "en", "The invoice number is 4471"])
        #expect(explain.stdout.contains("no evidence"), "\(explain.stdout)")

        let set = Fixtures.write("id\tlang\tlabel\tscore\ttext\n1\ten\tneu\t\tThe invoice number is 4471\n2\ten\tneg\t\tThe app would not open\n"
                                 + "3\ten\tpos\t\tGreat support\n4\ten\tneg\t\tOrder 12 of May\n", name: "set.tsv")
        let eval = try VocProcess.run(["eval", "--format", "csv", set])
        #expect(eval.status == 0, "\(eval.stderr)")
        let row = try #require(eval.stdout.split(whereSeparator: \.isNewline).dropFirst().first).split(separator: ",")
        #expect(row[3] == "0.5", "two of the four texts have evidence: \(row)")
    }
}
