public import VocCore

/// A quarantined record as reported by `voc quarantine`, the dashboard and the export: where it was and why.
/// Its raw text (customer data) is included only on request.
public struct QuarantineRow: Sendable, Encodable {
    public var type = "quarantined"
    public var file: String
    public var line: Int?
    public var byte: Int?
    public var record: Int?
    public var field: String?
    public var reason: String
    public var detail: String
    public var truncated: Bool
    public var raw: String?

    public init(_ entry: QuarantineEntry, showValues: Bool) {
        let record = entry.record
        file = record.position.file
        line = record.position.line
        byte = record.position.byte
        self.record = record.position.record
        field = record.position.field
        reason = record.reason.rawValue
        detail = record.detail
        truncated = record.isTruncated
        raw = showValues ? Self.printable(record.raw) : nil
    }

    /// The raw bytes as text: invalid UTF-8 shown as U+FFFD, line ends and controls escaped.
    static func printable(_ bytes: [UInt8]) -> String {
        var text = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value):
                text += "\\u{\(String(scalar.value, radix: 16))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
