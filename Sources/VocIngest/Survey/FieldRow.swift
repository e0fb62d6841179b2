/// A row of fields as the survey mapper reads it: the fields' bytes back to back, and where each ends. A CSV record is
/// one (`CSVRecord`); so is an XML record's fields put in column order (`XMLFieldRow`).
public protocol FieldRow {
    var bytes: [UInt8] { get }
    var ends: [Int] { get }
}

extension FieldRow {
    public var count: Int { ends.count }

    public func range(of field: Int) -> Range<Int> {
        (field == 0 ? 0 : ends[field - 1])..<ends[field]
    }

    /// Calls `body` with the bytes of one field.
    public func withField<R>(_ field: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let range = range(of: field)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    public func isEmpty(_ field: Int) -> Bool { range(of: field).isEmpty }
}

/// An XML record's fields in the order of the columns they map to (an absent field is empty).
struct XMLFieldRow: FieldRow {
    var bytes: [UInt8] = []
    var ends: [Int] = []
}
