import Foundation
import VocCore

/// Runs a reader on its own thread, at most `depth` batches of `batchSize` items ahead of the consumer, and hands
/// the items out in the order read. Parsing then overlaps with what the consumer does with each item (mapping,
/// scoring, storing) on the second core, while memory stays bounded by the queue. A reader error arrives after the
/// items read before it; when the consumer goes away early, the reader thread stops at its next batch.
final class ReadAhead<Item: Sendable> {
    private enum Delivery: Sendable {
        case items([Item])
        case end(VocError?)
    }

    /// The hand-off between the two threads, guarded by one condition.
    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private var deliveries: [Delivery] = []
        private var ended: Delivery?
        private var cancelled = false
        private let depth: Int

        init(depth: Int) { self.depth = depth }

        /// Waits for room; false when the consumer is gone.
        func put(_ delivery: Delivery) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while deliveries.count >= depth && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            deliveries.append(delivery)
            condition.broadcast()
            return true
        }

        /// Waits for the next delivery; the end, once reached, is returned again on every later call.
        func take() -> Delivery {
            condition.lock()
            defer { condition.unlock() }
            if let ended { return ended }
            while deliveries.isEmpty { condition.wait() }
            let delivery = deliveries.removeFirst()
            if case .end = delivery { ended = delivery }
            condition.broadcast()
            return delivery
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }

    private let channel: Channel
    private var batch: [Item] = []
    private var index = 0

    /// Starts reading at once, `batchSize` items to a hand-over. `read` is called on the reader thread only, from now
    /// on, and not again once it returned nil or threw.
    convenience init(batchSize: Int = 512, depth: Int = 4, read: @escaping () throws(VocError) -> Item?) {
        var ended = false
        /// An error met while filling a batch, thrown once the items before it are handed over.
        var pendingError: VocError?
        self.init(depth: depth) { () throws(VocError) -> [Item]? in
            if let error = pendingError {
                pendingError = nil
                throw error
            }
            guard !ended else { return nil }
            var items: [Item] = []
            items.reserveCapacity(batchSize)
            do throws(VocError) {
                while items.count < batchSize {
                    guard let item = try read() else {
                        ended = true
                        break
                    }
                    items.append(item)
                }
            } catch {
                ended = true
                guard !items.isEmpty else { throw error }
                pendingError = error
            }
            return items.isEmpty ? nil : items
        }
    }

    /// Starts reading at once, a batch at a time: for a reader that already produces batches, which are handed
    /// over whole (nil at the end). `readBatch` is called on the reader thread only, from now on.
    init(depth: Int = 4, readBatch: @escaping () throws(VocError) -> [Item]?) {
        let channel = Channel(depth: depth)
        self.channel = channel
        nonisolated(unsafe) let readBatch = readBatch
        Thread {
            do throws(VocError) {
                while let items = try readBatch() {
                    guard channel.put(.items(items)) else { return }
                }
                _ = channel.put(.end(nil))
            } catch {
                _ = channel.put(.end(error))
            }
        }.start()
    }

    deinit { channel.cancel() }

    /// The next item in reading order, nil at the end; rethrows the reader's error after the items before it.
    func next() throws(VocError) -> Item? {
        while index == batch.count {
            switch channel.take() {
            case .items(let items):
                batch = items
                index = 0
            case .end(let error?):
                throw error
            case .end(nil):
                return nil
            }
        }
        defer { index += 1 }
        return batch[index]
    }
}
