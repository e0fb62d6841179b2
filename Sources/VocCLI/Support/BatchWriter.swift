import Dispatch
import Synchronization
import VocCore
import VocStore

/// Writes batches to the store on its own thread while the caller reads and scores the next one: a two-stage
/// pipeline with at most two batches in flight (one being written, one being read and scored), so memory stays flat.
/// Batches are written in the order submitted, each in its own transaction, exactly as a single thread would write
/// them.
///
/// Measured on the 600k-row benchmark file (release, 2 cores): the store's writes are the longest stage, and
/// overlapping them with reading and scoring took ingest from 31 s to 23 s (BENCHMARKS.md). A second queued batch
/// bought no speed once scoring got faster than writing, and took the peak on a 1 GB input to 99.6 MB (85.7 MB
/// without it).
final class BatchWriter: @unchecked Sendable {
    private let store: any FeedbackStore
    private let run: Int64
    private let queue = DispatchQueue(label: "voc.ingest.writer")
    private let slots = DispatchSemaphore(value: 1)
    /// The first write error, and how many records the writes found already stored; touched under the lock only.
    private let state = Mutex<(error: VocError?, alreadyStored: Int)>((nil, 0))
    /// The last batch written, freed at the next submission by the submitting thread rather than by the writer.
    /// Records are allocated on the reading and scoring threads; freed on the writer's, each free could wait for the
    /// allocating thread's malloc arena lock (600k-row ingest: 12.1-12.6k → 1.3-1.4k voluntary context switches,
    /// 6.10 → 5.92 s of CPU).
    private let written = Mutex<[FeedbackRecord]>([])

    init(store: any FeedbackStore, run: Int64) {
        self.store = store
        self.run = run
    }

    /// Queues a batch (waiting while one is being written); throws the first error of an earlier write, if any.
    func submit(records: [FeedbackRecord], quarantined: [QuarantinedRecord]) throws(VocError) {
        if let error = state.withLock({ $0.error }) { throw error }
        slots.wait()
        var spent: [FeedbackRecord] = []
        written.withLock { swap(&spent, &$0) }
        spent.removeAll()
        queue.async { [self] in
            defer {
                written.withLock { $0 = records }
                slots.signal()
            }
            guard state.withLock({ $0.error == nil }) else { return }
            do throws(VocError) {
                let already = try store.insert(records: records, quarantined: quarantined, run: run)
                state.withLock { $0.alreadyStored += already }
            } catch {
                state.withLock { $0.error = error }
            }
        }
    }

    /// Waits for every queued batch; returns how many records were already stored, or throws the first write error.
    func finish() throws(VocError) -> Int {
        queue.sync {}
        let (error, alreadyStored) = state.withLock { $0 }
        if let error { throw error }
        return alreadyStored
    }
}
