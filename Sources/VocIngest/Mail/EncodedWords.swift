import Foundation

/// RFC 2047 encoded words in headers: `=?charset?B?…?=` and `=?charset?Q?…?=`. Adjacent encoded words are joined
/// (the whitespace between them dropped) and their bytes decoded together, so a character split across two words
/// comes out whole. Malformed words are left as written.
///
/// Works on the header's UTF-8 bytes rather than `Substring`s: most subjects hold an encoded word.
enum EncodedWords {
    static func decode(_ text: String) -> String {
        guard text.containsText("=?") else { return text }
        var text = text
        return text.withUTF8(decode)
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pending: (charset: String, bytes: [UInt8])?
        func flush() {
            if let (charset, encoded) = pending { output += CharsetDecoder.decode(encoded, charset: charset).utf8 }
            pending = nil
        }
        var index = 0
        while let start = bytes.firstOffset(of: marker, from: index) {
            guard let word = parseWord(bytes, at: start) else {
                flush()
                output += bytes[index..<(start + 2)]
                index = start + 2
                continue
            }
            let between = bytes[index..<start]
            if let current = pending, between.allSatisfy(\.isASCIISpace) {
                // Whitespace between two encoded words is not part of the text.
                if !current.charset.utf8.elementsEqual(word.charset.utf8, by: { $0.asciiLowercased == $1.asciiLowercased }) { flush() }
            } else {
                flush()
                output += between
            }
            pending = (word.charset, (pending?.bytes ?? []) + word.bytes)
            index = word.end
        }
        flush()
        output += bytes[index...]
        return String(decoding: output, as: UTF8.self)
    }

    /// What starts an encoded word.
    private static let marker = Array("=?".utf8)

    /// The word starting at `start` (on its `=?`): charset, decoded bytes and the index after its `?=`.
    private static func parseWord(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        let question = UInt8(ascii: "?")
        let charsetStart = start + 2
        guard let q1 = bytes[charsetStart...].firstIndex(of: question), q1 + 2 < bytes.count, bytes[q1 + 2] == question else { return nil }
        // RFC 2231 language suffix: `=?utf-8*es?Q?...?=`.
        let charsetEnd = bytes[charsetStart..<q1].firstIndex(of: UInt8(ascii: "*")) ?? q1
        let charset = String(decoding: bytes[charsetStart..<charsetEnd], as: UTF8.self)
        let payloadStart = q1 + 3
        var payloadEnd = payloadStart
        while payloadEnd + 1 < bytes.count, !(bytes[payloadEnd] == question && bytes[payloadEnd + 1] == UInt8(ascii: "=")) {
            // A space ends the search: encoded words hold none.
            if bytes[payloadEnd] == 0x20 { return nil }
            payloadEnd += 1
        }
        guard payloadEnd + 1 < bytes.count else { return nil }
        let payload = bytes[payloadStart..<payloadEnd]
        switch bytes[q1 + 1] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"):
            var padded = Array(payload)
            while padded.count % 4 != 0 { padded.append(UInt8(ascii: "=")) }
            guard let data = Data(base64Encoded: Data(padded), options: .ignoreUnknownCharacters) else { return nil }
            return (charset, [UInt8](data), payloadEnd + 2)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            return (charset, TransferDecoding.quotedPrintable(rawBytes(payload, charset: charset), underscoreIsSpace: true), payloadEnd + 2)
        default:
            return nil
        }
    }

    /// The bytes of a Q payload. Raw 8-bit text inside a word (not allowed, but common) was decoded with the rest of
    /// the header, as Windows-1252 when it was not UTF-8; in a word of the Latin-1 family it goes back to its byte, so
    /// it is not decoded twice ("Fr\u{F6}sche" in an iso-8859-1 word stays "Frösche", not "FrÃ¶sche").
    private static func rawBytes(_ payload: Slice<UnsafeBufferPointer<UInt8>>, charset: String) -> [UInt8] {
        guard payload.contains(where: { $0 >= 0x80 }), CharsetDecoder.isWindows1252Family(charset) else { return Array(payload) }
        var bytes: [UInt8] = []
        for scalar in String(decoding: payload, as: UTF8.self).unicodeScalars {
            if let byte = Windows1252.byte(scalar) { bytes.append(byte) } else { bytes += Array(String(scalar).utf8) }
        }
        return bytes
    }
}
