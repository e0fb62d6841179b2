public import Foundation

/// Finds emerging themes: counts the phrases (`PhraseExtractor`) of a recent window's comments, then how many baseline
/// comments mention each of them, and keeps those whose share rose beyond chance.
///
/// The test is Dunning's log-likelihood ratio G² on the 2×2 table (comments that mention the phrase or not, in the
/// recent window or the baseline), against 10.83 (p = 0.001, one degree of freedom: strict, as thousands of phrases
/// are tested at once), with at least `minimumCount` recent mentions. Plural and singular merge: a word ending in -s
/// (or -es) whose stem without it is also in the recent window is read as that stem (`invoices` as `invoice`,
/// `facturas` as `factura`), and a baseline word is read as the form the recent window uses.
///
/// Memory holds the recent window's phrases only: baseline comments are counted for those phrases alone.
public struct ThemeCounter: Sendable {
    struct Counts: Sendable {
        var recent = 0
        var baseline = 0
        var languages: [String: Int] = [:]
        var accounts: [String: Int] = [:]
        var examples: [(at: Date, text: String)] = []

        /// Counts a recent mention, in place (taking the entry out of the dictionary to change it copied its
        /// dictionaries: a tenth of `voc themes` in perf).
        mutating func addRecent(language: String?, account: String?, at date: Date, text: String) {
            recent += 1
            if let language { languages[language, default: 0] += 1 }
            if let account { accounts[account, default: 0] += 1 }
            if examples.count < ThemeCounter.exampleCount || date > examples[examples.count - 1].at {
                examples.append((date, text))
                examples.sort { $0.at > $1.at }
                if examples.count > ThemeCounter.exampleCount { examples.removeLast() }
            }
        }

        mutating func merge(_ other: Counts) {
            recent += other.recent
            baseline += other.baseline
            languages.merge(other.languages, uniquingKeysWith: +)
            accounts.merge(other.accounts, uniquingKeysWith: +)
            examples = Array((examples + other.examples).sorted { $0.at > $1.at }.prefix(ThemeCounter.exampleCount))
        }
    }

    public static let exampleCount = 3
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

    /// Counts a comment of the recent window (all of them before any baseline comment).
    public mutating func addRecent(_ text: String, language: String?, account: String?, at date: Date) {
        addRecent(phrases: extractor.phrases(in: text, language: language), text: text, language: language, account: account, at: date)
    }

    /// Counts a recent comment whose phrases were extracted already (`extractor.phrases(in:language:)`).
    public mutating func addRecent(phrases: Set<String>, text: String, language: String?, account: String?, at date: Date) {
        precondition(stems == nil, "recent comments come before the baseline")
        recentComments += 1
        for phrase in phrases {
            counts[phrase, default: Counts()].addRecent(language: language, account: account, at: date, text: text)
        }
    }

    /// Ends the recent window: its plurals merge with their singulars. The baseline is read in its forms after this.
    public mutating func closeRecentWindow() { mergePlurals() }

    /// A baseline comment's phrases in the recent window's forms, those the recent window has; read-only, so comments
    /// can be read on several cores once the recent window is closed.
    public func baselinePhrases(in text: String, language: String?) -> [String] {
        precondition(stems != nil, "the recent window is closed before the baseline is read")
        return extractor.phrases(in: text, language: language, readingWordsAs: canonicalWord).filter { counts[$0] != nil }
    }

    /// Counts a baseline comment, for the phrases the recent window has.
    public mutating func addBaseline(_ text: String, language: String?) {
        closeRecentWindow()
        addBaseline(phrases: baselinePhrases(in: text, language: language))
    }

    /// Counts a baseline comment by its phrases (`baselinePhrases(in:language:)`).
    public mutating func addBaseline(phrases: [String]) {
        baselineComments += 1
        for phrase in phrases { counts[phrase]?.baseline += 1 }
    }

    /// The emerging themes, highest score first; none without baseline comments (nothing to rise against).
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
                accounts: entry.accounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key),
                examples: entry.examples.map(\.text))
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
        var merged: [String: Counts] = [:]
        for (phrase, entry) in counts {
            merged[phrase.split(separator: " ").map { stems[String($0)] ?? String($0) }.joined(separator: " "), default: Counts()].merge(entry)
        }
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
