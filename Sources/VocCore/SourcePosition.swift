/// Where a record or an error sits in its input: file, physical line, byte offset and record ordinal.
///
/// `line` and `record` are 1-based; `record` counts data records after any header rows,
/// so `surveys.csv:812: record 811` is the 811th answer of a one-header export.
public struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var byte: Int?
    public var record: Int?
    /// A column or element name inside the record, when the position narrows to one field.
    public var field: String?

    public init(file: String, line: Int? = nil, byte: Int? = nil, record: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.byte = byte
        self.record = record
        self.field = field
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let record { text += ": record \(record)" }
        if let field { text += ": field '\(field)'" }
        return text
    }
}
