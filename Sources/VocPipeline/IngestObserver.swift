public import VocCore
public import VocIngest

/// What an ingest tells its caller as it goes, from the ingesting task: the command line prints it, tests and the
/// server may ignore it.
public struct IngestObserver {
    /// A note about a file's column mapping (`RecordSource.mappingNotes`), worth showing on standard error.
    public var note: (_ file: String, _ text: String) -> Void
    /// How many records of a file have been read, after each batch.
    public var progress: (_ file: String, _ records: Int) -> Void
    /// A file read to its end, with what was detected in it.
    public var finished: (any RecordSource) -> Void
    /// A file that could not be read (or stored); the run goes on with the next file.
    public var failed: (_ file: String, _ error: VocError) -> Void

    public init(note: @escaping (String, String) -> Void = { _, _ in }, progress: @escaping (String, Int) -> Void = { _, _ in },
                finished: @escaping (any RecordSource) -> Void = { _ in }, failed: @escaping (String, VocError) -> Void = { _, _ in }) {
        self.note = note
        self.progress = progress
        self.finished = finished
        self.failed = failed
    }
}
