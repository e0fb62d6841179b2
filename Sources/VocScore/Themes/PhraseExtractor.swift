public import VocCore
import VocText

/// The candidate theme phrases of a comment: runs of one to three words, cased and accent-folded, that neither start
/// nor end with a stop word of the comment's language (`lexicons/<lang>/stopwords.txt`; a comment in no known
/// language uses every list), never crossing punctuation, without numbers, ids, addresses or links (a word with a
/// digit in it is an id). Each phrase counts once per comment.
public struct PhraseExtractor: Sendable {
    let tokenizer: Tokenizer
    /// Accent-folded stop words per language, and all of them.
    let stopwords: [String: Set<String>]
    let anyStopword: Set<String>
    /// Names the stop words, emoticons and rules the phrases are made with (`PhraseIndexMarks`): a phrase index counted
    /// with another fingerprint is counted anew.
    public let fingerprint: String

    /// The longest phrase, in words.
    public static let maximumWords = 3
    /// Changes whenever the rules below change what a comment's phrases are.
    static let rulesVersion = 1

    /// The stop words of every language, and the tokenizer with the shared emoticons (so that `:-)` stays one token).
    public static func load(from directory: LexiconDirectory) throws(VocError) -> PhraseExtractor {
        let emoticons = try directory.table("shared/emoticons.tsv").rows.map { $0.columns[0] }
        var stopwords: [String: Set<String>] = [:]
        var hasher = StableHasher()
        hasher.combine(Self.rulesVersion)
        hasher.combine(emoticons.sorted().joined(separator: "\n"))
        for language in LexiconDirectory.languages.sorted() {
            let words = Set(try directory.table("stopwords.txt", language: language).rows.map { AccentFolding.fold($0.columns[0].lowercased()) })
            stopwords[language] = words
            hasher.combine(language + "\n" + words.sorted().joined(separator: "\n"))
        }
        return PhraseExtractor(tokenizer: Tokenizer(emoticons: emoticons), stopwords: stopwords,
                               anyStopword: stopwords.values.reduce(into: Set()) { $0.formUnion($1) }, fingerprint: hasher.finalizeHex())
    }

    /// The stop words of `language`; of every language for a comment in none known.
    public func stopwords(for language: String?) -> Set<String> {
        language.flatMap { stopwords[$0] } ?? anyStopword
    }

    /// The comment's distinct phrases.
    public func phrases(in text: String, language: String?) -> Set<String> {
        let stop = stopwords(for: language)
        var phrases: Set<String> = []
        // The words of the run since the last punctuation, each with whether it is a stop word.
        var run: [(word: String, isStop: Bool)] = []
        func flush() {
            for start in run.indices where !run[start].isStop {
                // A single word of two letters is no theme (`ok`, `ya`); phrases grow a word at a time.
                var phrase = run[start].word
                if phrase.count > 2 { phrases.insert(phrase) }
                for end in (start + 1)..<min(run.count, start + Self.maximumWords) {
                    phrase += " " + run[end].word
                    if !run[end].isStop { phrases.insert(phrase) }
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        for token in tokenizer.tokenize(text) {
            guard token.kind == .word else {
                flush()
                continue
            }
            let word = AccentFolding.fold(token.norm)
            // A word with a digit is an id or a code; a single letter is no theme.
            guard word.count > 1, !word.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else {
                flush()
                continue
            }
            run.append((word, stop.contains(word)))
        }
        flush()
        return phrases
    }
}
