/// One CSV record: the unescaped bytes of all its fields back to back, plus each field's end offset.
/// The reader reuses one instance for every record, so scanning allocates nothing per record.
public struct CSVRecord: FieldRow, Sendable {
    public internal(set) var bytes: [UInt8] = []
    public internal(set) var ends: [Int] = []
    /// How many of the fields were enclosed in quotes.
    public internal(set) var quotedFieldCount = 0
    /// 1-based physical line on which the record starts.
    public internal(set) var line = 1
    /// Byte offset of the record's first byte in the (decoded) stream.
    public internal(set) var byteOffset = 0

    public init() {}

    /// True for a line with nothing on it.
    public var isBlankLine: Bool { ends.count == 1 && ends[0] == 0 && quotedFieldCount == 0 }

    /// True when every field is empty or spaces only (`,,,` rows left by spreadsheets).
    public var isAllEmpty: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        quotedFieldCount = 0
    }
}
