/// What one file contributed to an ingest run, for the ingest log.
public struct IngestFileSummary: Sendable, Hashable {
    public var path: String
    public var format: String
    /// Detection results (dialect, encoding, delimiter), without customer text.
    public var detail: String
    public var counts: IngestCounts
    /// nil when the file was read to the end; otherwise why it stopped.
    public var error: String?

    public init(path: String, format: String, detail: String, counts: IngestCounts, error: String?) {
        self.path = path
        self.format = format
        self.detail = detail
        self.counts = counts
        self.error = error
    }

    public var status: FileStatus { error == nil ? .completed : .failed }
}
