public import VocText

/// A multi-word pattern over tokens: `cancel * subscription` (`*` skips up to three tokens),
/// `factur*` (a word prefix). Words match a token whose accent-free form is theirs.
public struct PhrasePattern: Sendable, Hashable {
    enum Element: Sendable, Hashable {
        /// A word without accents.
        case word(folded: String)
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
            return .word(folded: AccentFolding.fold(part))
        }
    }

    /// The accent-free words, for the word table.
    var words: [String] {
        elements.compactMap { if case .word(let word) = $0 { word } else { nil } }
    }

    /// The first word, for indexing patterns by the token that can start them (nil for a prefix start).
    var firstWord: String? {
        if case .word(let word)? = elements.first { return word }
        return nil
    }
}

/// Patterns indexed by their first word, so matching costs one look-up per token.
///
/// Once `index` has run, patterns are matched in a compiled form: every pattern's elements as integer codes in one
/// array (a word's id in the model's `WordTable`, or a gap, or a prefix), candidates per first word id as a range.
/// Matching the `PhrasePattern` values themselves would retain and release their arrays and strings at every step.
struct PhraseIndex<Value: Sendable>: Sendable {
    private var byFirstWord: [String: [(PhrasePattern, Value)]] = [:]
    private var unindexed: [(PhrasePattern, Value)] = []
    /// The compiled form, shared by reference: the analyzer reads five indexes per text, and copying their six arrays
    /// each time would retain and release them.
    private var compiled = Compiled()

    private final class Compiled: Sendable {
        /// The patterns and values in candidate order: those of word id 0, of id 1, …, then those that start with a prefix.
        let entries: [(pattern: PhrasePattern, value: Value)]
        /// Each entry's codes in `codes`.
        let entryCodes: [Range<Int>]
        /// The entries whose first word has this id.
        let entriesByFirstID: [Range<Int>]
        /// The entries that start with a prefix, tried at every token.
        let unindexedEntries: Range<Int>
        /// Every entry's elements: a word id (≥ 0), `absent`, `gap`, or `firstPrefix - k` for `prefixes[k]`.
        let codes: [Int32]
        let prefixes: [String]

        init(entries: [(pattern: PhrasePattern, value: Value)] = [], entryCodes: [Range<Int>] = [], entriesByFirstID: [Range<Int>] = [],
             unindexedEntries: Range<Int> = 0..<0, codes: [Int32] = [], prefixes: [String] = []) {
            self.entries = entries
            self.entryCodes = entryCodes
            self.entriesByFirstID = entriesByFirstID
            self.unindexedEntries = unindexedEntries
            self.codes = codes
            self.prefixes = prefixes
        }
    }

    /// A word that is not in the table, so no token can match it.
    private static var absent: Int32 { -1 }
    /// `*`: up to three tokens skipped.
    private static var gap: Int32 { -2 }
    private static var firstPrefix: Int32 { -3 }

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

    /// The ids in `table` of the words some pattern starts with (those the table lacks left out).
    func firstWordIDs(in table: WordTable) -> [Int32] { byFirstWord.keys.compactMap { table.id(of: $0) } }

    /// Whether some pattern can start at any word (it starts with a prefix).
    var hasUnindexed: Bool { !unindexed.isEmpty }

    /// Compiles every pattern against `table`, which must hold `words`, filing it under the id of its first word.
    mutating func index(_ table: WordTable) {
        var entries: [(pattern: PhrasePattern, value: Value)] = []
        var entryCodes: [Range<Int>] = []
        var codes: [Int32] = []
        var prefixes: [String] = []
        func add(_ candidates: [(PhrasePattern, Value)]) -> Range<Int> {
            let start = entries.count
            for (pattern, value) in candidates {
                let first = codes.count
                for element in pattern.elements {
                    switch element {
                    case .word(let word): codes.append(table.id(of: word) ?? Self.absent)
                    case .gap: codes.append(Self.gap)
                    case .prefix(let prefix):
                        codes.append(Self.firstPrefix - Int32(prefixes.count))
                        prefixes.append(prefix)
                    }
                }
                entries.append((pattern, value))
                entryCodes.append(first..<codes.count)
            }
            return start..<entries.count
        }
        // Filed by id from the patterns' first words: asking the dictionary about every word of the table (each made
        // a string) was a quarter of loading the lexicons (perf of `voc sentiment` on one text).
        var candidatesByID: [Int32: [(PhrasePattern, Value)]] = [:]
        for (word, candidates) in byFirstWord { if let id = table.id(of: word) { candidatesByID[id] = candidates } }
        let entriesByFirstID = (0..<Int32(table.count)).map { id in add(candidatesByID[id] ?? []) }
        let unindexedEntries = add(unindexed)
        compiled = Compiled(entries: entries, entryCodes: entryCodes, entriesByFirstID: entriesByFirstID,
                            unindexedEntries: unindexedEntries, codes: codes, prefixes: prefixes)
    }

    /// The longest pattern matching at `index`, with its end; the first in candidate order among equally long ones.
    /// - Parameter foldedIDs: each token's accent-free form's id in the table given to `index` (−1 when absent).
    func longestMatch(_ tokens: [Token], at index: Int, foldedIDs: [Int32]) -> (pattern: PhrasePattern, value: Value, end: Int)? {
        let compiled = self.compiled
        var best: (entry: Int, end: Int)?
        func consider(_ candidates: Range<Int>) {
            for entry in candidates {
                let elements = compiled.entryCodes[entry]
                if let end = match(elements.lowerBound, elements.upperBound, tokens, at: index, foldedIDs: foldedIDs),
                   end > index, end > (best?.end ?? 0) {
                    best = (entry, end)
                }
            }
        }
        let id = Int(foldedIDs[index])
        if id >= 0, id < compiled.entriesByFirstID.count { consider(compiled.entriesByFirstID[id]) }
        consider(compiled.unindexedEntries)
        return best.map { (compiled.entries[$0.entry].pattern, compiled.entries[$0.entry].value, $0.end) }
    }

    /// The end index (exclusive) of a match of `codes[code..<end]` starting at token `index`, or nil.
    private func match(_ code: Int, _ end: Int, _ tokens: [Token], at index: Int, foldedIDs: [Int32]) -> Int? {
        var code = code, index = index
        while code < end {
            let element = compiled.codes[code]
            if element == Self.gap {
                for skip in 0...3 where index + skip <= tokens.count {
                    if let matched = match(code + 1, end, tokens, at: index + skip, foldedIDs: foldedIDs) { return matched }
                }
                return nil
            }
            guard index < tokens.count else { return nil }
            if element >= 0 {
                guard foldedIDs[index] == element else { return nil }
            } else if element <= Self.firstPrefix {
                // Folded here, not per token of every text: no shipped lexicon has a prefix pattern.
                let token = tokens[index]
                guard token.kind == .word, (token.isASCII ? token.norm : AccentFolding.fold(token.norm)).hasPrefix(compiled.prefixes[Int(Self.firstPrefix - element)]) else {
                    return nil
                }
            } else {
                return nil
            }
            code += 1
            index += 1
        }
        return index
    }
}
