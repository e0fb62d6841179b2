import Foundation
public import VocCore

/// Finds emerging themes from phrase counts (`PhraseExtractor`): a recent window's, then a baseline's, each either
/// counted from comments or read from the store's phrase index; keeps the phrases whose share of comments rose beyond
/// chance.
///
/// The test is Dunning's log-likelihood ratio G² on the 2×2 table (mentions of the phrase or not, in the recent window
/// or the baseline), against 10.83 (p = 0.001, one degree of freedom: strict, as thousands of phrases are tested at
/// once), with at least `minimumCount` recent mentions. Plural and singular merge: a word ending in -s (or -es) whose
/// stem without it is also in the recent window is read as that stem (`invoices` as `invoice`, `facturas` as
/// `factura`), and a baseline word other than a stop word is read as the form the recent window uses. A phrase is
/// counted once per comment in each form the comment writes it (`invoice` and `invoices` in one comment are two
/// mentions of `invoice`), in both windows alike, so that counts of forms per day can be summed.
///
/// Memory holds the recent window's phrases only: baseline counts are kept for those phrases alone.
public struct ThemeCounter: Sendable {
    struct Counts: Sendable {
        var recent = 0
        var baseline = 0
        var languages: [String: Int] = [:]

        mutating func merge(_ other: Counts) {
            recent += other.recent
            baseline += other.baseline
            languages.merge(other.languages, uniquingKeysWith: +)
        }
    }

    /// G² at p = 0.001 with one degree of freedom.
    public static let criticalScore = 10.83

    public let extractor: PhraseExtractor
    private var counts: [String: Counts] = [:]
    private var stems: [String: String]?
    public private(set) var recentComments = 0
    public private(set) var baselineComments = 0

    public init(extractor: PhraseExtractor) {
        self.extractor = extractor
    }

    /// Counts a comment of the recent window by its phrases (`extractor.phrases(in:language:)`); all recent counts
    /// come before any baseline one. A weight of -1 takes back a comment that counts of whole days included.
    public mutating func addRecent(phrases: Set<String>, language: String?, weight: Int = 1) {
        addRecent(PhraseCount(phrase: "", language: language, mentions: weight))
        for phrase in phrases { addRecent(PhraseCount(phrase: phrase, language: language, mentions: weight)) }
    }

    /// Counts recent mentions of a phrase as comments write it (the empty phrase: comments).
    public mutating func addRecent(_ count: PhraseCount) {
        precondition(stems == nil, "recent comments come before the baseline")
        guard !count.phrase.isEmpty else {
            recentComments += count.mentions
            return
        }
        counts[count.phrase, default: Counts()].recent += count.mentions
        if let language = count.language { counts[count.phrase, default: Counts()].languages[language, default: 0] += count.mentions }
    }

    /// Ends the recent window: its plurals merge with their singulars. The baseline is read in its forms after this.
    public mutating func closeRecentWindow() { mergePlurals() }

    /// The recent window's phrase a phrase of one of its comments counts for (after `closeRecentWindow()`).
    public func recentForm(of phrase: String) -> String {
        guard let stems, !stems.isEmpty else { return phrase }
        return phrase.split(separator: " ").map { stems[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// The forms of phrases whose baseline mentions can make a theme emerge: every phrase that can read as a recent
    /// one with at least `minimumCount` mentions, and the empty phrase (the comments). What to ask the phrase index
    /// for, rather than every phrase of the baseline. A word reads as another only when that other is a word of the
    /// recent window on its own (`canonicalWord`): such a word is asked for as is, with -s or -es, and without them.
    public mutating func baselineForms(minimumCount: Int) -> [String] {
        closeRecentWindow()
        var forms: Set<String> = [""]
        for (phrase, entry) in counts where entry.recent >= minimumCount {
            var variants = [""]
            for word in phrase.split(separator: " ").map(String.init) {
                var spellings = [word]
                if counts[word] != nil {
                    spellings += [word + "s", word + "es"]
                    if word.hasSuffix("s") { spellings.append(String(word.dropLast())) }
                    if word.hasSuffix("es") { spellings.append(String(word.dropLast(2))) }
                }
                variants = variants.flatMap { start in spellings.map { start.isEmpty ? $0 : start + " " + $0 } }
            }
            forms.formUnion(variants)
        }
        return forms.sorted()
    }

    /// Counts a baseline comment by its phrases (`extractor.phrases(in:language:)`); a weight of -1 takes it back.
    public mutating func addBaseline(phrases: Set<String>, language: String?, weight: Int = 1) {
        addBaseline(PhraseCount(phrase: "", language: language, mentions: weight))
        for phrase in phrases { addBaseline(PhraseCount(phrase: phrase, language: language, mentions: weight)) }
    }

    /// Counts baseline mentions of a phrase as comments write it (the empty phrase: comments), for the phrase the
    /// recent window has in its place; others are not kept.
    public mutating func addBaseline(_ count: PhraseCount) {
        closeRecentWindow()
        guard !count.phrase.isEmpty else {
            baselineComments += count.mentions
            return
        }
        // Stop words keep their form: only content words have plurals to merge.
        let stop = extractor.stopwords(for: count.language)
        let form = count.phrase.split(separator: " ").map { word in
            let word = String(word)
            return stop.contains(word) ? word : canonicalWord(word)
        }.joined(separator: " ")
        counts[form]?.baseline += count.mentions
    }

    /// The emerging themes, highest score first, without their accounts and examples (`ThemeMentions` reads them);
    /// none without baseline comments (nothing to rise against).
    public mutating func emerging(minimumCount: Int) -> [EmergingTheme] {
        mergePlurals()
        guard recentComments > 0, baselineComments > 0 else { return [] }
        let (n1, n0) = (Double(recentComments), Double(baselineComments))
        return counts.compactMap { phrase, entry -> EmergingTheme? in
            guard entry.recent >= minimumCount else { return nil }
            let (a, c) = (Double(entry.recent), Double(entry.baseline))
            guard a / n1 > c / n0 else { return nil }
            let score = Self.logLikelihoodRatio(a, n1 - a, c, n0 - c)
            guard score >= Self.criticalScore else { return nil }
            return EmergingTheme(
                phrase: phrase, language: entry.languages.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key,
                recent: entry.recent, baseline: entry.baseline, rateRatio: (a / n1) / (max(c, 0.5) / n0), score: score, new: entry.baseline == 0,
                accounts: [], examples: [])
        }
        .sorted { $0.score != $1.score ? $0.score > $1.score : $0.phrase < $1.phrase }
    }

    /// G² = 2 Σ O ln(O / E) over the table [[a, b], [c, d]], E from its margins.
    static func logLikelihoodRatio(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        let total = a + b + c + d
        let rows = [a + b, c + d], columns = [a + c, b + d]
        var sum = 0.0
        for (observed, row, column) in [(a, 0, 0), (b, 0, 1), (c, 1, 0), (d, 1, 1)] where observed > 0 {
            sum += observed * log(observed * total / (rows[row] * columns[column]))
        }
        return 2 * sum
    }

    /// Merges each phrase into its singular form, once the recent window is counted.
    private mutating func mergePlurals() {
        guard stems == nil else { return }
        // Comments taken back can leave a phrase, or one of its languages, no mention: as if never seen.
        counts = counts.compactMapValues { entry in
            guard entry.recent > 0 else { return nil }
            var entry = entry
            entry.languages = entry.languages.filter { $0.value > 0 }
            return entry
        }
        var stems: [String: String] = [:]
        for phrase in counts.keys where !phrase.contains(" ") {
            for suffix in ["es", "s"] where phrase.hasSuffix(suffix) && phrase.count >= suffix.count + 3 && !phrase.hasSuffix("ss") {
                let stem = String(phrase.dropLast(suffix.count))
                if counts[stem] != nil {
                    stems[phrase] = stem
                    break
                }
            }
        }
        self.stems = stems
        guard !stems.isEmpty else { return }
        var merged: [String: Counts] = [:]
        for (phrase, entry) in counts { merged[recentForm(of: phrase), default: Counts()].merge(entry) }
        counts = merged
    }

    /// A word as the recent window writes it: its stem when the recent window has both, its plural when it has only that.
    private func canonicalWord(_ word: String) -> String {
        if let stem = stems?[word] { return stem }
        if counts[word] != nil { return word }
        // A singular of three letters or more (as a stem is), so that `do` never reads as another language's `dos`.
        for suffix in ["s", "es"] where word.count >= 3 && counts[word + suffix] != nil { return word + suffix }
        for suffix in ["es", "s"] where word.hasSuffix(suffix) && word.count >= suffix.count + 3 && !word.hasSuffix("ss") {
            let stem = String(word.dropLast(suffix.count))
            if counts[stem] != nil { return stem }
        }
        return word
    }
}
