import Foundation

/// Finds the text a person wrote in a MIME message: walks nested multiparts (depth-limited), prefers text/plain in
/// `multipart/alternative` and falls back to HTML turned into text, decodes transfer encodings and charsets,
/// and skips attachments.
enum MIMEText {
    static let maximumDepth = 20

    struct Part {
        var text: String
        var isHTML: Bool
    }

    static func text(headers: MailHeaders, body: ArraySlice<UInt8>) -> String? {
        part(headers: headers, body: body, depth: 0)?.text
    }

    private static func part(headers: MailHeaders, body: ArraySlice<UInt8>, depth: Int) -> Part? {
        let type = MIMEContentType(headers.value("content-type"))
        let disposition = MIMEContentType(headers.value("content-disposition"))
        if disposition.value == "attachment" { return nil }
        if type.isMultipart {
            guard depth < maximumDepth, let boundary = type.parameter("boundary"), !boundary.isEmpty else {
                return nil
            }
            let parts = split(body, boundary: boundary).compactMap { raw -> Part? in
                let (partHeaders, offset) = raw.withUnsafeBufferPointer { MailHeaders.parse($0, isMessage: false) }
                return part(headers: partHeaders, body: raw.dropFirst(offset), depth: depth + 1)
            }
            if type.value == "multipart/alternative" {
                return parts.first { !$0.isHTML } ?? parts.first
            }
            // mixed, related, signed…: the first text part is the message (later ones are usually attachments).
            return parts.first
        }
        guard type.value.hasPrefix("text/") || type.value.isEmpty || headers.value("content-type") == nil else { return nil }
        let decoded = TransferDecoding.decode(body, encoding: headers.value("content-transfer-encoding"))
        if type.value == "text/html" {
            return Part(text: HTMLText.text(Array(decoded), charset: type.charset), isHTML: true)
        }
        guard type.value == "text/plain" || headers.value("content-type") == nil else { return nil }
        return Part(text: decoded.withUnsafeBufferPointer { CharsetDecoder.decode($0, charset: type.charset) }, isHTML: false)
    }

    /// The bodies between `--boundary` lines (the preamble and epilogue dropped).
    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let marker = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            var lineEnd = lineStart
            while lineEnd < body.endIndex, body[lineEnd] != 0x0A { lineEnd += 1 }
            let line = body[lineStart..<lineEnd]
            // `--boundary`, then `--` on the closing line, then only transport padding (RFC 2046 §5.1.1).
            if line.starts(with: marker),
               line.dropFirst(marker.count).drop(while: { $0 == UInt8(ascii: "-") }).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if let start = partStart {
                    var end = lineStart
                    if end > start, body[end - 1] == 0x0A { end -= 1 }
                    if end > start, body[end - 1] == 0x0D { end -= 1 }
                    parts.append(body[start..<end])
                }
                let isClosing = line.dropFirst(marker.count).starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                if isClosing { return parts }
                partStart = min(lineEnd + 1, body.endIndex)
            }
            lineStart = lineEnd + 1
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start..<body.endIndex]) }
        return parts
    }
}
