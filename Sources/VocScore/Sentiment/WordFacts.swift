/// What one word is in one language: resolved once per interned word (and once per token from its forms),
/// so the rules read an array instead of asking several dictionaries about every token.
struct WordFacts: Sendable {
    /// The phrase lists with a pattern that starts with this accent-free word.
    struct PhraseStarts: OptionSet, Sendable {
        let rawValue: UInt16
        static let idiom = PhraseStarts(rawValue: 1)
        static let contrast = PhraseStarts(rawValue: 2)
        static let churn = PhraseStarts(rawValue: 4)
        static let effort = PhraseStarts(rawValue: 8)
        static let topic = PhraseStarts(rawValue: 16)
        static let negator = PhraseStarts(rawValue: 32)
        static let functionVerb = PhraseStarts(rawValue: 64)
        static let failureCue = PhraseStarts(rawValue: 128)
        static let malfunctionVerb = PhraseStarts(rawValue: 256)
        static let repetitionCue = PhraseStarts(rawValue: 512)
        static let successCue = PhraseStarts(rawValue: 1024)
        static let stillUnresolved = PhraseStarts(rawValue: 2048)
    }

    var valence: Double?
    /// Booster weight; negative for a dampener.
    var booster: Double?
    var isNegator = false
    /// How many words the negator spans, ending with this one (2 for the `to` of "used to").
    var negatorWords: UInt8 = 1
    /// A reaction a negator does not flip (`lol`, `jaja`, `kkkk`).
    var isInterjection = false
    /// Says the word before it is absent (`hassle free`).
    var isPrivative = false
    /// The language's contractions expand this word (`del`, `pelo`, `won't`).
    var isContraction = false
    var phrases: PhraseStarts = []

    static let unknown = WordFacts()
}
