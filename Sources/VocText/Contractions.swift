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

    public func expand(_ tokens: [Token]) -> [Token] {
        guard tokens.contains(where: { expansions[$0.norm] != nil }) else { return tokens }
        var result: [Token] = []
        result.reserveCapacity(tokens.count + 4)
        for token in tokens {
            guard token.kind == .word, let words = expansions[token.norm] else {
                result.append(token)
                continue
            }
            for word in words {
                result.append(Token(kind: .word, span: token.span, surface: token.surface, norm: word, isAllCaps: token.isAllCaps))
            }
        }
        return result
    }
}
