/// What voc detected about an XML export, shown by `voc inspect` and `voc ingest --verbose`.
public struct XMLInspection: Sendable {
    public var file: String
    public var recordPath: String
    public var recordPathSource: String
    /// Field names in first-seen order: `@attribute`, `child`, `#text`.
    public var fields: [String]
    public var mapping: ColumnMapping
    public var scales: SurveyScales
    public var declaredEntities: Int
}
