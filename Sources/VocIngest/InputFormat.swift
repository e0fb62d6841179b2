import Foundation
public import VocCore

/// The kinds of input voc reads, recognized from their first bytes rather than their file names.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv, xml, mbox, eml

    /// Sniffs a file: `<` → XML, `From ` → mbox, RFC 5322 header lines → one e-mail, anything else → CSV.
    public static func sniff(path: String) throws(VocError) -> InputFormat {
        if path == "-" { return .csv }
        var source = try FileDescriptorSource(path: path)
        var head = try readPrefix(of: &source, count: 4096)
        if let container = ContainerFormat(magic: head) {
            throw VocError(.invalidInput, "\(container.name), not a text export: \(container.advice)", at: SourcePosition(file: path))
        }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        let text = String(decoding: head.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }, as: UTF8.self)
        if text.hasPrefix("<") { return .xml }
        if text.hasPrefix("From ") { return .mbox }
        if startsWithHeaderBlock(head) { return .eml }
        return .csv
    }

    /// Header names that every kind of message starts with; one of them must be present to call a file an e-mail.
    private static let messageHeaders: Set<String> = [
        "from", "to", "cc", "date", "subject", "message-id", "mime-version", "content-type", "content-transfer-encoding",
        "received", "return-path", "delivered-to", "reply-to", "in-reply-to", "references", "sender",
    ]

    /// Whether `head` starts with RFC 5322 header fields (continuation lines allowed, one garbled first line tolerated)
    /// up to a blank line or the end of the sample, and at least one of them is a message header (or an `X-` one).
    static func startsWithHeaderBlock(_ head: [UInt8]) -> Bool {
        var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false)
        if !lines.isEmpty && head.count >= 4096 { lines.removeLast() }  // cut by the sample
        var sawMessageHeader = false
        for (index, rawLine) in lines.enumerated() {
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            if line.isEmpty { break }
            if line.first == 0x20 || line.first == 0x09 { if index > 0 { continue } else { return false } }
            guard let colon = MailHeaders.fieldNameEnd(line) else {
                if index == 0 { continue }
                return false
            }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            if messageHeaders.contains(name) || name.hasPrefix("x-") { sawMessageHeader = true }
        }
        return sawMessageHeader
    }
}
