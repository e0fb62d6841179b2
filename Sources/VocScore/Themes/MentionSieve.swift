import VocText

/// A quick test that a comment cannot mention any of some phrases, so that only the comments that may are split into
/// words: finding the accounts and examples of a few themes among a fortnight's comments read every one of them.
///
/// A comment may mention a phrase only when each of its words is in the comment's text once both are lower-cased,
/// accent-folded and squeezed (every run of one letter written once): a token's word is its text lower-cased, with
/// runs of three or more letters cut to two, and folded, and a plural contains its singular. Text the quick reading
/// cannot vouch for (HTML entities or tags, characters outside ASCII and Latin-1) always may.
public struct MentionSieve: Sendable {
    /// The distinct words of the phrases, squeezed, and each phrase as indices into them.
    private let words: [[UInt8]]
    private let phrases: [[Int]]

    public init(phrases: some Sequence<String>) {
        var words: [[UInt8]] = [], index: [[UInt8]: Int] = [:]
        self.phrases = phrases.map { phrase in
            phrase.split(separator: " ").map { word in
                let squeezed = Self.squeezed(Array(String(word).utf8))
                if let known = index[squeezed] { return known }
                words.append(squeezed)
                index[squeezed] = words.count - 1
                return words.count - 1
            }
        }
        self.words = words
    }

    /// False when `text` cannot mention any of the phrases; true when it may (its phrases then tell).
    public func mayMention(_ text: String) -> Bool {
        guard !phrases.isEmpty else { return false }
        guard let folded = Self.foldedBytes(text) else { return true }
        let squeezed = Self.squeezed(folded)
        var present: [Bool?] = Array(repeating: nil, count: words.count)
        return phrases.contains { phrase in
            phrase.allSatisfy { word in
                if let known = present[word] { return known }
                let found = Self.contains(squeezed, words[word])
                present[word] = found
                return found
            }
        }
    }

    /// The text lower-cased and accent-folded, for ASCII and Latin-1 text without `&` or `<`; nil for any other.
    static func foldedBytes(_ text: String) -> [UInt8]? {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte < 0x80 {
                guard byte != UInt8(ascii: "&"), byte != UInt8(ascii: "<") else { return nil }
                lowered.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if byte == 0xC3, let second = bytes.next(), second >= 0x80, second <= 0xBF {
                // C3 80-C3 9E are À-Þ (C3 97 is ×): capitals, their small letter 0x20 further on.
                lowered += [byte, second <= 0x9E && second != 0x97 ? second + 0x20 : second]
            } else {
                return nil
            }
        }
        return Array(AccentFolding.fold(String(decoding: lowered, as: UTF8.self)).utf8)
    }

    /// `bytes` with every run of one byte written once: `buttton` and `button` both read `buton`.
    static func squeezed(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes where output.last != byte { output.append(byte) }
        return output
    }

    static func contains(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard let first = word.first, word.count <= text.count else { return word.isEmpty }
        var start = 0
        while start + word.count <= text.count {
            if text[start] == first, text[start..<start + word.count].elementsEqual(word) { return true }
            start += 1
        }
        return false
    }
}
