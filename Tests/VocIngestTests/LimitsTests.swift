import Foundation
import Testing
@testable import VocIngest
import VocCore
import VocTestSupport

/// Each limit, met by an oversized input: a clear report and the records around it kept, never a memory blow-up.
@Suite struct LimitsTests {
    @Test func xmlNestedBeyondTheDepthLimitStopsWithLineAndTheEarlierRecordsKept() throws {
        let deep = String(repeating: "<x>", count: XMLRecordReader.maximumDepth + 50) + String(repeating: "</x>", count: XMLRecordReader.maximumDepth + 50)
        let xml = """
            <?xml version="1.0"?>
            <responses>
            <response id="1" score="9" account="ACME"><comment>Muito bom</comment></response>
            <response id="2" score="3" account="ACME"><comment>\(deep)</comment></response>
            <response id="3" score="10" account="ACME"><comment>after</comment></response>
            </responses>
            """
        let result = try ingestXML(Fixtures.write(xml, name: "deep.xml"), recordPath: "responses/response")
        #expect(result.counts.isBalanced)
        #expect(result.events.compactMap(\.accepted).map(\.responseID) == ["1"])
        let refused = try #require(result.events.compactMap(\.quarantined).first)
        #expect(refused.detail.contains("deeper than \(XMLRecordReader.maximumDepth)"), "\(refused.detail)")
        #expect(refused.position.line == 4)
    }

    @Test func mimeNestedBeyondTheDepthLimitIsReadWithoutItsDeepestParts() throws {
        func nested(_ levels: Int) -> String {
            var body = "Content-Type: text/plain\n\nthe innermost words\n"
            for level in (0..<levels).reversed() {
                body = "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n\(body)--b\(level)--\n"
            }
            return "From a@b.c Mon Jan  1 00:00:00 2024\nFrom: a@example.com\nMessage-ID: <m\(levels)@x>\n" + body
        }
        let shallow = try ingestMail(Fixtures.write(nested(MIMEText.maximumDepth - 2), name: "shallow.mbox"))
        #expect(shallow.events.compactMap(\.accepted).first?.comment?.contains("the innermost words") == true)
        let deep = try ingestMail(Fixtures.write(nested(MIMEText.maximumDepth + 30), name: "deep.mbox"))
        #expect(deep.counts.isBalanced && deep.counts.read == 1)
        #expect(deep.events.compactMap(\.accepted).first?.comment?.contains("the innermost words") != true,
                "parts nested deeper than \(MIMEText.maximumDepth) levels are not read")
    }

    @Test func aSingleLineLongerThanTheMessageLimitIsQuarantinedAndTheNextMessageRead() throws {
        let line = String(repeating: "a", count: 3_000)
        let text = "From a@b.c Mon Jan  1 00:00:00 2024\nFrom: a@b.c\nSubject: one\n\n" + line
            + "\nFrom a@b.c Mon Jan  1 00:00:00 2024\nFrom: a@b.c\nSubject: two\n\nsecond\n"
        var reader = MboxReader(source: try FileDescriptorSource(path: Fixtures.write(text, name: "line.mbox")), isSingleMessage: false, maximumMessageBytes: 1_000)
        var messages: [MboxReader.Message] = []
        while let message = try reader.next() { messages.append(message) }
        #expect(messages.map(\.isTruncated) == [true, false])
        #expect(messages[0].bytes.count <= 1_000 + 65_536)
        #expect(String(decoding: messages[1].bytes, as: UTF8.self).contains("second"))
    }

    @Test func aFieldLargerThanTheRecordLimitIsQuarantinedWithItsLineAndReadingGoesOn() throws {
        let csv = "Response ID,Account ID,NPS,Comments\nR-1,ACME,9,fine\nR-2,ACME,3,\"" + String(repeating: "x", count: 2_000_000)
            + "\"\nR-3,ACME,10,great\n"
        var ingester = try SurveyCSVIngester(path: Fixtures.write(csv, name: "wide.csv"), vocabulary: vocabulary)
        var events: [IngestEvent] = []
        while let event = try ingester.next() { events.append(event) }
        #expect(ingester.counts.isBalanced)
        #expect(events.compactMap(\.accepted).map(\.responseID) == ["R-1", "R-3"])
        let refused = try #require(events.compactMap(\.quarantined).first)
        #expect(refused.reason == .recordTooLarge)
        #expect(refused.position.line == 3)
        #expect(refused.raw.count <= 1 << 20, "the quarantine keeps at most the limit, not the whole field")
    }
}
