import Foundation

/// RFC 2047 encoded words in headers: `=?charset?B?…?=` and `=?charset?Q?…?=`. Adjacent encoded words are joined
/// (the space between them is dropped) and their bytes decoded together, so a character split across two words
/// comes out whole. Malformed words are left as written.
enum EncodedWords {
    static func decode(_ text: String) -> String {
        guard text.containsText("=?") else { return text }
        var output = ""
        var pendingBytes: [UInt8] = []
        var pendingCharset: String?
        func flush() {
            if !pendingBytes.isEmpty { output += CharsetDecoder.decode(pendingBytes, charset: pendingCharset) }
            pendingBytes = []
            pendingCharset = nil
        }
        var rest = Substring(text)
        while let start = rest.range(ofText: "=?") {
            let before = rest[..<start.lowerBound]
            guard let word = parseWord(rest[start.lowerBound...]) else {
                flush()
                output += before + "=?"
                rest = rest[start.upperBound...]
                continue
            }
            if before.allSatisfy(\.isWhitespace) && (pendingCharset != nil || !pendingBytes.isEmpty) {
                // Whitespace between two encoded words is not part of the text.
                if pendingCharset?.lowercased() != word.charset.lowercased() { flush() }
            } else {
                flush()
                output += before
            }
            pendingCharset = word.charset
            pendingBytes += word.bytes
            rest = rest[word.end...]
        }
        flush()
        return output + rest
    }

    /// The bytes of a Q payload. Raw 8-bit text inside a word (not allowed, but common) was decoded with the rest of
    /// the header, as Windows-1252 when it was not UTF-8; in a word of the Latin-1 family it goes back to its byte, so
    /// it is not decoded twice ("Fr\u{F6}sche" in an iso-8859-1 word stays "Frösche", not "FrÃ¶sche").
    private static func rawBytes(_ payload: Substring, charset: String) -> [UInt8] {
        guard payload.utf8.contains(where: { $0 >= 0x80 }), CharsetDecoder.isWindows1252Family(charset) else { return Array(payload.utf8) }
        var bytes: [UInt8] = []
        for scalar in payload.unicodeScalars {
            if let byte = Windows1252.byte(scalar) { bytes.append(byte) } else { bytes += Array(String(scalar).utf8) }
        }
        return bytes
    }

    private static func parseWord(_ text: Substring) -> (charset: String, bytes: [UInt8], end: Substring.Index)? {
        // Delimiters are ASCII: searched on the UTF-8 view (`Character` search was 3 % of `voc inspect m.mbox`).
        let utf8 = text.utf8
        let question = UInt8(ascii: "?")
        let parts = utf8.dropFirst(2)
        guard let q1 = parts.firstIndex(of: question) else { return nil }
        // RFC 2231 language suffix: `=?utf-8*es?Q?...?=`.
        let charset = String(text[parts.startIndex..<(parts[..<q1].firstIndex(of: UInt8(ascii: "*")) ?? q1)])
        let afterCharset = parts[utf8.index(after: q1)...]
        guard let encoding = afterCharset.first, afterCharset.dropFirst().first == question else { return nil }
        let payloadStart = utf8.index(afterCharset.startIndex, offsetBy: 2)
        guard let end = text[payloadStart...].range(ofText: "?=") else { return nil }
        let payload = text[payloadStart..<end.lowerBound]
        guard !payload.utf8.contains(0x20) else { return nil }
        switch encoding {
        case UInt8(ascii: "B"), UInt8(ascii: "b"):
            var padded = String(payload)
            while padded.count % 4 != 0 { padded += "=" }
            guard let data = Data(base64Encoded: padded, options: .ignoreUnknownCharacters) else { return nil }
            return (charset, [UInt8](data), end.upperBound)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            return (charset, TransferDecoding.quotedPrintable(rawBytes(payload, charset: charset), underscoreIsSpace: true), end.upperBound)
        default:
            return nil
        }
    }
}
