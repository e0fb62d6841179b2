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
        self.hasJoiner = hasJoiner ?? (norm.containsByte(UInt8(ascii: "-")) || norm.containsByte(UInt8(ascii: "'")))
    }

    /// `-` or `'`, the bytes `hasJoiner` is about.
    public static func isJoiner(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") }

    /// Forms to look up, most specific first: the norm, the elongation cut to one letter (`muuy` → `muy`),
    /// then both without accents (`facil` for `fácil`), for lexicon entries written without them.
    public var lookupForms: [String] {
        var forms = [norm]
        if isElongated { forms.append(Self.collapseDoubles(norm)) }
        for form in forms {
            let folded = AccentFolding.fold(form)
            if folded != form { forms.append(folded) }
        }
        return forms
    }

    private static func collapseDoubles(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars where scalar != previous || !scalar.properties.isAlphabetic {
            result.append(scalar)
            previous = scalar
        }
        return String(result)
    }
}
