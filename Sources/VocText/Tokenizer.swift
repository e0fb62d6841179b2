/// Splits text into tokens over its UTF-8 bytes.
///
/// Hand-written over bytes: `Character` iteration measured ~9 MB/s and Foundation regex 2-5 MB/s on this machine
/// against ~250 MB/s for a byte loop (DESIGN.md, "Decided facts"). ASCII takes a table-driven fast path;
/// other scalars are decoded only where they occur.
///
/// Recognizes words (letters with accents, inner apostrophes and hyphens: `don't`, `bem-vindo`), numbers, URLs,
/// e-mail addresses, @mentions, #hashtags, emoji sequences (ZWJ, skin tones, flags, keycaps), emoticons from a list,
/// runs of `!`/`?`/`.`, HTML entities (decoded in the norm) and leftover tags (skipped).
public struct Tokenizer: Sendable {
    /// Per first byte: the emoticons such as `:)`, `:-(`, `<3` that start with it, longest first. Most positions are
    /// rejected with one look-up, and a word starting with `T` or `D` is compared with `T_T` and `D:` only (it was
    /// compared with every emoticon).
    private let emoticonsByStart: [[[UInt8]]]

    public init(emoticons: [String]) {
        var byStart = [[[UInt8]]](repeating: [], count: 256)
        for emoticon in emoticons.map({ Array($0.utf8) }).sorted(by: { $0.count > $1.count }) {
            if let first = emoticon.first { byStart[Int(first)].append(emoticon) }
        }
        emoticonsByStart = byStart
    }

    public func tokenize(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokenize(bytes: $0) }
    }

    public func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte.isASCIISpace {
                index += 1
                continue
            }
            let start = index
            if byte == UInt8(ascii: "<"), let end = tagEnd(bytes, from: index) {
                index = end
                continue
            }
            if byte == UInt8(ascii: "&"), let (end, decoded) = entity(bytes, from: index) {
                tokens.append(Token(kind: decoded.first?.isLetter == true ? .word : .punctuation, span: start..<end,
                                    surface: Self.string(bytes, start..<end), norm: decoded.lowercased()))
                index = end
                continue
            }
            if let end = urlEnd(bytes, from: index) {
                tokens.append(Self.plain(.url, bytes, start..<end))
                index = end
                continue
            }
            if let end = emoticonEnd(bytes, from: index) {
                tokens.append(Self.plain(.emoticon, bytes, start..<end, lowercase: false))
                index = end
                continue
            }
            if (byte == UInt8(ascii: "@") || byte == UInt8(ascii: "#")), index + 1 < count, Self.isWordStart(bytes, at: index + 1) {
                let end = wordEnd(bytes, from: index + 1, allowInner: false)
                tokens.append(Self.plain(byte == UInt8(ascii: "@") ? .mention : .hashtag, bytes, start..<end))
                index = end
                continue
            }
            if Self.isWordStart(bytes, at: index) {
                var end = wordEnd(bytes, from: index, allowInner: true)
                if end < count, bytes[end] == UInt8(ascii: "@"), end + 1 < count, Self.isWordStart(bytes, at: end + 1) {
                    let domainEnd = wordEnd(bytes, from: end + 1, allowInner: true)
                    if bytes[(end + 1)..<domainEnd].contains(UInt8(ascii: ".")) {
                        tokens.append(Self.plain(.email, bytes, start..<domainEnd))
                        index = domainEnd
                        continue
                    }
                }
                if end > start + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
                tokens.append(Self.word(bytes, start..<end))
                index = end
                continue
            }
            if byte >= 0x80, let end = emojiEnd(bytes, from: index) {
                tokens.append(Self.plain(.emoji, bytes, start..<end, lowercase: false))
                index = end
                continue
            }
            // Punctuation: a run of ! ? . (… counts as .) is one token; anything else is one scalar.
            var end = index + Self.scalarLength(byte)
            if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ".") {
                while end < count, bytes[end] == UInt8(ascii: "!") || bytes[end] == UInt8(ascii: "?") || bytes[end] == UInt8(ascii: ".") { end += 1 }
            }
            end = min(end, count)
            tokens.append(Self.plain(.punctuation, bytes, start..<end, lowercase: false))
            index = end
        }
        return tokens
    }

    // MARK: - Words

    private static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return isASCIIAlphanumeric(byte) }
        guard let scalar = decode(bytes, at: index) else { return false }
        return isLetter(scalar)
    }

    /// Latin-1 and Latin Extended-A letters (á, ñ, ç, ã, œ) without the Unicode property tables, which are slow for
    /// the letters Spanish and Portuguese use all the time; other scalars by their properties.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value | 0x20 >= 0x61 && value | 0x20 <= 0x7A }
        if value >= 0xC0 && value <= 0x17F { return value != 0xD7 && value != 0xF7 }
        return scalar.properties.isAlphabetic
    }

    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value >= 0xC0 && value <= 0xFF { return value <= 0xDE && value != 0xD7 }
        return scalar.properties.isUppercase
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The end of a word starting at `index`: letters, digits and combining marks, with `'`, `’`, `-`, `.`, `,`
    /// allowed between two word characters when `allowInner` (`don't`, `bem-vindo`, `e.g`, `1,5`).
    private func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, allowInner: Bool) -> Int {
        var end = index
        let count = bytes.count
        while end < count {
            let byte = bytes[end]
            if byte < 0x80 {
                if Self.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "_") {
                    end += 1
                    continue
                }
                let isJoiner = byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")
                if allowInner, isJoiner, end + 1 < count, Self.isWordStart(bytes, at: end + 1),
                   byte != UInt8(ascii: ",") || (Self.isDigit(bytes[end - 1]) && Self.isDigit(bytes[end + 1])) {
                    end += 1
                    continue
                }
                break
            }
            guard let scalar = Self.decode(bytes, at: end) else { break }
            let length = Self.scalarLength(byte)
            if Self.isLetter(scalar) || scalar.properties.generalCategory == .nonspacingMark {
                end += length
                continue
            }
            // Typographic apostrophe inside a word: don’t.
            if allowInner, scalar == "\u{2019}", end + length < count, Self.isWordStart(bytes, at: end + length) {
                end += length
                continue
            }
            break
        }
        return end
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Token {
        let surface = string(bytes, range)
        var letters = 0, upper = 0, digits = 0
        var isASCII = true, hasJoiner = false
        // Runs of three equal letters (case aside) are looked for on the way: most words have none, and need no
        // elongation pass.
        var hasRun = false
        var previous: UInt8 = 0, run = 0
        for byte in bytes[range] {
            if byte >= 0x80 { isASCII = false }
            if byte >= 0x41 && byte <= 0x5A { upper += 1; letters += 1 } else if byte >= 0x61 && byte <= 0x7A { letters += 1 } else if isDigit(byte) { digits += 1 }
            if Token.isJoiner(byte) { hasJoiner = true }
            let lower = byte.asciiLowercased
            run = lower == previous ? run + 1 : 1
            previous = lower
            if run == 3 { hasRun = true }
        }
        let lowered: String
        if isASCII {
            // Most words are written in lower case: their norm is their surface. Others are lower-cased straight
            // into the new string (a temporary array per token before).
            lowered = upper == 0 ? surface : String(unsafeUninitializedCapacity: range.count) { output in
                for (offset, byte) in bytes[range].enumerated() { output[offset] = byte.asciiLowercased }
                return range.count
            }
        } else if let latin = latin1Lowercased(bytes, range) {
            hasRun = true
            lowered = latin.lowered
            letters += latin.letters
            upper += latin.upper
        } else {
            hasRun = true
            // Only text with a typographic apostrophe (E2 80 99) has it replaced.
            lowered = bytes[range].contains(0xE2) ? surface.lowercased().replacingApostrophes() : surface.lowercased()
            letters = 0
            upper = 0
            for scalar in surface.unicodeScalars where isLetter(scalar) {
                letters += 1
                if isUppercase(scalar) { upper += 1 }
            }
        }
        let (norm, elongated) = hasRun ? cutElongations(lowered) : (lowered, false)
        let kind: Token.Kind = letters == 0 && digits > 0 ? .number : .word
        return Token(kind: kind, span: range, surface: surface, norm: norm, isAllCaps: letters >= 2 && upper == letters, isElongated: elongated,
                     isASCII: isASCII ? true : nil, hasJoiner: isASCII ? hasJoiner : nil)
    }

    /// A word whose only non-ASCII characters are Latin-1 letters (U+00C0-U+00FF: `á`, `ñ`, `ç`, `ã`, `Ü`, all two
    /// bytes `C3 xx`), lower-cased byte by byte, with how many of those letters it has and how many are capitals
    /// (the ASCII ones are counted by the caller), instead of `String.lowercased()` and a scalar pass for every
    /// accented word, which give the same result for these words at a far higher cost. Nil for any other word.
    private static func latin1Lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (lowered: String, letters: Int, upper: Int)? {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
            } else if byte == 0xC3, index + 1 < range.upperBound, bytes[index + 1] & 0xC0 == 0x80 {
                index += 2
            } else {
                return nil
            }
        }
        var letters = 0, upper = 0
        let lowered = String(unsafeUninitializedCapacity: range.count) { output in
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = bytes[index]
                let offset = index - range.lowerBound
                if byte < 0x80 {
                    output[offset] = byte.asciiLowercased
                    index += 1
                    continue
                }
                // C3 80-C3 9E are À-Þ (C3 97 is ×), C3 9F-C3 BF are ß-ÿ (C3 B7 is ÷); capitals are their small
                // letter minus 0x20.
                let second = bytes[index + 1]
                let isLetter = second != 0x97 && second != 0xB7
                let isCapital = isLetter && second <= 0x9E
                if isLetter { letters += 1 }
                if isCapital { upper += 1 }
                output[offset] = byte
                output[offset + 1] = isCapital ? second + 0x20 : second
                index += 2
            }
            return range.count
        }
        return (lowered, letters, upper)
    }

    /// A lexicon entry as a token's norm would read it: `kkkk` → `kk`, so entries written elongated still match.
    public static func normalizedEntry(_ word: String) -> String { cutElongations(word).0 }

    /// `muuuuy` → `muuy`: runs of 3+ identical letters cut to 2 (2 keeps `cool`, `reembolso`).
    private static func cutElongations(_ text: String) -> (String, Bool) {
        // Most words have no run of three equal characters: skip the scalar pass for them. A character repeated three
        // times is a byte equal to the ones one, two, three or four bytes (its length) and twice that before it
        // (`ããã` is C3 A3 C3 A3 C3 A3: only looking for three equal bytes in a row, such runs were never cut).
        var text = text
        let mayHaveRun = text.withUTF8 { bytes in
            bytes.indices.contains { index in
                (1...4).contains { step in index >= 2 * step && bytes[index] == bytes[index - step] && bytes[index] == bytes[index - 2 * step] }
            }
        }
        guard mayHaveRun else { return (text, false) }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        var run = 0
        var elongated = false
        for scalar in text.unicodeScalars {
            if scalar == previous && scalar.properties.isAlphabetic {
                run += 1
                if run >= 3 { elongated = true; continue }
            } else {
                run = 1
                previous = scalar
            }
            result.append(scalar)
        }
        return (String(result), elongated)
    }

    // MARK: - Other token kinds

    private static let urlPrefixes = ["http://", "https://", "www."].map { Array($0.utf8) }

    private func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        // Only `h` and `w` start one: every token was checked against the three prefixes before (2.4 % of analysis).
        guard bytes[index] | 0x20 == UInt8(ascii: "h") || bytes[index] | 0x20 == UInt8(ascii: "w") else { return nil }
        let rest = UnsafeBufferPointer(rebasing: bytes[index...])
        guard Self.urlPrefixes.contains(where: { prefix in
            rest.count > prefix.count && zip(rest, prefix).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }) else { return nil }
        var end = index
        while end < bytes.count, bytes[end] > 0x20, bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: ">") { end += 1 }
        while end > index, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[end - 1]) { end -= 1 }
        return end
    }

    /// An emoticon stands alone: after the start, a space, or a letter when it starts with `:`, `;`, `=` or `<`
    /// (`thanks:)`, `love<3`); and before the end, a space or punctuation.
    private func emoticonEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        let byte = bytes[index]
        let candidates = emoticonsByStart[Int(byte)]
        guard !candidates.isEmpty else { return nil }
        if index > 0, bytes[index - 1] > 0x20 {
            let previous = bytes[index - 1] | 0x20
            let isGlued = previous >= UInt8(ascii: "a") && previous <= UInt8(ascii: "z")
                && (byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<"))
            guard isGlued else { return nil }
        }
        for emoticon in candidates where index + emoticon.count <= bytes.count {
            guard zip(bytes[index...], emoticon).allSatisfy({ $0 == $1 }) else { continue }
            let end = index + emoticon.count
            if end == bytes.count || bytes[end] <= 0x20 || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: "!") {
                return end
            }
        }
        return nil
    }

    /// One emoji with its modifiers: variation selectors, skin tones, ZWJ-joined parts, flag pairs, keycaps.
    private func emojiEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        guard let first = Self.decode(bytes, at: index), Self.isEmoji(first) else { return nil }
        var end = index + Self.scalarLength(bytes[index])
        let isFlag = (0x1F1E6...0x1F1FF).contains(first.value)
        while end < bytes.count, let scalar = Self.decode(bytes, at: end) {
            let length = Self.scalarLength(bytes[end])
            if scalar.value == 0xFE0F || scalar.value == 0x20E3 || (0x1F3FB...0x1F3FF).contains(scalar.value) || (0xE0020...0xE007F).contains(scalar.value) {
                end += length
            } else if scalar.value == 0x200D, end + length < bytes.count, let next = Self.decode(bytes, at: end + length), Self.isEmoji(next) {
                end += length + Self.scalarLength(bytes[end + length])
            } else if isFlag, end == index + 4, (0x1F1E6...0x1F1FF).contains(scalar.value) {
                end += length
            } else {
                break
            }
        }
        return end
    }

    private static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2190 && (scalar.properties.isEmojiPresentation || scalar.properties.isEmoji)
    }

    /// `<br>`, `</p>`, `<a href="…">`, `<!-- … -->`: skipped when it closes within 256 bytes.
    private func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        guard index + 2 < bytes.count else { return nil }
        let next = bytes[index + 1]
        guard (next | 0x20 >= 0x61 && next | 0x20 <= 0x7A) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") else { return nil }
        var end = index + 1
        while end < bytes.count, end - index < 256 {
            if bytes[end] == UInt8(ascii: ">") { return end + 1 }
            if bytes[end] == UInt8(ascii: "<") { return nil }
            end += 1
        }
        return nil
    }

    /// `&amp;`, `&quot;`, `&nbsp;`, `&eacute;`, `&#39;`, `&#x27;` and its decoded text.
    private func entity(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> (Int, String)? {
        var end = index + 1
        while end < bytes.count, end - index <= 10, bytes[end] != UInt8(ascii: ";") {
            guard Self.isASCIIAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "#") else { return nil }
            end += 1
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return nil }
        let name = Self.string(bytes, (index + 1)..<end)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (end + 1, String(scalar))
        }
        guard let decoded = HTMLEntities.named[name] else { return nil }
        return (end + 1, decoded)
    }

    // MARK: - Bytes

    private static func plain(_ kind: Token.Kind, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowercase: Bool = true) -> Token {
        let surface = string(bytes, range)
        let isASCII = !bytes[range].contains { $0 >= 0x80 }
        return Token(kind: kind, span: range, surface: surface, norm: lowercase ? surface.lowercased() : surface, isASCII: isASCII ? true : nil,
                     hasJoiner: bytes[range].contains(where: Token.isJoiner))
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        let length = scalarLength(bytes[index])
        guard index + length <= bytes.count else { return nil }
        var iterator = bytes[index..<(index + length)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}

extension String {
    /// `don’t` → `don't`: one apostrophe form for lexicon lookups.
    fileprivate func replacingApostrophes() -> String {
        // Scalar search: `String.contains(String)` resolves to Foundation's CFStringFind, 4 % of analysis time.
        guard unicodeScalars.contains("\u{2019}") else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }
}
