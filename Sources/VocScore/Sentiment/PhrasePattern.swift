public import VocText

/// A multi-word pattern over tokens: `cancel * subscription` (`*` skips up to three tokens),
/// `factur*` (a word prefix). Words match a token's norm or its accent-free form.
public struct PhrasePattern: Sendable, Hashable {
    enum Element: Sendable, Hashable {
        /// A word as written and without accents.
        case word(String, folded: String)
        case prefix(String)
        case gap
    }

    let elements: [Element]
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
            return .word(part, folded: AccentFolding.fold(part))
        }
    }

    /// The first word, for indexing patterns by the token that can start them (nil for a prefix start).
    var firstWord: String? {
        if case .word(let word, _)? = elements.first { return word }
        return nil
    }

    /// The end index (exclusive) of a match starting at `start`, or nil.
    func match(_ tokens: [Token], at start: Int, folded: [String]) -> Int? {
        matchElements(elements[...], tokens, at: start, folded: folded)
    }

    private func matchElements(_ elements: ArraySlice<Element>, _ tokens: [Token], at index: Int, folded: [String]) -> Int? {
        guard let element = elements.first else { return index }
        switch element {
        case .gap:
            for skip in 0...3 where index + skip <= tokens.count {
                if let end = matchElements(elements.dropFirst(), tokens, at: index + skip, folded: folded) { return end }
            }
            return nil
        case .word(let word, let foldedWord):
            guard index < tokens.count, tokens[index].norm == word || folded[index] == word || folded[index] == foldedWord else { return nil }
            return matchElements(elements.dropFirst(), tokens, at: index + 1, folded: folded)
        case .prefix(let prefix):
            guard index < tokens.count, tokens[index].kind == .word, folded[index].hasPrefix(prefix) else { return nil }
            return matchElements(elements.dropFirst(), tokens, at: index + 1, folded: folded)
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

    /// The accent-free words patterns can start with.
    var firstWords: Dictionary<String, [(PhrasePattern, Value)]>.Keys { byFirstWord.keys }

    /// Whether some pattern starts with this accent-free word.
    func starts(with word: String) -> Bool { byFirstWord[word] != nil }

    /// Whether some pattern can start at any word (it starts with a prefix).
    var hasUnindexed: Bool { !unindexed.isEmpty }

    /// Files every pattern under the id of its first word in `table`, which must hold every first word.
    mutating func index(_ table: WordTable) {
        byFirstID = (0..<Int32(table.count)).map { byFirstWord[table.word($0)] ?? [] }
    }

    /// The longest pattern matching at `index`, with its end.
    /// - Parameter foldedIDs: each token's accent-free form's id in the table given to `index` (−1 when absent).
    func longestMatch(_ tokens: [Token], at index: Int, folded: [String], foldedIDs: [Int32]) -> (pattern: PhrasePattern, value: Value, end: Int)? {
        var best: (PhrasePattern, Value, Int)?
        func consider(_ candidates: [(PhrasePattern, Value)]) {
            for (pattern, value) in candidates {
                if let end = pattern.match(tokens, at: index, folded: folded), end > index, end > (best?.2 ?? 0) {
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
