import Foundation
import Testing
@testable import VocIngest
import VocCore

@Suite struct ReadAheadTests {
    /// Counts what the reader thread produced, read from the test's thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int { lock.withLock { value += 1; return value } }
        var current: Int { lock.withLock { value } }
    }

    @Test func itemsArriveInReadingOrderAcrossBatches() throws {
        let counter = Counter()
        let ahead = ReadAhead<Int>(batchSize: 7, depth: 2) { () throws(VocError) -> Int? in
            let next = counter.increment()
            return next <= 10_000 ? next : nil
        }
        var seen: [Int] = []
        while let item = try ahead.next() { seen.append(item) }
        #expect(seen == Array(1...10_000))
        #expect(try ahead.next() == nil, "the end stays the end")
    }

    @Test func theReadersErrorComesAfterTheItemsBeforeIt() {
        let counter = Counter()
        let ahead = ReadAhead<Int>(batchSize: 64, depth: 2) { () throws(VocError) -> Int? in
            let next = counter.increment()
            if next == 1_001 { throw VocError(.invalidInput, "broken at 1001", at: SourcePosition(file: "x.xml", line: 9)) }
            return next
        }
        var seen = 0
        do {
            while try ahead.next() != nil { seen += 1 }
            Issue.record("no error")
        } catch {
            #expect(error.message == "broken at 1001")
        }
        #expect(seen == 1_000)
        #expect(throws: VocError.self) { try ahead.next() }
    }

    @Test func wholeBatchesArriveInOrderThenTheReadersError() {
        let counter = Counter()
        let ahead = ReadAhead<Int>(depth: 2) { () throws(VocError) -> [Int]? in
            let batch = counter.increment()
            if batch == 11 { throw VocError(.invalidInput, "broken after batch 10", at: SourcePosition(file: "m.mbox")) }
            return Array(((batch - 1) * 100 + 1)...(batch * 100))
        }
        var seen: [Int] = []
        do {
            while let item = try ahead.next() { seen.append(item) }
            Issue.record("no error")
        } catch {
            #expect(error.message == "broken after batch 10")
        }
        #expect(seen == Array(1...1_000))
    }

    @Test func theReaderStaysABoundedDistanceAheadAndStopsWhenTheConsumerLeaves() throws {
        let counter = Counter()
        var ahead: ReadAhead<Int>? = ReadAhead<Int>(batchSize: 10, depth: 3) { () throws(VocError) -> Int? in counter.increment() }
        #expect(try ahead?.next() == 1)
        // One batch taken, `depth` queued, one being filled: never the endless input, however long we wait (the
        // bound holds on a slow machine as on a fast one; the waits only give the reader time to overrun it).
        Thread.sleep(forTimeInterval: 0.2)
        #expect(counter.current <= 10 * (3 + 2))
        ahead = nil
        // The consumer left: the reader stops where it was, within one more batch.
        Thread.sleep(forTimeInterval: 0.3)
        #expect(counter.current <= 10 * (3 + 3), "the reader thread stopped")
    }
}
