import Testing
@testable import VocIngest
import VocCore

@Suite struct ScoreParserTests {
    let parser = ScoreParser(notApplicable: vocabulary.notApplicable)

    @Test(arguments: [("9", 9), ("9.0", 9), ("10,00", 10), (" 7 ", 7), ("10 - Extremely likely", 10), ("0 – Nada probable", 0), ("3: Muito fácil", 3)])
    func wholeNumbersAndChoiceTextAreRatings(_ text: String, _ value: Int) {
        guard case .success(.rating(let parsed)) = parser.parse(text, scale: .nps) else {
            Issue.record("'\(text)' should be the rating \(value)")
            return
        }
        #expect(parsed == value)
    }

    @Test(arguments: ["N/A", "n/a", "NS/NC", "não se aplica", "No aplica", "-"])
    func notApplicableAnswersAreNeverScores(_ text: String) {
        #expect(parser.parse(text, scale: .nps) == .success(.notApplicable))
    }

    @Test func blankIsSkippedNotZero() {
        #expect(parser.parse("  ", scale: .nps) == .success(.blank))
    }

    @Test(arguments: ["6.5", "9,5", "7.25"])
    func fractionsAreRejectedNotRounded(_ text: String) {
        #expect(parser.parse(text, scale: .nps) == .failure(.notAWholeNumber))
    }

    @Test(arguments: ["good", "10 stars", "ten", "1e1", "5."])
    func textIsNotANumber(_ text: String) {
        #expect(parser.parse(text, scale: .nps) == .failure(.notANumber))
    }

    @Test func valuesOutsideTheScaleAreRejected() throws {
        #expect(parser.parse("11", scale: .nps) == .failure(.outOfScale(11)))
        #expect(parser.parse("0", scale: .csat5) == .failure(.outOfScale(0)))
        guard case .failure(.outOfScale) = parser.parse("99999999999999999999", scale: .nps) else {
            Issue.record("a 20-digit answer must be out of scale, without overflowing")
            return
        }
    }
}
