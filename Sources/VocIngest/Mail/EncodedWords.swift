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
        guard CharsetDecoder.isWindows1252Family(charset), !payload.utf8.allSatisfy({ $0 < 0x80 }) else { return Array(payload.utf8) }
        var bytes: [UInt8] = []
        for scalar in payload.unicodeScalars {
            if let byte = Windows1252.byte(scalar) { bytes.append(byte) } else { bytes += Array(String(scalar).utf8) }
        }
        return bytes
    }

    private static func parseWord(_ text: Substring) -> (charset: String, bytes: [UInt8], end: Substring.Index)? {
        let parts = text.dropFirst(2)
        guard let q1 = parts.firstIndex(of: "?") else { return nil }
        var charset = String(parts[..<q1])
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) } // RFC 2231 language suffix
        let afterCharset = parts[parts.index(after: q1)...]
        guard let encoding = afterCharset.first, afterCharset.dropFirst().first == "?" else { return nil }
        let payloadStart = afterCharset.index(afterCharset.startIndex, offsetBy: 2)
        guard let end = afterCharset[payloadStart...].range(ofText: "?=") else { return nil }
        let payload = afterCharset[payloadStart..<end.lowerBound]
        guard !payload.utf8.contains(0x20) else { return nil }
        switch encoding {
        case "B", "b":
            var padded = String(payload)
            while padded.count % 4 != 0 { padded += "=" }
            guard let data = Data(base64Encoded: padded, options: .ignoreUnknownCharacters) else { return nil }
            return (charset, [UInt8](data), end.upperBound)
        case "Q", "q":
            return (charset, TransferDecoding.quotedPrintable(rawBytes(payload, charset: charset), underscoreIsSpace: true), end.upperBound)
        default:
            return nil
        }
    }
}
