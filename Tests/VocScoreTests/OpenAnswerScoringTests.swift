import Testing
import VocCore
@testable import VocScore

/// A response with several open questions: each answer is scored on its own, and the response sums them.
@Suite struct OpenAnswerScoringTests {
    static func record(_ answers: [(String, String)], language: String? = nil) -> FeedbackRecord {
        var record = FeedbackRecord(key: "k", channel: .survey, position: SourcePosition(file: "f.csv"))
        record.answers = answers.map { OpenAnswer(question: $0.0, text: $0.1) }
        record.comment = answers.map(\.1).joined(separator: "\n\n")
        record.language = language
        return record
    }

    @Test func eachAnswerIsScoredOnItsOwnAndTheResponseSumsThem() throws {
        for (language, praise, complaint) in [
            ("en", "The support team was great", "But the invoices are always wrong and it is frustrating"),
            ("es", "El soporte fue excelente", "Pero las facturas siempre llegan mal, es frustrante"),
            ("pt", "O suporte foi excelente", "Mas as faturas sempre chegam erradas, é frustrante"),
        ] {
            var record = Self.record([("What did we do well?", praise), ("What should we improve?", complaint)])
            analyzer.enrich(&record)
            #expect(record.language == language)
            let alone = [praise, complaint].map { analyzer.summarize($0, language: language).summary }
            #expect(record.answers.map(\.sentiment) == alone, "\(language): each answer scores as it would alone")
            #expect(alone[0].label == .positive && alone[1].label == .negative)
            // Joined, the "but" that opens the second answer halves the praise of the first, which answered another
            // question: the response is more negative than its answers say.
            let joined = analyzer.summarize(record.comment!, language: language).summary.compound
            let response = try #require(record.sentiment)
            #expect(response.compound > joined, "\(language): \(response.compound) vs joined \(joined)")
            #expect(response.compound > alone[1].compound && response.compound < alone[0].compound)
        }
    }

    @Test func aBareAnswerDoesNotDiluteTheResponse() throws {
        for (language, text, none) in [("en", "Terrible onboarding, nobody answered our tickets", "No"),
                                       ("es", "Pésima atención, nadie respondió nuestros tickets", "Nada"),
                                       ("pt", "Péssimo atendimento, ninguém respondeu nossos chamados", "Nada")] {
            var record = Self.record([("What should we improve?", text), ("Anything else?", none)], language: language)
            analyzer.enrich(&record)
            let alone = analyzer.summarize(text, language: language).summary
            #expect(record.sentiment?.compound == alone.compound, "\(language)")
            #expect(record.sentiment?.label == .negative)
        }
    }

    @Test func signalsAndTopicsAreAnyAnswers() throws {
        var record = Self.record([("What did we do well?", "Support was quick"), ("What should we improve?", "The price is too high, we are looking for alternatives")])
        analyzer.enrich(&record)
        let answers = record.answers.compactMap(\.sentiment)
        #expect(record.sentiment?.churn == answers.contains(where: \.churn) && record.sentiment?.churn == true)
        #expect(record.sentiment?.topics == Array(Set(answers.flatMap(\.topics))).sorted())
        #expect(record.sentiment?.topics.isEmpty == false)
    }
}
