import Dispatch
import Synchronization

/// Spreads work over threads in contiguous chunks of the elements, each thread taking the next chunk when it is free.
/// Every element is handled on its own, so the result is the same whatever the number of threads.
public enum ContiguousShares {
    /// Calls `body` with every element, on up to `jobs` threads, none with fewer than `minimumShare` elements.
    public static func update<Element>(_ elements: inout [Element], jobs: Int, minimumShare: Int = 1, _ body: @Sendable (inout Element) -> Void) {
        elements.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedBuffer(buffer)
            run(count: buffer.count, jobs: jobs, minimumShare: minimumShare) { index in body(&shared.buffer[index]) }
        }
    }

    /// `elements.map(transform)`, computed on up to `jobs` threads, none with fewer than `minimumShare` elements.
    public static func map<Element, Result>(_ elements: [Element], jobs: Int, minimumShare: Int = 1, _ transform: @Sendable (Element) -> Result) -> [Result] {
        Array(unsafeUninitializedCapacity: elements.count) { output, initialized in
            elements.withUnsafeBufferPointer { input in
                let shared = SharedBuffer(output)
                let source = SharedBuffer(UnsafeMutableBufferPointer(mutating: input))
                run(count: input.count, jobs: jobs, minimumShare: minimumShare) { index in
                    (shared.buffer.baseAddress! + index).initialize(to: transform(source.buffer[index]))
                }
            }
            initialized = elements.count
        }
    }

    private static func run(count: Int, jobs: Int, minimumShare: Int, _ body: @Sendable (Int) -> Void) {
        let threads = max(1, min(jobs, count / max(1, minimumShare)))
        guard threads > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        // Eight contiguous chunks per thread, taken in turn by whichever thread is free: with one fixed share per
        // thread, a thread that lost its core to another one (the reader's, the writer's) held up the whole batch,
        // and `voc inspect m.mbox` used 1.5 of 2 cores.
        let chunks = min(threads * 8, max(threads, count / max(1, minimumShare)))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while case let chunk = next.add(1, ordering: .relaxed).oldValue, chunk < chunks {
                for index in (chunk * count / chunks)..<((chunk + 1) * count / chunks) { body(index) }
            }
        }
    }
}

/// A buffer shared by the threads of one `ContiguousShares` run, each touching only its own indices.
private struct SharedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
