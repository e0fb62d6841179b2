import VocText

/// One language's sentiment lexicon, contractions and abbreviations, shared by reference: analysing a text takes one
/// reference instead of copying the lexicon's dozen tables out of a dictionary (their retains and releases, and the
/// dictionary's string hashing, for every text).
final class LanguageRules: Sendable {
    let lexicon: SentimentLexicon
    let contractions: Contractions
    let abbreviations: Set<String>

    init(lexicon: SentimentLexicon, contractions: Contractions, abbreviations: Set<String>) {
        self.lexicon = lexicon
        self.contractions = contractions
        self.abbreviations = abbreviations
    }

    var language: String { lexicon.language }
}
