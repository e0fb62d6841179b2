import Foundation

/// A parsed `Content-Type` (or `Content-Disposition`): the lower-cased value and its parameters, with RFC 2231
/// continuations (`name*0=`, `name*1=`) and charset-tagged values (`name*=utf-8''%C3%A1`) joined and decoded.
struct MIMEContentType {
    var value: String
    /// In the order written, continuations last; a later one of the same name wins. A list, not a dictionary: there
    /// are one or two, not worth hashing.
    var parameters: [(name: String, value: String)]

    init(_ header: String?) {
        // Split at unquoted `;` on the bytes (both are ASCII), without `Character` iteration or a string per part.
        guard let text = header else {
            value = "text/plain"
            parameters = []
            return
        }
        var parts: [Substring] = []
        var start = text.startIndex
        var quoted = false
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == UInt8(ascii: ";") && !quoted {
                parts.append(text[start..<index])
                start = text.utf8.index(after: index)
            }
        }
        parts.append(text[start...])
        value = parts[0].trimmingSpaces.lowercasedByBytes()
        var continuations: [String: [(Int, String, Bool)]] = [:]
        var parameters: [(name: String, value: String)] = []
        // Parameters are searched on their bytes too (`Character` searches were 4 %): `=`, `"` and `*` are ASCII.
        for part in parts.dropFirst() {
            guard let equals = part.utf8.firstIndex(of: UInt8(ascii: "=")) else { continue }
            var name = part[..<equals].trimmingSpaces.lowercasedByBytes()
            var raw = part[part.utf8.index(after: equals)...].trimmingSpaces
            if raw.utf8.count >= 2 && raw.utf8.first == UInt8(ascii: "\"") && raw.utf8.last == UInt8(ascii: "\"") {
                raw = String(raw.dropFirst().dropLast())
            }
            let extended = name.utf8.last == UInt8(ascii: "*")
            if extended { name.removeLast() }
            if let star = name.utf8.firstIndex(of: UInt8(ascii: "*")), let order = Int(name[name.utf8.index(after: star)...]) {
                continuations[String(name[..<star]), default: []].append((order, raw, extended))
            } else {
                parameters.append((name, extended ? Self.decodeExtended(raw, first: true) : EncodedWords.decode(raw)))
            }
        }
        for (name, pieces) in continuations {
            let sorted = pieces.sorted { $0.0 < $1.0 }
            var charset: String?
            var bytes: [UInt8] = []
            for (order, raw, extended) in sorted {
                if extended {
                    var payload = Substring(raw)
                    if order == 0, let split = Self.splitCharset(raw) { charset = split.charset; payload = split.rest }
                    bytes += Self.percentDecode(payload)
                } else {
                    bytes += Array(raw.utf8)
                }
            }
            parameters.append((name, CharsetDecoder.decode(bytes, charset: charset)))
        }
        self.parameters = parameters
    }

    var isMultipart: Bool { value.hasPrefix("multipart/") }
    var charset: String? { parameter("charset") }

    /// The parameter's value (its name in lower case).
    func parameter(_ name: String) -> String? { parameters.last { $0.name == name }?.value }

    private static func decodeExtended(_ raw: String, first: Bool) -> String {
        guard let split = splitCharset(raw) else { return raw }
        return CharsetDecoder.decode(percentDecode(split.rest), charset: split.charset)
    }

    /// `utf-8'es'%C3%A1` → (`utf-8`, `%C3%A1`).
    private static func splitCharset(_ raw: String) -> (charset: String, rest: Substring)? {
        let pieces = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        return (String(pieces[0]), pieces[2])
    }

    private static func percentDecode(_ text: Substring) -> [UInt8] {
        var output: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "%", let end = text.index(index, offsetBy: 3, limitedBy: text.endIndex),
               let byte = UInt8(text[text.index(after: index)..<end], radix: 16) {
                output.append(byte)
                index = end
            } else {
                output += Array(String(text[index]).utf8)
                index = text.index(after: index)
            }
        }
        return output
    }
}
