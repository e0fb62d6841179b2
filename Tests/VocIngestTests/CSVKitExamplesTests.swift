import Foundation
import Testing
@testable import VocIngest
import VocCore
import VocTestSupport

/// Every csvkit example file: nothing crashes, every record is accounted for, and the known edge cases read right.
@Suite struct CSVKitExamplesTests {
    static let files = Fixtures.sharedFiles("parsing_suites/csvkit_examples", extensions: ["csv", "tsv"])

    @Test(.enabled(if: !files.isEmpty, "../shared/corpora is absent"), arguments: files)
    func everyRecordIsAccountedFor(_ file: URL) throws {
        let result = try ingest(file.path)
        #expect(result.counts.isBalanced)
        #expect(result.counts.read == result.accepted.count + result.quarantined.count + result.skipped.count)
        for record in result.quarantined {
            #expect(!record.raw.isEmpty, "a quarantined record keeps its bytes")
        }
    }

    @Test(.enabled(if: !files.isEmpty, "../shared/corpora is absent"))
    func knownEdgeCases() throws {
        func path(_ name: String) -> String { Fixtures.sharedCorpora!.appendingPathComponent("parsing_suites/csvkit_examples/\(name)").path }
        let macNewlines = try ingest(path("mac_newlines.csv"))
        #expect(macNewlines.counts.read == 2)
        #expect(macNewlines.inspection.columns == ["a", "b", "c"])
        let big = try ingest(path("test_utf16_big.csv"))
        let little = try ingest(path("test_utf16_little.csv"))
        #expect(big.inspection.columns == little.inspection.columns)
        #expect(big.counts == little.counts)
        #expect(big.counts.read > 0)
        let latin1 = try ingest(path("test_latin1.csv"))
        #expect(latin1.inspection.encoding == .windows1252)
        let bom = try ingest(path("test_utf8_bom.csv"))
        #expect(bom.inspection.hadByteOrderMark)
        #expect(bom.inspection.columns.first?.unicodeScalars.first != "\u{FEFF}")
        let nul = try ingest(path("null_byte.csv"))
        #expect(nul.quarantined.map(\.reason) == [.nulByte])
        let bad = try ingest(path("bad.csv"))
        #expect(bad.quarantined.map(\.reason) == [.raggedRow, .raggedRow])
        let empty = try ingest(path("empty.csv"))
        #expect(empty.counts.read == 0)
    }
}
