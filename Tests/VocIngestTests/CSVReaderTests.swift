import Testing
@testable import VocIngest
import VocCore

@Suite struct CSVReaderTests {
    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
        let items = try readAll(Array("a,b\n1,\"x, \"\"y\"\"\nz\"\n2,3\n".utf8))
        #expect(items == [
            .record(fields: ["a", "b"], line: 1),
            .record(fields: ["1", "x, \"y\"\nz"], line: 2),
            .record(fields: ["2", "3"], line: 4),
        ])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndingSeparatesRecords(_ lineEnd: String) throws {
        let items = try readAll(Array("a,b\(lineEnd)1,2\(lineEnd)3,4".utf8))
        #expect(items == [.record(fields: ["a", "b"], line: 1), .record(fields: ["1", "2"], line: 2), .record(fields: ["3", "4"], line: 3)])
    }

    @Test func trailingDelimiterMeansAnEmptyLastField() throws {
        #expect(try readAll(Array("a,b,\n".utf8)) == [.record(fields: ["a", "b", ""], line: 1)])
    }

    @Test func textAfterAClosingQuoteIsKept() throws {
        #expect(try readAll(Array("\"ab\"cd,e\n".utf8)) == [.record(fields: ["abcd", "e"], line: 1)])
    }

    @Test func unterminatedQuoteQuarantinesOneLineAndReadingResumes() throws {
        let items = try readAll(Array("a,b\n1,\"never closed\n2,3\n4,5\n".utf8))
        #expect(items == [
            .record(fields: ["a", "b"], line: 1),
            .malformed(.unterminatedQuote, line: 2, raw: "1,\"never closed\n"),
            .record(fields: ["2", "3"], line: 3),
            .record(fields: ["4", "5"], line: 4),
        ])
    }

    @Test func oversizedRecordIsQuarantinedWithoutGrowingTheBuffer() throws {
        let huge = String(repeating: "x", count: 10_000)
        let input = "a,b\n1,\"\(huge)\n\(huge)\"\n2,3\n"
        let items = try readAll(Array(input.utf8), chunkSizes: [4096], maximumRecordBytes: 4096)
        #expect(items.first == .record(fields: ["a", "b"], line: 1))
        #expect(items.last == .record(fields: ["2", "3"], line: 4))
        guard case .malformed(.recordTooLarge, let line, let raw) = items[1] else {
            Issue.record("expected the oversized record to be quarantined, got \(items[1])")
            return
        }
        #expect(line == 2)
        #expect(raw.utf8.count <= CSVReader.quarantinedPrefixLimit)
    }

    /// The reader must produce the same records however the input is cut into chunks.
    @Test func everySplitPointGivesTheSameRecords() throws {
        let input = Array("id,comment\r\n1,\"multi\r\nline, \"\"quoted\"\"\"\r\n2,plain\r3,\"\"\n4,\"a\"\"\"\n\n5,last".utf8)
        let expected = try readAll(input)
        #expect(expected.count == 7)
        for size in 1...input.count {
            #expect(try readAll(input, chunkSizes: [size]) == expected, "chunk size \(size)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let sizes = (0..<8).map { _ in Int.random(in: 1...9, using: &generator) }
            #expect(try readAll(input, chunkSizes: sizes) == expected, "chunk sizes \(sizes)")
        }
    }
}
