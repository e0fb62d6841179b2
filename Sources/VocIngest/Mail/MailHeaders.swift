import Foundation
import VocCore

/// An RFC 5322 header block: folded lines joined, names lower-cased so they compare case-insensitively, raw values kept
/// (decode RFC 2047 words with `EncodedWords.decode`).
struct MailHeaders {
    private(set) var fields: [(name: String, value: String)] = []

    /// Parses the header block at the start of `bytes`; returns the headers and the offset of the body.
    /// - Parameter isMessage: a whole message (not a MIME part) may start with one garbled line before its headers; a
    ///   part without headers starts with its text, whose first line must not be taken for one.
    static func parse(_ bytes: [UInt8], isMessage: Bool = true) -> (MailHeaders, body: Int) {
        bytes.withUnsafeBufferPointer { parse($0, isMessage: isMessage) }
    }

    /// A field being read: its name, and its value as one range of the block until a folded line makes a copy.
    private struct PendingField {
        var name: String
        var value: Range<Int>
        var unfolded: [UInt8]?
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, isMessage: Bool = true) -> (MailHeaders, body: Int) {
        // Without a copy per field (its name lower-cased through an array, its value copied, decoded, then
        // trimmed into a third string): headers are most of what an mbox parse allocates.
        var headers = MailHeaders()
        headers.fields.reserveCapacity(16)
        var index = 0
        var current: PendingField?
        func flush() {
            guard let field = current else { return }
            let value = field.unfolded.map { CharsetDecoder.decode($0, charset: nil) }
                ?? CharsetDecoder.decode(UnsafeBufferPointer(rebasing: bytes[field.value]), charset: nil)
            headers.fields.append((field.name, value.trimmingSpaces))
            current = nil
        }
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let next = min(end + 1, bytes.count)
            if end > index, bytes[end - 1] == 0x0D { end -= 1 }
            let line = bytes[index..<end]
            if line.isEmpty {
                flush()
                return (headers, next)
            }
            if line.first == 0x20 || line.first == 0x09 {
                if current != nil {
                    if current!.unfolded == nil { current!.unfolded = Array(bytes[current!.value]) }
                    current!.unfolded!.append(0x20)
                    current!.unfolded! += line.drop { $0 == 0x20 || $0 == 0x09 }
                }
            } else if let colon = fieldNameEnd(line) {
                flush()
                let name = String(unsafeUninitializedCapacity: colon - index) { output in
                    for offset in 0..<(colon - index) { output[offset] = bytes[index + offset].asciiLowercased }
                    return colon - index
                }
                current = PendingField(name: name, value: (colon + 1)..<end)
            } else if headers.fields.isEmpty && current == nil && (line.starts(with: fromLine) || (isMessage && nextLineIsField(bytes, after: next))) {
                // An mbox "From " line left at the top of a message, or one garbled line before the headers.
            } else {
                // Not a header: the headers ended without a blank line.
                flush()
                return (headers, index)
            }
            index = next
        }
        flush()
        return (headers, bytes.count)
    }

    /// What starts an mbox separator line (`From sender date`).
    static let fromLine = Array("From ".utf8)

    /// The index of the colon that ends a field name (printable ASCII without spaces), when `line` is a header field.
    static func fieldNameEnd<Line: Collection<UInt8>>(_ line: Line) -> Int? where Line.Index == Int {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
              line[..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return colon
    }

    private static func nextLineIsField(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Bool {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        return fieldNameEnd(bytes[start..<end]) != nil
    }

    /// The first header of that name, given in lower case as the names are stored: `value("content-type")`. A
    /// message asks for about fifteen headers, and names are short enough to compare as small strings.
    func value(_ name: String) -> String? {
        assert(name == name.lowercased(), "header names are looked up in lower case")
        return fields.first { $0.name == name }?.value
    }
}
