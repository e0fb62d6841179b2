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

    /// The longest phrase, in words.
    public static let maximumWords = 3

    /// The stop words of every language, and the tokenizer with the shared emoticons (so that `:-)` stays one token).
    public static func load(from directory: LexiconDirectory) throws(VocError) -> PhraseExtractor {
        let tokenizer = Tokenizer(emoticons: try directory.table("shared/emoticons.tsv").rows.map { $0.columns[0] })
        var stopwords: [String: Set<String>] = [:]
        for language in LexiconDirectory.languages {
            stopwords[language] = Set(try directory.table("stopwords.txt", language: language).rows.map { AccentFolding.fold($0.columns[0].lowercased()) })
        }
        return PhraseExtractor(tokenizer: tokenizer, stopwords: stopwords, anyStopword: stopwords.values.reduce(into: Set()) { $0.formUnion($1) })
    }

    /// The comment's distinct phrases, each word but stop words read through `readingWordsAs` (once per word, before
    /// the phrases are formed).
    public func phrases(in text: String, language: String?, readingWordsAs form: (String) -> String = { $0 }) -> Set<String> {
        let stop = language.flatMap { stopwords[$0] } ?? anyStopword
        var phrases: Set<String> = []
        var run: [String] = []
        func flush() {
            for start in run.indices where !stop.contains(run[start]) {
                for end in start..<min(run.count, start + Self.maximumWords) where !stop.contains(run[end]) {
                    phrases.insert(run[start...end].joined(separator: " "))
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
            // Stop words keep their form: only content words have plurals to merge.
            run.append(stop.contains(word) ? word : form(word))
        }
        flush()
        return phrases.filter { $0.count > 2 }
    }
}
