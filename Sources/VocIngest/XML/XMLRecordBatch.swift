/// Records read from an XML export in one go by `XMLRecordReader`, their fields' text kept one after another in one
/// buffer. Handed over whole, so that a record costs no allocation or reference count of its own (as a value of two
/// array slices per record, sealed on the reader thread and copied out on the consumer's, would).
struct XMLRecordBatch: Sendable {
    /// A field: the id of its name (`@attribute`, `child`, `#text`; see `newNames`) and where its text is in `text`.
    struct Field: Sendable {
        var name: Int32
        var range: Range<Int>
    }

    /// A record: its fields in first-seen order, its text, and the line it starts on.
    struct Record: Sendable {
        var fields: Range<Int>
        var text: Range<Int>
        var line: Int
        /// Over the size limit: the rest of its text was dropped (it is then quarantined, not accepted).
        var isTruncated = false
    }

    /// Where and why the document is not well-formed (or breaks a limit).
    typealias Failure = (line: Int, column: Int, message: String)

    /// The field names first met in this batch, numbered on from the earlier batches' (ids start at 0).
    var newNames: [String] = []
    var text: [UInt8] = []
    var fields: [Field] = []
    var records: [Record] = []
    /// The document turns out malformed after these records; reading stops here.
    var failure: Failure?

    /// The text of a field.
    func value(of field: Field) -> ArraySlice<UInt8> { text[field.range] }
}
