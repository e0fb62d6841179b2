/// What an ingester says about each record it reads: exactly one event per record read.
public enum IngestEvent: Sendable {
    case accepted(FeedbackRecord)
    case quarantined(QuarantinedRecord)
    case skipped(SkipReason, SourcePosition)
}
