import Foundation
import Testing
import VocCore
import VocReport
import VocScore
import VocTestSupport

/// The hand-written NDJSON of `voc sentiment` must be byte for byte what `JSONEncoder` writes.
@Suite struct SentimentOutputJSONTests {
    static let analyzer = SentimentAnalyzer(model: try! SentimentModel.load(from: Fixtures.lexicons))

    /// Texts that exercise every part of the output: traces with boosters, negation, contrast and punctuation steps,
    /// signals and topics, and strings that need escaping.
    static let texts: [String] = {
        var texts = [
            "not bad at all, but the support was REALLY slow!!! I will cancel my subscription",
            "No me gustó nada, pero el soporte fue muy amable 😀 :)",
            "Não tenho nenhuma reclamação; a cobrança veio errada??",
            "quote \" backslash \\ slash / tab\tcarriage\rbell\u{7} nul\u{0} escape\u{1B}[31m del\u{7F} line\u{2028}separator",
            "<b>great</b> &amp; awful #fail @team https://example.com/a?b=c",
            "", "    ", "!!!", "👨‍👩‍👧‍👦👍🏽",
        ]
        for language in ["en", "es", "pt"] {
            let file = Fixtures.corpora.appendingPathComponent("labelled/\(language)_feedback.tsv")
            let lines = (try? String(contentsOf: file, encoding: .utf8))?.split(separator: "\n").dropFirst() ?? []
            texts += lines.compactMap { $0.split(separator: "\t", maxSplits: 4).last.map(String.init) }
        }
        return texts
    }()

    @Test func everyLineIsWhatTheEncoderWrites() {
        #expect(Self.texts.count > 700, "the project's labelled sets were read")
        for text in Self.texts {
            let output = SentimentOutput(text: text, result: Self.analyzer.analyze(text))
            #expect(output.jsonLine == JSONOutput.encode(output, pretty: false), "\(text)")
        }
    }

    @Test func numbersAreWrittenAsTheEncoderWritesThem() throws {
        let numbers: [Double] = [0, -0.0, 1, -1, -1.8, 0.1 + 0.2, 1e-7, 2.7755575615628914e-17, 123_456_789, 1e16, 1e21,
                                 -0.4214636152117623, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        for number in numbers {
            var json = JSONText()
            json.number(number)
            let encoded = String(decoding: try JSONEncoder().encode([number]), as: UTF8.self)
            #expect("[" + json.text + "]" == encoded, "\(number)")
        }
    }

    @Test func everyControlCharacterIsEscapedAsTheEncoderDoes() throws {
        let text = String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) }))
        var json = JSONText()
        json.string(text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let encoded = String(decoding: try encoder.encode([text]), as: UTF8.self)
        #expect("[" + json.text + "]" == encoded)
    }
}
