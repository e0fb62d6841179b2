import Dispatch

/// Spreads work over threads in contiguous shares: thread `t` of `n` takes the `t`-th `n`th of the elements, in order.
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
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in (thread * count / threads)..<((thread + 1) * count / threads) { body(index) }
        }
    }
}

/// A buffer shared by the threads of one `ContiguousShares` run, each touching only its own indices.
private struct SharedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
