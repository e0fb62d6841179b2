import VocCore

/// How to read a survey export; every field has a sensible default, detection fills the rest.
public struct SurveyCSVOptions: Sendable {
    public var overrides = ColumnOverrides()
    /// Forces the encoding instead of sniffing it.
    public var encoding: TextEncoding?
    /// Forces the delimiter instead of sniffing it.
    public var delimiter: UInt8?
    /// A record longer than this is quarantined instead of growing memory.
    public var maximumRecordBytes = 1 << 20
    /// The name used in positions and keys' provenance (defaults to the path).
    public var displayName: String?
    public var chunkSize = CSVReader.defaultChunkSize

    public init() {}
}
