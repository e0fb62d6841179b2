import Testing
@testable import VocIngest
import VocCore
import VocTestSupport

@Suite struct EncodingTests {
    /// Every one- and two-byte sequence, every three-byte sequence with a multi-byte lead, and four-byte sequences
    /// around each boundary: valid exactly when the standard library's validator says so.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        func agrees(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == (String(validating: bytes, as: UTF8.self) != nil)
        }
        var disagreements: [[UInt8]] = []
        for first in 0...255 {
            let one = [UInt8(first)]
            if !agrees(one) { disagreements.append(one) }
            for second in 0...255 where !agrees(one + [UInt8(second)]) { disagreements.append(one + [UInt8(second)]) }
        }
        for first in 0xE0...0xEF {
            for second in 0...255 {
                for third in stride(from: 0, through: 255, by: 1) {
                    let bytes = [UInt8(first), UInt8(second), UInt8(third)]
                    if !agrees(bytes) { disagreements.append(bytes) }
                }
            }
        }
        let edges: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        for first in 0xF0...0xF7 {
            for second in edges {
                for third in edges {
                    for fourth in edges where !agrees([UInt8(first), second, third, fourth]) {
                        disagreements.append([UInt8(first), second, third, fourth])
                    }
                }
            }
        }
        #expect(disagreements.isEmpty)
        #expect(UTF8Validation.string(Array("ñandú ação 😀".utf8)) == "ñandú ação 😀")
        #expect(UTF8Validation.string([0x61, 0xE9, 0x62]) == nil)
    }

    @Test func byteOrderMarksDecideTheEncoding() {
        #expect(EncodingSniff.sniff([0xEF, 0xBB, 0xBF, 0x61]) == EncodingSniff(encoding: .utf8, byteOrderMarkLength: 3))
        #expect(EncodingSniff.sniff([0xFF, 0xFE, 0x61, 0x00]) == EncodingSniff(encoding: .utf16LittleEndian, byteOrderMarkLength: 2))
        #expect(EncodingSniff.sniff([0xFE, 0xFF, 0x00, 0x61]) == EncodingSniff(encoding: .utf16BigEndian, byteOrderMarkLength: 2))
    }

    @Test func utf16WithoutAMarkIsRecognizedByItsNULs() {
        let bytes = Array("id,nps\n1,9\n2,10\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(EncodingSniff.sniff(bytes).encoding == .utf16LittleEndian)
    }

    @Test func aSampleCutInsideAUTF8CharacterIsStillUTF8() {
        let bytes = Array("ação".utf8)
        #expect(EncodingSniff.sniff(Array(bytes.dropLast())).encoding == .utf8)
    }

    @Test func latin1LabelledDataIsReadAsWindows1252() throws {
        #expect(TextEncoding(label: "ISO-8859-1") == .windows1252)
        let bytes: [UInt8] = Array("id,comment\n1,".utf8) + [0x93, 0x4F, 0x6B, 0x94, 0x20, 0x80, 0x35, 0x20, 0xE9] + Array("\n".utf8)
        let result = try ingest(Fixtures.write(bytes))
        #expect(result.inspection.encoding == .windows1252)
        #expect(result.accepted.first?.comment == "“Ok” €5 é")
    }

    @Test func encodingIsSettledAtTheFirstNonASCIIRecordBeyondTheSample() throws {
        var text = "id,comment\n"
        for index in 0..<5000 { text += "\(index),plain ascii comment number \(index)\n" }
        let bytes = Array(text.utf8) + Array("5000,".utf8) + [0xE9, 0x0A]
        let result = try ingest(Fixtures.write(bytes))
        #expect(bytes.count > DelimitedTextFile.sniffLength)
        #expect(result.inspection.encoding == .windows1252)
        #expect(result.accepted.last?.comment == "é")
    }

    @Test func invalidUTF8InAUTF8FileIsQuarantinedNamingTheField() throws {
        let bytes = Array("id,comment\n1,olá\n2,".utf8) + [0xC3, 0x28] + Array("\n3,fine\n".utf8)
        let result = try ingest(Fixtures.write(bytes))
        #expect(result.counts.accepted == 2)
        #expect(result.quarantined.map(\.reason) == [.invalidEncoding])
        #expect(result.quarantined.first?.position.field == "comment")
        #expect(result.quarantined.first?.position.line == 3)
    }

    @Test func nulBytesAreQuarantined() throws {
        let result = try ingest(Fixtures.write(Array("a,NPS\n".utf8) + [0x00] + Array(",9\nb,8\n".utf8)))
        #expect(result.quarantined.map(\.reason) == [.nulByte])
        #expect(result.counts.accepted == 1)
    }
}
