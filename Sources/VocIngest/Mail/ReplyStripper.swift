import Foundation
public import VocCore

/// Separates what the customer wrote from quoted replies, forwarded blocks and signatures, in English, Spanish and
/// Portuguese (markers in `lexicons/<lang>/reply-markers.tsv`). The stripped parts are kept for inspection.
public struct ReplyStripper: Sendable {
    struct Attribution: Sendable {
        /// The words that start the line, with the space after them.
        var lead: String
        var suffix: String
    }

    private var attributions: [Attribution] = []
    private var headers: [String] = []
    private var separators: [String] = []
    private var signatures: [String] = []

    public static func load(from directory: LexiconDirectory) throws(VocError) -> ReplyStripper {
        var stripper = ReplyStripper()
        for language in LexiconDirectory.languages {
            let table = try directory.table("reply-markers.tsv", language: language)
            for row in table.rows {
                let text = row.columns.count > 1 ? row.columns[1].lowercased() : ""
                switch row.columns[0] {
                case "attribution" where row.columns.count == 3: stripper.attributions.append(Attribution(lead: text + " ", suffix: row.columns[2].lowercased()))
                case "header" where !text.isEmpty: stripper.headers.append(text)
                case "separator" where !text.isEmpty: stripper.separators.append(text)
                case "signature" where !text.isEmpty: stripper.signatures.append(text)
                default: throw table.error("expected attribution|header|separator|signature with its text", row: row)
                }
            }
        }
        return stripper
    }

    /// The customer's own text and what was stripped (quoted replies, forwards, signature).
    public func strip(_ text: String) -> (own: String, stripped: String) {
        // Lines are substrings of the text, and markers are compared with a lower-cased copy of the whole text split
        // the same way, byte for byte: a `String` per line, trimmed and lower-cased on its own, with Unicode-aware
        // `hasPrefix`, was a third of `voc inspect m.mbox` (perf). Lower-casing never adds or removes a line break.
        let lines = Self.lines(text)
        let lowered = Self.lines(Self.matchable(text)).map(Self.trimmed)
        var cut = lines.count
        for index in lines.indices where startsQuote(lines, lowered, at: index) {
            cut = index
            break
        }
        var own = Array(lines[..<cut])
        var stripped = Array(lines[cut...])
        // Signature: "-- " or a signature phrase in the last lines of what remains.
        let tail = max(0, own.count - 8)
        if let signature = own.indices.reversed().first(where: { index in
            index >= tail && (own[index] == "-- " || own[index] == "--" || signatures.contains { lowered[index].utf8.starts(with: $0.utf8) })
        }) {
            stripped = Array(own[signature...]) + stripped
            own.removeLast(own.count - signature)
        }
        return (own.joined(separator: "\n").trimmingSpaces, stripped.joined(separator: "\n").trimmingSpaces)
    }

    /// The text lower-cased, and composed (NFC) when it holds combining accents, as the markers are written.
    private static func matchable(_ text: String) -> String {
        let lowered = text.lowercased()
        // U+0300-U+036F, the combining diacritical marks, are encoded CC 80 - CD AF.
        guard lowered.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) else { return lowered }
        return lowered.precomposedStringWithCanonicalMapping
    }

    /// The lines of `text`, split at LF, CR LF and CR, empty ones kept (as `split(omittingEmptySubsequences: false)`).
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            index = utf8.index(after: index)
            if byte == 0x0D, index < utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            start = index
        }
        lines.append(text[start...])
        return lines
    }

    /// `line` without the spaces, tabs and no-break spaces around it.
    private static func trimmed(_ line: Substring) -> Substring {
        let scalars = line.unicodeScalars
        let isSpace = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "\t" || scalar == "\u{A0}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return line[line.endIndex...] }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return Substring(scalars[first...last])
    }

    /// - Parameter lowered: each line trimmed and lower-cased.
    private func startsQuote(_ lines: [Substring], _ lowered: [Substring], at index: Int) -> Bool {
        let lower = lowered[index]
        if lower.isEmpty { return false }
        if separators.contains(where: { lower.range(ofText: $0) != nil }) { return true }
        for attribution in attributions where lower.utf8.starts(with: attribution.lead.utf8) {
            if lower.utf8.reversed().starts(with: attribution.suffix.utf8.reversed()) { return true }
            if index + 1 < lines.count, (lower + " " + lowered[index + 1]).utf8.reversed().starts(with: attribution.suffix.utf8.reversed()) { return true }
        }
        if let own = headers.first(where: { lower.utf8.starts(with: $0.utf8) }) {
            let following = lowered[(index + 1)..<min(lines.count, index + 6)]
            if following.contains(where: { next in headers.contains { $0 != own && next.utf8.starts(with: $0.utf8) } }) { return true }
        }
        if lower.utf8.first == UInt8(ascii: ">") {
            // A quoted block: the rest is mostly quoted lines.
            var quoted = 0, total = 0
            for rest in lines[index...] {
                guard let first = rest.unicodeScalars.first(where: { $0 != " " && $0 != "\t" }) else { continue }
                total += 1
                if first == ">" { quoted += 1 }
            }
            return quoted * 2 >= total
        }
        return false
    }
}
