/// Why a record was not accepted. The raw value is stable: it is stored and printed in machine output.
public enum QuarantineReason: String, Sendable, Hashable, Codable, CaseIterable {
    case raggedRow = "ragged-row"
    case unterminatedQuote = "unterminated-quote"
    case recordTooLarge = "record-too-large"
    case invalidEncoding = "invalid-encoding"
    case nulByte = "nul-byte"
    case scoreOutOfScale = "score-out-of-scale"
    case nonIntegerScore = "non-integer-score"
    case unparseableDate = "unparseable-date"
    case missingHeader = "missing-header"
    case malformedDocument = "malformed-document"

    /// A short human explanation, never containing customer text.
    public var summary: String {
        switch self {
        case .raggedRow: "row has a different number of fields than the header"
        case .unterminatedQuote: "quoted field is never closed"
        case .recordTooLarge: "record exceeds the maximum record size"
        case .invalidEncoding: "bytes are not valid in the file's encoding"
        case .nulByte: "field contains a NUL byte"
        case .scoreOutOfScale: "score is outside the question's scale"
        case .nonIntegerScore: "score is not a whole number"
        case .unparseableDate: "date cannot be parsed"
        case .missingHeader: "file ends before its header rows are complete"
        case .malformedDocument: "the document is not well-formed from here on"
        }
    }
}

/// Why a record was read but deliberately not kept (neither accepted nor an error).
public enum SkipReason: String, Sendable, Hashable, Codable, CaseIterable {
    case blankLine = "blank-line"
    case emptyRow = "empty-row"
    /// An automatic reply (Auto-Submitted, X-Autoreply, vacation notices): not customer feedback.
    case autoReply = "auto-reply"
    /// A delivery-failure report (mailer-daemon, multipart/report).
    case bounce
}
