public import VocCore

/// Splits contractions into the words they stand for, per language (`del` → `de el`, `pelo` → `por o`,
/// `won't` → `will not`), so rules and phrases see the full words. Expanded tokens keep the original span.
public struct Contractions: Sendable {
    private let expansions: [String: [String]]

    public init(expansions: [String: [String]]) { self.expansions = expansions }

    /// Reads `lexicons/<language>/contractions.tsv`: `contraction<TAB>expansion words`.
    public static func load(from directory: LexiconDirectory, language: String) throws(VocError) -> Contractions {
        let table = try directory.table("contractions.tsv", language: language)
        var expansions: [String: [String]] = [:]
        for row in table.rows {
            guard row.columns.count == 2 else { throw table.error("expected contraction<TAB>expansion", row: row) }
            expansions[row.columns[0].lowercased()] = row.columns[1].split(separator: " ").map(String.init)
        }
        return Contractions(expansions: expansions)
    }

    /// The words this contracts (`del`, `pelo`, `won't`).
    public var contracted: Dictionary<String, [String]>.Keys { expansions.keys }

    public func expands(_ word: String) -> Bool { expansions[word] != nil }

    /// The words a lower-case contraction stands for, or nil when `word` is not one.
    public func expansion(of word: String) -> [String]? { expansions[word] }

    /// The tokens with contractions expanded, and each one's id in `words` (−1 when absent).
    /// - Parameters:
    ///   - ids: each token's id in `words`; those of the tokens kept are reused, only expansions are looked up.
    ///   - isContraction: whether a word id is one of these contractions (`words` holds them all): only those tokens
    ///     are looked up here (otherwise every word of a Spanish or Portuguese text, where `del`, `do` and `na` are
    ///     everywhere, would cost a look-up).
    public func expand(_ tokens: [Token], ids: [Int32], in words: WordTable, isContraction: (Int32) -> Bool) -> (tokens: [Token], ids: [Int32]) {
        var result: [Token] = []
        var resultIDs: [Int32] = []
        result.reserveCapacity(tokens.count + 4)
        resultIDs.reserveCapacity(tokens.count + 4)
        for index in tokens.indices {
            guard tokens[index].kind == .word, ids[index] >= 0, isContraction(ids[index]), let expansion = expansions[tokens[index].norm] else {
                result.append(tokens[index])
                resultIDs.append(ids[index])
                continue
            }
            let token = tokens[index]
            for word in expansion {
                result.append(Token(kind: .word, span: token.span, surface: token.surface, norm: word, isAllCaps: token.isAllCaps))
                resultIDs.append(words.id(of: word) ?? -1)
            }
        }
        return (result, resultIDs)
    }
}
