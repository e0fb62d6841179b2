public import VocText

/// A multi-word pattern over tokens: `cancel * subscription` (`*` skips up to three tokens),
/// `factur*` (a word prefix). Words match a token whose accent-free form is theirs.
public struct PhrasePattern: Sendable, Hashable {
    enum Element: Sendable, Hashable {
        /// A word without accents, and its id in the model's word table once indexed (−1 before).
        case word(folded: String, id: Int32)
        case prefix(String)
        case gap
    }

    private(set) var elements: [Element]
    /// The pattern as written, for traces and signal output.
    public let text: String

    /// - Parameter contractions: the language's contractions, expanded in the pattern as they are in the text
    ///   (`won't renew` matches the tokens `will not renew`, `no prazo` the tokens `em o prazo`).
    public init(_ text: String, contractions: Contractions? = nil) {
        self.text = text
        let parts = text.split(separator: " ").flatMap { part in contractions?.expansion(of: String(part)) ?? [String(part)] }
        elements = parts.map { part in
            if part == "*" { return .gap }
            if part.count > 1 && part.hasSuffix("*") { return .prefix(AccentFolding.fold(String(part.dropLast()))) }
            return .word(folded: AccentFolding.fold(part), id: -1)
        }
    }

    /// The accent-free words, for the word table.
    var words: [String] {
        elements.compactMap { if case .word(let word, _) = $0 { word } else { nil } }
    }

    /// The first word, for indexing patterns by the token that can start them (nil for a prefix start).
    var firstWord: String? {
        if case .word(let word, _)? = elements.first { return word }
        return nil
    }

    /// The pattern with each word's id in `table`, which must hold `words`: words then match by id, not by string.
    func indexed(in table: WordTable) -> PhrasePattern {
        var pattern = self
        pattern.elements = elements.map { if case .word(let word, _) = $0 { .word(folded: word, id: table.id(of: word) ?? -1) } else { $0 } }
        return pattern
    }

    /// The end index (exclusive) of a match starting at `start`, or nil.
    /// - Parameter foldedIDs: each token's accent-free form's id in the table the pattern was indexed in.
    func match(_ tokens: [Token], at start: Int, foldedIDs: [Int32]) -> Int? {
        matchElements(elements[...], tokens, at: start, foldedIDs: foldedIDs)
    }

    private func matchElements(_ elements: ArraySlice<Element>, _ tokens: [Token], at index: Int, foldedIDs: [Int32]) -> Int? {
        guard let element = elements.first else { return index }
        switch element {
        case .gap:
            for skip in 0...3 where index + skip <= tokens.count {
                if let end = matchElements(elements.dropFirst(), tokens, at: index + skip, foldedIDs: foldedIDs) { return end }
            }
            return nil
        case .word(_, let id):
            guard index < tokens.count, id >= 0, foldedIDs[index] == id else { return nil }
            return matchElements(elements.dropFirst(), tokens, at: index + 1, foldedIDs: foldedIDs)
        case .prefix(let prefix):
            // Folded here, not per token of every text: no shipped lexicon has a prefix pattern.
            guard index < tokens.count, tokens[index].kind == .word,
                  (tokens[index].isASCII ? tokens[index].norm : AccentFolding.fold(tokens[index].norm)).hasPrefix(prefix) else { return nil }
            return matchElements(elements.dropFirst(), tokens, at: index + 1, foldedIDs: foldedIDs)
        }
    }
}

/// Patterns indexed by their first word, so matching costs one dictionary lookup per token.
struct PhraseIndex<Value: Sendable>: Sendable {
    private var byFirstWord: [String: [(PhrasePattern, Value)]] = [:]
    /// The same, per word id of the model's `WordTable` (filled by `index`): a token's accent-free id finds its
    /// candidates without hashing the word again (the string-keyed look-up was 3 % of sentiment analysis, perf).
    private var byFirstID: [[(PhrasePattern, Value)]] = []
    private var unindexed: [(PhrasePattern, Value)] = []

    init() {}

    mutating func insert(_ pattern: PhrasePattern, _ value: Value) {
        if let first = pattern.firstWord {
            byFirstWord[AccentFolding.fold(first), default: []].append((pattern, value))
        } else {
            unindexed.append((pattern, value))
        }
    }

    /// Every accent-free word of every pattern.
    var words: Set<String> {
        Set((byFirstWord.values.joined() + unindexed).flatMap { $0.0.words })
    }

    /// Whether some pattern starts with this accent-free word.
    func starts(with word: String) -> Bool { byFirstWord[word] != nil }

    /// Whether some pattern can start at any word (it starts with a prefix).
    var hasUnindexed: Bool { !unindexed.isEmpty }

    /// Files every pattern under the id of its first word in `table`, which must hold `words`.
    mutating func index(_ table: WordTable) {
        byFirstID = (0..<Int32(table.count)).map { id in (byFirstWord[table.word(id)] ?? []).map { ($0.0.indexed(in: table), $0.1) } }
        unindexed = unindexed.map { ($0.0.indexed(in: table), $0.1) }
    }

    /// The longest pattern matching at `index`, with its end.
    /// - Parameter foldedIDs: each token's accent-free form's id in the table given to `index` (−1 when absent).
    func longestMatch(_ tokens: [Token], at index: Int, foldedIDs: [Int32]) -> (pattern: PhrasePattern, value: Value, end: Int)? {
        var best: (PhrasePattern, Value, Int)?
        func consider(_ candidates: [(PhrasePattern, Value)]) {
            for (pattern, value) in candidates {
                if let end = pattern.match(tokens, at: index, foldedIDs: foldedIDs), end > index, end > (best?.2 ?? 0) {
                    best = (pattern, value, end)
                }
            }
        }
        let id = Int(foldedIDs[index])
        if id >= 0, id < byFirstID.count { consider(byFirstID[id]) }
        if !unindexed.isEmpty { consider(unindexed) }
        return best.map { ($0.0, $0.1, $0.2) }
    }
}
