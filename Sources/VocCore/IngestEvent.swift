/// What an ingester says about each record it reads: exactly one event per record read.
public enum IngestEvent: Sendable {
    case accepted(FeedbackRecord)
    case quarantined(QuarantinedRecord)
    case skipped(SkipReason, SourcePosition)
    /// A message from the team (`voc ingest --team-domain`): not feedback, counted as skipped, kept for threading.
    case teamMessage(MailEnvelope, SourcePosition)
}
