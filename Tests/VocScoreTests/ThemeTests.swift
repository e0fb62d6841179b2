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

    /// The themes of a recent window (text, language, account, instant) against a baseline (text, language), counted
    /// as `ThemeReport` counts them: recent phrases, then baseline ones, then who wrote about the themes found.
    static func themes(recent: [(String, String, String, Date)], baseline: [(String, String)], minimumCount: Int) -> [EmergingTheme] {
        var counter = ThemeCounter(extractor: extractor)
        let phrases = recent.map { extractor.phrases(in: $0.0, language: $0.1) }
        for (comment, found) in zip(recent, phrases) { counter.addRecent(phrases: found, language: comment.1) }
        for (text, language) in baseline { counter.addBaseline(phrases: extractor.phrases(in: text, language: language), language: language) }
        let themes = counter.emerging(minimumCount: minimumCount)
        var mentions = ThemeMentions(themes: themes)
        for (comment, found) in zip(recent, phrases) {
            mentions.add(forms: found.map(counter.recentForm(of:)), account: comment.2, at: comment.3, text: comment.0)
        }
        return mentions.completing(themes)
    }

    /// A stop word inside a phrase keeps its form in the baseline: Portuguese `do` is not Spanish `dos`, even when the
    /// recent window has `dos` as a word of its own.
    @Test func baselinePhrasesKeepTheirStopWords() throws {
        let day = Date(timeIntervalSince1970: 1_700_000_000)
        let recent = (0..<10).map { _ in ("Recomendo para qualquer equipe de sucesso do cliente.", "pt", "A", day) }
            + (0..<10).map { _ in ("Compramos dos licencias más.", "es", "B", day) }
        let baseline = (0..<10).map { _ in ("O time de sucesso do cliente respondeu.", "pt") } + (0..<90).map { _ in ("Tudo certo.", "pt") }
        let theme = try #require(Self.themes(recent: recent, baseline: baseline, minimumCount: 5).first { $0.phrase == "sucesso do cliente" })
        #expect(theme.baseline == 10 && !theme.new && theme.recent == 10 && theme.language == "pt" && theme.accounts == ["A"])
    }

    /// Counts per phrase form add up to the same themes as comments counted one by one: what lets the phrase index keep
    /// counts per day.
    @Test func countsOfFormsGiveTheSameThemesAsComments() {
        let texts = ["The invoices were wrong", "One invoice was wrong", "Invoice and invoices both wrong", "Support answered quickly"]
        var byComment = ThemeCounter(extractor: Self.extractor), byCount = ThemeCounter(extractor: Self.extractor)
        var recentCounts: [String: Int] = [:], baselineCounts: [String: Int] = [:]
        for index in 0..<40 {
            let phrases = Self.extractor.phrases(in: texts[index % 3], language: "en")
            byComment.addRecent(phrases: phrases, language: "en")
            for phrase in phrases.union([""]) { recentCounts[phrase, default: 0] += 1 }
        }
        for index in 0..<400 {
            let phrases = Self.extractor.phrases(in: texts[index % 40 == 0 ? 1 : 3], language: "en")
            byComment.addBaseline(phrases: phrases, language: "en")
            for phrase in phrases.union([""]) { baselineCounts[phrase, default: 0] += 1 }
        }
        for (phrase, mentions) in recentCounts { byCount.addRecent(PhraseCount(phrase: phrase, language: "en", mentions: mentions)) }
        let forms = Set(byCount.baselineForms(minimumCount: 5))
        #expect(forms.isSuperset(of: ["", "invoice", "invoices", "invoice was wrong", "invoices were wrong", "invoice were wrong"]))
        #expect(!forms.contains("invoice ands invoices"), "a word that is no phrase of its own is asked for as written")
        for (phrase, mentions) in baselineCounts where forms.contains(phrase) {
            byCount.addBaseline(PhraseCount(phrase: phrase, language: "en", mentions: mentions))
        }
        let themes = byComment.emerging(minimumCount: 5)
        #expect(themes == byCount.emerging(minimumCount: 5))
        // `invoices` alone in 14 comments, `invoice` alone in 13, both in 13: 53 recent mentions of `invoice`, 10 before.
        let invoice = themes.first { $0.phrase == "invoice" }
        #expect(invoice?.recent == 53 && invoice?.baseline == 10)
    }

    /// The sieve never turns away a comment whose phrases hold a theme, however the comment writes it.
    @Test func theSieveKeepsEveryCommentThatMentionsAPhrase() {
        let sieve = MentionSieve(phrases: ["export button", "botao de exportar", "factura"])
        let mentions = ["The EXPORT buttttton is gone", "O BOTÃO de exportar sumiu", "las facturas llegaron mal", "export, then button",
                        "Export &amp; button", "Кнопка export button"]
        for text in mentions {
            #expect(sieve.mayMention(text), "\(text)")
        }
        for text in mentions.prefix(3) {
            let language = text.hasPrefix("O ") ? "pt" : text.hasPrefix("las") ? "es" : "en"
            #expect(!Self.extractor.phrases(in: text, language: language).isDisjoint(with: ["export button", "botao de exportar", "factura", "facturas"]))
        }
        #expect(!sieve.mayMention("Support answered quickly") && !sieve.mayMention("El botón funciona") && !MentionSieve(phrases: []).mayMention("export button"))
    }

    @Test func theLogLikelihoodRatioIsDunningsG2() {
        // 10 of 100 recent comments against 5 of 900 before.
        #expect(abs(ThemeCounter.logLikelihoodRatio(10, 90, 5, 895) - 28.84668499647576) < 1e-9)
        #expect(abs(ThemeCounter.logLikelihoodRatio(8, 92, 0, 900) - 37.43497409049161) < 1e-9)
    }

    @Test func aPlantedPhraseEmergesAndPluralsMerge() throws {
        let day = Date(timeIntervalSince1970: 1_700_000_000)
        let recent = (0..<100).map { index in
            let text = index < 10 ? "The export button disappeared from the report \(index)" : index < 13 ? "Two invoices were wrong" : index < 16 ? "The invoice was wrong" : "Support answered quickly"
            return (text, "en", index < 10 ? "A\(index % 2)" : "B", day.addingTimeInterval(Double(index)))
        }
        let baseline = (0..<900).map { index in
            (index < 5 ? "Where is the export button?" : index < 10 ? "The invoices were wrong" : "Support answered quickly", "en")
        }
        let themes = Self.themes(recent: recent, baseline: baseline, minimumCount: 5)
        let button = try #require(themes.first { $0.phrase == "export button" })
        #expect(button.recent == 10 && button.baseline == 5 && button.rateRatio == 18 && !button.new)
        #expect(abs(button.score - 28.84668499647576) < 1e-9)
        #expect(button.accounts == ["A0", "A1"] && button.examples.count == 3 && button.examples[0].hasSuffix("report 9"), "newest first")
        #expect(themes.contains { $0.phrase == "button disappeared" && $0.new })
        #expect(!themes.contains { $0.phrase == "support" || $0.phrase == "answered quickly" }, "a steady phrase does not emerge")
        // `invoices` reads as `invoice`, in both windows: 6 recent against 5 before, 6 % against 0.6 % (G² 13.8).
        let invoice = try #require(themes.first { $0.phrase == "invoice" })
        #expect(invoice.recent == 6 && invoice.baseline == 5 && abs(invoice.score - 13.800230365437407) < 1e-9)
        #expect(invoice.accounts == ["B"] && invoice.examples == Array(repeating: "The invoice was wrong", count: 3))
        #expect(!themes.contains { $0.phrase == "invoices" })
        #expect(themes.map(\.score) == themes.map(\.score).sorted(by: >))
    }
}
