import Foundation
public import VocCore

/// Separates what the customer wrote from quoted replies, forwarded blocks and signatures, in English, Spanish and
/// Portuguese (markers in `lexicons/<lang>/reply-markers.tsv`). The stripped parts are kept for inspection.
public struct ReplyStripper: Sendable {
    /// Markers are lower-cased UTF-8 bytes: lines are matched byte for byte against a lower-cased copy of the text.
    struct Attribution: Sendable {
        /// The words that start the line, with the space after them.
        var lead: [UInt8]
        var suffix: [UInt8]
    }

    private var attributions: [Attribution] = []
    private var headers: [[UInt8]] = []
    private var signatures: [[UInt8]] = []
    /// Separators (a line containing one starts the quoted part), filed under their first byte.
    private var separatorsByFirstByte = [[[UInt8]]](repeating: [], count: 256)
    /// Whether any separator starts with the byte: most bytes of a line are rejected without touching the lists.
    private var startsSeparator = [Bool](repeating: false, count: 256)

    public static func load(from directory: LexiconDirectory) throws(VocError) -> ReplyStripper {
        var stripper = ReplyStripper()
        for language in LexiconDirectory.languages {
            let table = try directory.table("reply-markers.tsv", language: language)
            for row in table.rows {
                let text = Array((row.columns.count > 1 ? row.columns[1].lowercased() : "").utf8)
                switch row.columns[0] {
                case "attribution" where row.columns.count == 3:
                    stripper.attributions.append(Attribution(lead: text + [0x20], suffix: Array(row.columns[2].lowercased().utf8)))
                case "header" where !text.isEmpty: stripper.headers.append(text)
                case "separator" where !text.isEmpty:
                    stripper.separatorsByFirstByte[Int(text[0])].append(text)
                    stripper.startsSeparator[Int(text[0])] = true
                case "signature" where !text.isEmpty: stripper.signatures.append(text)
                default: throw table.error("expected attribution|header|separator|signature with its text", row: row)
                }
            }
        }
        return stripper
    }

    /// The customer's own text and what was stripped (quoted replies, forwards, signature).
    public func strip(_ text: String) -> (own: String, stripped: String) {
        // On bytes: lines are byte ranges of the text, matched against the same lines of one lower-cased copy.
        // One pass over the bytes rather than a `String` per line, trimmed and lower-cased on its own, with
        // Unicode-aware `hasPrefix`. Lower-casing and composing never add or remove a line break.
        var original = text
        let lowered = Self.matchable(text)
        return original.withUTF8 { bytes in
            lowered.withUnsafeBufferPointer { lower in
                let lines = Self.lines(bytes)
                var lowerLines = Self.lines(lower)
                guard lines.count == lowerLines.count else { return (text.trimmingSpaces, "") }
                for index in lowerLines.indices { lowerLines[index] = lower[lowerLines[index]].spaceTrimmedBounds }
                let cut = lines.indices.first { startsQuote(bytes, lines, lower, lowerLines, at: $0) } ?? lines.count
                // Signature: "-- " or a signature phrase in the last lines of what remains.
                let signature = (max(0, cut - 8)..<cut).reversed().first { index in
                    let line = bytes[lines[index]]
                    return line.elementsEqual(Self.signatureDashes) || line.elementsEqual(Self.signatureDashes.dropLast())
                        || signatures.contains { lower[lowerLines[index]].starts(with: $0) }
                }
                let ownEnd = signature ?? cut
                return (Self.joined(lines[..<ownEnd], of: bytes), Self.joined(lines[ownEnd...], of: bytes))
            }
        }
    }

    /// The usenet signature line, `-- ` (also matched without its space).
    private static let signatureDashes = Array("-- ".utf8)

    /// The text's bytes lower-cased, and composed (NFC) when they hold combining accents, as the markers are written.
    /// Bytes rather than a string, which would validate them once more.
    private static func matchable(_ text: String) -> [UInt8] {
        let lowered = text.lowercasedUTF8()
        // U+0300-U+036F, the combining diacritical marks, are encoded CC 80 - CD AF.
        guard lowered.contains(where: { $0 == 0xCC || $0 == 0xCD }) else { return lowered }
        return Array(String(decoding: lowered, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    /// The byte ranges of the lines of `bytes`, split at LF, CR LF and CR, empty ones kept (as
    /// `split(omittingEmptySubsequences: false)`).
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(16)
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == 0x0A || byte == 0x0D else { continue }
            lines.append(start..<(index - 1))
            if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
            start = index
        }
        lines.append(start..<bytes.count)
        return lines
    }

    /// The lines joined with LF, trimmed as a whole.
    private static func joined(_ lines: ArraySlice<Range<Int>>, of bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let first = lines.first?.lowerBound, let last = lines.last?.upperBound else { return "" }
        // Written once into the string's storage and trimmed there (an array grown line by line, then a copy, before).
        return String(unsafeUninitializedCapacity: max(0, last - first)) { output in
            var count = 0
            for (offset, line) in lines.enumerated() {
                if offset > 0 { output[count] = 0x0A; count += 1 }
                for byte in bytes[line] { output[count] = byte; count += 1 }
            }
            let trimmed = output[..<count].spaceTrimmedBounds
            if trimmed.lowerBound > 0 {
                for index in trimmed { output[index - trimmed.lowerBound] = output[index] }
            }
            return trimmed.count
        }
    }

    /// - Parameter lower: the lower-cased text; `lowerLines` its lines, trimmed.
    private func startsQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>], _ lower: UnsafeBufferPointer<UInt8>,
                             _ lowerLines: [Range<Int>], at index: Int) -> Bool {
        let line = lower[lowerLines[index]]
        if line.isEmpty { return false }
        if containsSeparator(line) { return true }
        for attribution in attributions where line.starts(with: attribution.lead) {
            if line.reversed().starts(with: attribution.suffix.reversed()) { return true }
            if index + 1 < lines.count, (Array(line) + [0x20] + lower[lowerLines[index + 1]]).reversed().starts(with: attribution.suffix.reversed()) { return true }
        }
        if let own = headers.first(where: { line.starts(with: $0) }) {
            let following = lowerLines[(index + 1)..<min(lines.count, index + 6)]
            if following.contains(where: { next in headers.contains { $0 != own && lower[next].starts(with: $0) } }) { return true }
        }
        if line.first == UInt8(ascii: ">") {
            // A quoted block: the rest is mostly quoted lines.
            var quoted = 0, total = 0
            for rest in lines[index...] {
                guard let first = bytes[rest].first(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                total += 1
                if first == UInt8(ascii: ">") { quoted += 1 }
            }
            return quoted * 2 >= total
        }
        return false
    }

    /// Whether a separator occurs in `line`: one pass, trying only the separators that start with each byte (eleven
    /// searches per line were 6 % of `voc inspect m.mbox`).
    private func containsSeparator(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        for start in line.indices where startsSeparator[Int(line[start])] {
            for separator in separatorsByFirstByte[Int(line[start])]
            where line.endIndex - start >= separator.count && line[start..<(start + separator.count)].elementsEqual(separator) {
                return true
            }
        }
        return false
    }
}
