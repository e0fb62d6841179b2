import Dispatch
import Foundation
import Synchronization

/// A task executor with a thread of its own, which runs the jobs of the tasks that prefer it one after another.
///
/// Ingest keeps each stage on one thread as glibc's malloc gives each thread its own arena: the records of a stage
/// that hops between the pool's (or Dispatch's) threads are spread over several arenas, and the peak memory grows
/// (BENCHMARKS.md, "One ingest pipeline, async stores").
final class DedicatedThreadExecutor: TaskExecutor {
    private let jobs = Mutex<[UnownedJob]>([])
    private let ready = DispatchSemaphore(value: 0)

    /// Starts the thread; it lives as long as the process.
    init(name: String) {
        let thread = Thread { [self] in runJobs() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
        ready.signal()
    }

    private func runJobs() -> Never {
        while true {
            ready.wait()
            let job = jobs.withLock { $0.removeFirst() }
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
