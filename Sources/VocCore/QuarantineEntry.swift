/// A quarantined record as stored, with the run that found it.
public struct QuarantineEntry: Sendable, Hashable {
    public var record: QuarantinedRecord
    public var runID: Int64

    public init(record: QuarantinedRecord, runID: Int64) {
        self.record = record
        self.runID = runID
    }
}
