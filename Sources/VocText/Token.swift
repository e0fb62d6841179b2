/// One token of a text: what it is, where it stands, how it was written and how it is compared.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable, Codable {
        case word, number, url, email, mention, hashtag, emoji, emoticon, punctuation
    }

    public var kind: Kind
    /// UTF-8 byte offsets of the token in the original text (markup and entities included as written).
    public var span: Range<Int>
    /// The token as written.
    public var surface: String
    /// The comparison form: lower-cased, letter runs of 3+ cut to 2 (`muuuy` → `muuy`), entities decoded.
    public var norm: String
    /// Written in capitals (at least two letters, none lower-case): `AWFUL`.
    public var isAllCaps: Bool
    /// Had a run of 3+ identical letters (`sooo`, `muuuy`).
    public var isElongated: Bool
    /// The norm is all ASCII: no accents to fold, no letters that hint at a language. Known to the tokenizer, so
    /// rules need not scan the norm again.
    public var isASCII: Bool
    /// The norm holds `-` or `'` (`bem-vindo`, `don't`): only such words are tried as compounds or `n't` negators.
    public var hasJoiner: Bool

    /// - Parameters:
    ///   - isASCII: whether `norm` is all ASCII; found from `norm` when nil.
    ///   - hasJoiner: whether `norm` holds `-` or `'`; found from `norm` when nil.
    public init(kind: Kind, span: Range<Int>, surface: String, norm: String, isAllCaps: Bool = false, isElongated: Bool = false,
                isASCII: Bool? = nil, hasJoiner: Bool? = nil) {
        self.kind = kind
        self.span = span
        self.surface = surface
        self.norm = norm
        self.isAllCaps = isAllCaps
        self.isElongated = isElongated
        self.isASCII = isASCII ?? norm.isASCIIBytes
        self.hasJoiner = hasJoiner ?? Self.hasJoiner(norm)
    }

    /// Whether `norm` holds `-` or `'`.
    public static func hasJoiner(_ norm: String) -> Bool {
        norm.containsByte(UInt8(ascii: "-")) || norm.containsByte(UInt8(ascii: "'"))
    }

    /// `-` or `'`, the bytes `hasJoiner` is about.
    public static func isJoiner(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") }

    /// Forms to look up, most specific first: the norm; for an elongation, the runs of three or more letters as
    /// written cut to one, other double letters kept (`péééssimo` → `péssimo`), then every double letter cut to one
    /// (`muuy` → `muy`); then all of them without accents (`facil` for `fácil`), for lexicon entries written without.
    public var lookupForms: [String] {
        var forms = [norm]
        if isElongated {
            for form in [Self.collapseRuns(surface.lowercased(), longerThan: 2), Self.collapseRuns(norm, longerThan: 1)] where !forms.contains(form) {
                forms.append(form)
            }
        }
        for form in forms {
            let folded = AccentFolding.fold(form)
            if folded != form && !forms.contains(folded) { forms.append(folded) }
        }
        return forms
    }

    /// `text` with every run of more than `length` equal letters cut to one.
    private static func collapseRuns(_ text: String, longerThan length: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var start = 0
        while start < scalars.count {
            var end = start + 1
            while end < scalars.count && scalars[end] == scalars[start] { end += 1 }
            let count = end - start > length && scalars[start].properties.isAlphabetic ? 1 : end - start
            result.append(contentsOf: scalars[start..<(start + count)])
            start = end
        }
        return String(result)
    }
}
