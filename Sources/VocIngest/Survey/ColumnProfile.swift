/// What the first records of an export hold in one column: how full it is, whether its answers are whole numbers,
/// labels or free text, and how varied they are. The column mapper decides a role from the header and this profile
/// together: a header that fits is not enough when the values do not.
public struct ColumnProfile: Sendable, Hashable {
    /// Records seen.
    public internal(set) var rows = 0
    /// Answers that are neither blank nor "not applicable".
    public internal(set) var filled = 0
    public internal(set) var notApplicable = 0
    /// Whole-number answers by value: `7`, `9.0`, `10 - Extremely likely`, `5 (muito bom)`, `1: strongly disagree`.
    public internal(set) var integers: [Int: Int] = [:]
    /// Numbers with a fraction (`6.5`).
    public internal(set) var fractions = 0
    /// The other answers by normalized text (of the first `labelLimit` distinct answers as written; a column with
    /// more is not a column of labels).
    public internal(set) var labels: [String: Int] = [:]
    /// Each distinct answer as written with its normalized text: a text is normalized once, not at every cell.
    private var labelKeys: [String: String] = [:]
    /// Distinct filled answers (counted up to `distinctLimit`).
    public internal(set) var distinct = 0
    public internal(set) var characters = 0
    public internal(set) var words = 0
    /// A few filled answers as written, for messages (short ones only: never a customer's long comment).
    public internal(set) var samples: [String] = []
    /// The parts of answers split at `, ` and `;` (multi-select answers join their options so), and how many distinct.
    public internal(set) var parts = 0
    public internal(set) var distinctParts = 0
    /// Hashes of the UTF-8 bytes seen: hashing `String`s would normalize them first.
    private var seen: Set<Int> = []
    private var seenParts: Set<Int> = []

    static let labelLimit = 64
    static let distinctLimit = 2_000

    /// Answers that are whole numbers.
    public var integerCount: Int { integers.values.reduce(0, +) }
    /// Answers that are labels or text (not numbers).
    public var labelCount: Int { filled - integerCount - fractions }
    public var integerRange: ClosedRange<Int>? {
        guard let low = integers.keys.min(), let high = integers.keys.max() else { return nil }
        return low...high
    }
    public var meanCharacters: Double { filled == 0 ? 0 : Double(characters) / Double(filled) }
    public var meanWords: Double { filled == 0 ? 0 : Double(words) / Double(filled) }
    /// Distinct answers per filled answer: near 1 for free text, near 0 for a closed question.
    public var variety: Double { filled == 0 ? 0 : Double(distinct) / Double(filled) }
    /// Answers that are combinations of a few repeated options (`Data analysis, Teaching; Other`): a multi-select
    /// question, not free text, however varied the combinations are.
    public var isMultiSelect: Bool {
        filled >= 10 && parts >= filled * 3 / 2 && distinctParts * 10 <= parts * 3
    }

    /// Adds one cell. `notApplicable` tells N/A answers (`N/A`, `NS/NC`, `não se aplica`) apart.
    mutating func add(_ cell: String, notApplicable isNotApplicable: (String) -> Bool) {
        rows += 1
        let text = cell.trimmingSpaces
        if text.isEmpty { return }
        let bytes = Array(text.utf8)
        if bytes.count <= 40, isNotApplicable(text.lowercased()) {
            notApplicable += 1
            return
        }
        filled += 1
        let length = text.unicodeScalars.count
        characters += length
        var inWord = false
        for byte in bytes {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace && !inWord { words += 1 }
            inWord = !isSpace
        }
        if seen.count < Self.distinctLimit, seen.insert(Self.hash(bytes[...])).inserted { distinct += 1 }
        if samples.count < 5, length <= 40, !samples.contains(text) { samples.append(text) }
        // Multi-select answers join options with `, ` or `;`; a long answer is free text, one part.
        for part in length <= 300 ? Self.parts(bytes) : [bytes[...]] {
            parts += 1
            if seenParts.count < Self.distinctLimit, seenParts.insert(Self.hash(part)).inserted { distinctParts += 1 }
        }
        switch ScoreParser.wholeNumber(text) {
        case .success(let value)?: integers[value, default: 0] += 1
        case .failure(.notAWholeNumber)?: fractions += 1
        default:
            // Rating labels are short; a longer answer is text.
            guard length <= 60 else { break }
            if let key = labelKeys[text] {
                labels[key, default: 0] += 1
            } else if labelKeys.count < Self.labelLimit {
                let key = HeaderText.normalize(text)
                labelKeys[text] = key
                labels[key, default: 0] += 1
            }
        }
    }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// The answer split at `;` and at `, `, each part without the spaces around it (empty parts dropped).
    private static func parts(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        func close(_ end: Int) {
            var slice = bytes[start..<end]
            while slice.first == 0x20 { slice = slice.dropFirst() }
            while slice.last == 0x20 { slice = slice.dropLast() }
            if !slice.isEmpty { parts.append(slice) }
        }
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ";") || bytes[index] == UInt8(ascii: ",") && index + 1 < bytes.count && bytes[index + 1] == 0x20 {
                close(index)
                start = index + 1
            }
            index += 1
        }
        close(bytes.count)
        return parts
    }
}
