/// How an ingest run ended, as its log records it.
public enum RunStatus: String, Sendable, Hashable, CaseIterable {
    /// Started and not (yet) finished; a run whose process died stays here.
    case running
    /// Every file was read to its end.
    case completed
    /// At least one file could not be read; the others were.
    case completedWithErrors = "completed-with-errors"
}

/// How one file of an ingest run ended.
public enum FileStatus: String, Sendable, Hashable, CaseIterable {
    case completed
    case failed
}
