import Foundation
import Testing
import VocCore
@testable import VocScore
import VocTestSupport

/// Candidate phrases in three languages, the log-likelihood test by hand, and a theme planted in a recent window.
@Suite struct ThemeTests {
    static let extractor = try! PhraseExtractor.load(from: Fixtures.lexicons)

    @Test func phrasesAreFoldedRunsThatNeitherStartNorEndWithAStopWord() {
        let english = Self.extractor.phrases(in: "The export button disappeared again!!! Invoice #4521 is WRONG.", language: "en")
        #expect(english.isSuperset(of: ["export button", "export button disappeared", "button disappeared", "export", "invoice", "wrong"]))
        #expect(!english.contains("the export") && !english.contains("again invoice"), "no stop word at an end, nothing across punctuation")
        #expect(!english.contains { $0.contains("4521") }, "numbers and ids are no theme")
        let spanish = Self.extractor.phrases(in: "El botón de exportar desapareció, otra vez", language: "es")
        #expect(spanish.isSuperset(of: ["boton de exportar", "boton", "exportar", "desaparecio"]), "a stop word inside a phrase stays: \(spanish)")
        #expect(!spanish.contains("el boton") && !spanish.contains("de exportar"))
        let portuguese = Self.extractor.phrases(in: "O botão de exportar sumiu do relatório REF-88", language: "pt")
        #expect(portuguese.isSuperset(of: ["botao de exportar", "sumiu", "relatorio"]) && !portuguese.contains { $0.contains("88") })
    }

    /// A stop word inside a phrase keeps its form in the baseline: Portuguese `do` is not Spanish `dos`, even when the
    /// recent window has `dos` as a word of its own.
    @Test func baselinePhrasesKeepTheirStopWords() {
        var counter = ThemeCounter(extractor: Self.extractor)
        let day = Date(timeIntervalSince1970: 1_700_000_000)
        counter.addRecent("Recomendo para qualquer equipe de sucesso do cliente.", language: "pt", account: "A", at: day)
        counter.addRecent("Compramos dos licencias más.", language: "es", account: "B", at: day)
        counter.addBaseline("Recomendo para qualquer equipe de sucesso do cliente.", language: "pt")
        #expect(counter.baselinePhrases(in: "O time de sucesso do cliente respondeu.", language: "pt").contains("sucesso do cliente"))
        #expect(counter.emerging(minimumCount: 1).isEmpty, "one comment each side is nothing new")
    }

    @Test func theLogLikelihoodRatioIsDunningsG2() {
        // 10 of 100 recent comments against 5 of 900 before.
        #expect(abs(ThemeCounter.logLikelihoodRatio(10, 90, 5, 895) - 28.84668499647576) < 1e-9)
        #expect(abs(ThemeCounter.logLikelihoodRatio(8, 92, 0, 900) - 37.43497409049161) < 1e-9)
    }

    @Test func aPlantedPhraseEmergesAndPluralsMerge() throws {
        var counter = ThemeCounter(extractor: Self.extractor)
        let day = Date(timeIntervalSince1970: 1_700_000_000)
        for index in 0..<100 {
            let text = index < 10 ? "The export button disappeared from the report \(index)" : index < 13 ? "Two invoices were wrong" : index < 16 ? "The invoice was wrong" : "Support answered quickly"
            counter.addRecent(text, language: "en", account: index < 10 ? "A\(index % 2)" : "B", at: day.addingTimeInterval(Double(index)))
        }
        for index in 0..<900 {
            counter.addBaseline(index < 5 ? "Where is the export button?" : index < 10 ? "The invoices were wrong" : "Support answered quickly", language: "en")
        }
        let themes = counter.emerging(minimumCount: 5)
        let button = try #require(themes.first { $0.phrase == "export button" })
        #expect(button.recent == 10 && button.baseline == 5 && button.rateRatio == 18 && !button.new)
        #expect(abs(button.score - 28.84668499647576) < 1e-9)
        #expect(button.accounts == ["A0", "A1"] && button.examples.count == 3 && button.examples[0].hasSuffix("report 9"), "newest first")
        #expect(themes.contains { $0.phrase == "button disappeared" && $0.new })
        #expect(!themes.contains { $0.phrase == "support" || $0.phrase == "answered quickly" }, "a steady phrase does not emerge")
        // `invoices` reads as `invoice`, in both windows: 6 recent against 5 before, 6 % against 0.6 % (G² 13.8).
        let invoice = try #require(themes.first { $0.phrase == "invoice" })
        #expect(invoice.recent == 6 && invoice.baseline == 5 && abs(invoice.score - 13.800230365437407) < 1e-9)
        #expect(!themes.contains { $0.phrase == "invoices" })
        #expect(themes.map(\.score) == themes.map(\.score).sorted(by: >))
    }
}
