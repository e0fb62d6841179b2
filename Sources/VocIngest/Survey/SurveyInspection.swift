import VocCore

/// What voc detected about a survey export, shown by `voc inspect` and `voc ingest --verbose`.
public struct SurveyInspection: Sendable {
    public var file: String
    public var dialect: SurveyDialect
    public var dialectExplanation: String
    public var delimiter: UInt8
    /// The encoding in use; `nil` while the file has shown only ASCII.
    public var encoding: TextEncoding?
    public var encodingSource: String
    public var hadByteOrderMark: Bool
    public var headerRowCount: Int
    public var columns: [String]
    public var mapping: ColumnMapping
    public var scales: SurveyScales
    public var dateOrder: DateOrder
    public var dateOrderSource: String
    /// The zone of times written without one, when the export states it (Qualtrics); nil means UTC.
    public var timeZone: String?

    /// `,` `;` `TAB` or `|`, printable.
    public var delimiterName: String {
        delimiter == UInt8(ascii: "\t") ? "TAB" : String(UnicodeScalar(delimiter))
    }
}
