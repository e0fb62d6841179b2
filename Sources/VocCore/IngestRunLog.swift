public import Foundation

/// One `voc ingest` run as the store's ingest log tells it: when, what, how it ended, which files it finished, and
/// what it stored. A run killed midway has no end and lists only the files it completed; its stored batches are
/// whole (each is one transaction), and rerunning the same command stores the rest.
public struct IngestRunLog: Sendable, Hashable {
    public var id: Int64
    public var command: String
    public var startedAt: Date
    /// nil while running, or when the process died before finishing.
    public var finishedAt: Date?
    public var status: RunStatus
    /// The files read to the end or stopped by an error, in the order they finished.
    public var files: [IngestFileSummary]
    /// Records and quarantined records that this run stored (not those it found already stored).
    public var storedRecords: Int
    public var storedQuarantined: Int

    public init(id: Int64, command: String, startedAt: Date, finishedAt: Date?, status: RunStatus, files: [IngestFileSummary],
                storedRecords: Int, storedQuarantined: Int) {
        self.id = id
        self.command = command
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.files = files
        self.storedRecords = storedRecords
        self.storedQuarantined = storedQuarantined
    }
}
