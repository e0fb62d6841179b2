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

    /// The words the identifier knows (and any others the caller added before passing it in).
    public let table: WordTable
    /// The languages, alphabetically: ties go to the first.
    private let languages: [String]
    /// Per word id: a bit per language that uses the word.
    private let masks: [UInt8]
    /// Per mask: what a word with that mask adds to each language's score (1 shared among its languages). A vector
    /// instead of an array allocated per text and a division per word.
    private let shares: [SIMD8<Double>]
    /// Per two-byte UTF-8 spelling cue (lead byte C2 or C3, then the second byte): the language index + 1.
    private let cues: [UInt8]

    /// - Parameters:
    ///   - words: per language (at most eight), the words that suggest it (function words and lexicon terms).
    ///   - table: a table to extend with these words, so callers can share ids with the identifier.
    public init(words: [String: Set<String>], table: WordTable = WordTable()) {
        var table = table
        languages = words.keys.sorted()
        precondition(languages.count <= 8, "at most eight languages")
        var masks: [UInt8] = []
        for (index, language) in languages.enumerated() {
            for word in words[language]! {
                let id = Int(table.insert(word))
                if id >= masks.count { masks += repeatElement(0, count: id + 1 - masks.count) }
                masks[id] |= 1 << index
            }
        }
        var cues = [UInt8](repeating: 0, count: 512)
        let spellings: [(String, String)] = [("ñ¿¡", "es"), ("ãõçâêôà", "pt")]
        for (letters, language) in spellings {
            guard let index = languages.firstIndex(of: language) else { continue }
            for letter in letters.unicodeScalars {
                let utf8 = Array(String(letter).utf8)
                cues[Int(utf8[0] - 0xC2) * 256 + Int(utf8[1])] = UInt8(index + 1)
            }
        }
        self.table = table
        self.masks = masks
        shares = (0..<256).map { mask in
            var share = SIMD8<Double>()
            for language in 0..<8 where mask & (1 << language) != 0 { share[language] = 1 / Double(mask.nonzeroBitCount) }
            return share
        }
        self.cues = cues
    }

    public func identify(_ tokens: [Token]) -> Guess {
        identify(tokens, ids: tokens.map { table.id(of: $0.norm) ?? -1 })
    }

    /// - Parameter ids: each token's norm looked up in `table` (−1 when absent).
    public func identify(_ tokens: [Token], ids: [Int32]) -> Guess {
        var scores = SIMD8<Double>()
        var words = 0
        var matched = 0
        for index in tokens.indices where tokens[index].kind == .word {
            words += 1
            let id = Int(ids[index])
            if id >= 0, id < masks.count, masks[id] != 0 {
                matched += 1
                scores += shares[Int(masks[id])]
            }
            if !tokens[index].isASCII { addCues(of: tokens[index].norm, to: &scores) }
        }
        var total = 0.0
        var best = 0
        for language in languages.indices {
            total += scores[language]
            if scores[language] > scores[best] { best = language }
        }
        guard total > 0 else {
            return Guess(language: "other", confidence: words == 0 ? 0 : 0.5)
        }
        // Long texts where few words are known in any of the three languages are in another language.
        if words >= 6 && Double(matched) / Double(words) < 0.2 {
            return Guess(language: "other", confidence: 1 - Double(matched) / Double(words))
        }
        return Guess(language: languages[best], confidence: scores[best] / total)
    }

    /// Letters such as `ñ` and `ã` in a word that is not all ASCII.
    private func addCues(of word: String, to scores: inout SIMD8<Double>) {
        var previous: UInt8 = 0
        for byte in word.utf8 {
            if previous == 0xC2 || previous == 0xC3, case let cue = cues[Int(previous - 0xC2) * 256 + Int(byte)], cue != 0 {
                scores[Int(cue) - 1] += 1
            }
            previous = byte
        }
    }
}
