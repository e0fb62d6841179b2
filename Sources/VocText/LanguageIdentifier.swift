
/// Which of Spanish, Portuguese and English a text is in (or `other`), with a confidence in 0…1.
///
/// Scores each language by its function words (`lexicons/<lang>/stopwords.txt`) and by words of its sentiment
/// lexicon, a word shared by several languages counting for each in proportion, plus spelling cues that only one
/// of the languages uses (`ñ`, `¿` for Spanish; `ã`, `õ`, `ç` for Portuguese). Short texts work because every
/// word counts: "não gostei" (ã, `não`) and "muy malo" (`muy`, `malo`).
public struct LanguageIdentifier: Sendable {
    public struct Guess: Sendable, Hashable, Codable {
        /// `es`, `pt`, `en` or `other`.
        public var language: String
        public var confidence: Double

        public init(language: String, confidence: Double) {
            self.language = language
            self.confidence = confidence
        }
    }

    private let vocabulary: [String: [String]]
    private let cues: [Unicode.Scalar: String] = ["ñ": "es", "¿": "es", "¡": "es", "ã": "pt", "õ": "pt", "ç": "pt", "â": "pt", "ê": "pt", "ô": "pt", "à": "pt"]

    /// - Parameter words: per language, the words that suggest it (function words and lexicon terms).
    public init(words: [String: Set<String>]) {
        var vocabulary: [String: [String]] = [:]
        for (language, set) in words {
            for word in set { vocabulary[word, default: []].append(language) }
        }
        self.vocabulary = vocabulary
    }

    public func identify(_ tokens: [Token]) -> Guess {
        var scores: [String: Double] = [:]
        var words = 0
        var matched = 0
        for token in tokens where token.kind == .word {
            words += 1
            if let languages = vocabulary[token.norm] {
                matched += 1
                for language in languages { scores[language, default: 0] += 1 / Double(languages.count) }
            }
            for scalar in token.norm.unicodeScalars {
                if let language = cues[scalar] { scores[language, default: 0] += 1 }
            }
        }
        let total = scores.values.reduce(0, +)
        guard let best = scores.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), total > 0 else {
            return Guess(language: "other", confidence: words == 0 ? 0 : 0.5)
        }
        // Long texts where few words are known in any of the three languages are in another language.
        if words >= 6 && Double(matched) / Double(words) < 0.2 {
            return Guess(language: "other", confidence: 1 - Double(matched) / Double(words))
        }
        return Guess(language: best.key, confidence: best.value / total)
    }
}
