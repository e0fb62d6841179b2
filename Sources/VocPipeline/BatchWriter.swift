import VocCore
import VocStore

/// Writes batches to the store in a task of their own while the caller reads and scores the next one: a two-stage
/// pipeline with at most two batches in flight (one being written, one being read and scored), so memory stays flat.
/// Batches are written in the order submitted, each in its own transaction, exactly as one task would write them.
///
/// The store's writes are the longest stage of an ingest; a second queued batch bought no speed and raised the peak
/// memory (BENCHMARKS.md).
struct BatchWriter {
    private let store: any FeedbackStore
    private let run: Int64
    /// The batch being written. It hands its records back, so that they are freed by the submitting task, on the
    /// thread that allocated them: freed by the writer, each free could wait for that thread's malloc arena lock.
    private var writing: Task<(Result<Int, VocError>, [FeedbackRecord]), Never>?
    private var alreadyStored = 0
    /// Writes run on one thread of their own: SQLite's inserts are blocking calls that would otherwise hold a thread
    /// of the Swift concurrency pool.
    private static let writerThread = DedicatedThreadExecutor(name: "voc.ingest.writer")

    init(store: any FeedbackStore, run: Int64) {
        self.store = store
        self.run = run
    }

    /// Starts writing a batch once the previous one is written; throws the previous one's error, if any.
    mutating func submit(records: [FeedbackRecord], quarantined: [QuarantinedRecord], mail: [MailEnvelope]) async throws(VocError) {
        try await waitForWrite()
        let (store, run) = (store, run)
        writing = Task(executorPreference: Self.writerThread) {
            do throws(VocError) {
                return (.success(try await store.insert(records: records, quarantined: quarantined, mail: mail, run: run)), records)
            } catch {
                return (.failure(error), records)
            }
        }
    }

    /// Waits for the last batch; returns how many records the batches found already stored, or throws a write error.
    mutating func finish() async throws(VocError) -> Int {
        try await waitForWrite()
        return alreadyStored
    }

    private mutating func waitForWrite() async throws(VocError) {
        guard let task = writing else { return }
        writing = nil
        let (result, written) = await task.value
        withExtendedLifetime(written) {}  // the records are released here, by this task
        alreadyStored += try result.get()
    }
}
