import Testing
import VocCore
@testable import VocIngest

/// Header and answer-label normalization: the table path for Latin-1 text gives what the decomposing path gives.
@Suite struct HeaderTextTests {
    @Test func labelsAndHeadersAreFoldedToLowerCaseWordsWithoutAccents() {
        #expect(HeaderText.normalize("Muito Satisfeito") == "muito satisfeito")
        #expect(HeaderText.normalize("  ¿Qué tan FÁCIL fue?  ") == "que tan facil fue")
        #expect(HeaderText.normalize("Satisfação — geral (1-5)") == "satisfacao geral 1 5")
        #expect(HeaderText.normalize("Straße Æsir ½ µ") == "straße æsir ½ µ")
        #expect(HeaderText.normalize("Łódź ǅ") == "łodz ǆ", "beyond Latin-1 the decomposing path answers (Ł has no decomposition)")
    }

    @Test func theLatin1TableAgreesWithDecompositionOnEveryScalarAndOnRandomTexts() {
        for value in 0..<256 {
            let text = "a" + String(Unicode.Scalar(UInt8(value))) + "b"
            #expect(HeaderText.normalize(text) == HeaderText.normalizeDecomposing(text), "U+\(String(value, radix: 16))")
        }
        var random = SplitMix64(seed: 42)
        let pool = (0..<256).map { Unicode.Scalar(UInt8($0)) } + ["\u{301}", "\u{327}", "\u{303}"]
        for _ in 0..<2_000 {
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...12, using: &random)).map { _ in pool.randomElement(using: &random)! }))
            #expect(HeaderText.normalize(text) == HeaderText.normalizeDecomposing(text), "\(text.unicodeScalars.map { $0.value })")
        }
    }
}
