import Foundation
import Testing
@testable import VocIngest
import VocCore
import VocTestSupport

func ingestXML(_ path: String, recordPath: String? = nil) throws -> (inspection: XMLInspection, counts: IngestCounts, events: [IngestEvent]) {
    var ingester = try XMLIngester(path: path, recordPath: recordPath, vocabulary: vocabulary)
    var events: [IngestEvent] = []
    while let event = try ingester.next() { events.append(event) }
    return (ingester.inspection, ingester.counts, events)
}

extension IngestEvent {
    var accepted: FeedbackRecord? { if case .accepted(let record) = self { record } else { nil } }
    var quarantined: QuarantinedRecord? { if case .quarantined(let record) = self { record } else { nil } }
}

@Suite struct XMLIngesterTests {
    @Test func sampleExportMapsAttributesAndChildrenLikeACSV() throws {
        let result = try ingestXML(Fixtures.corpora.appendingPathComponent("xml/responses_es_pt.xml").path)
        #expect(result.inspection.recordPath == "responses/response")
        #expect(result.counts.read == 6)
        #expect(result.counts.accepted == 4)
        #expect(result.events.compactMap(\.quarantined).map(\.reason) == [.nonIntegerScore, .unparseableDate])
        let records = result.events.compactMap(\.accepted)
        #expect(records.first?.responseID == "x-001")
        #expect(records.first?.channel == .xml)
        #expect(records.first?.accountID == "GX-3003")
        #expect(records.first?.submittedAt == Date(timeIntervalSince1970: 1_709_284_522))
        #expect(records[1].comment == "La facturación es un desastre & nos cobraron dos veces <otra vez>.", "CDATA is kept as text")
        #expect(records[2].comment == "Muito bom, \"nota dez\" para a equipe de implantação.", "entities decoded, mixed content flattened")
        #expect(records[2].language == "pt")
        #expect(result.events.compactMap(\.quarantined).map(\.position.line) == [22, 33])
    }

    /// Text directly inside a record is its `#text` field, placed where first seen (field order shapes the key of
    /// records without an id, so it must not move); white space between fields is not text; words in nested
    /// elements are separated by one space (text of their own is kept as is); an attribute-only record is a record.
    @Test func directTextNestedWordsAndFieldOrderAreKept() throws {
        let path = Fixtures.write("""
            <export>
              <item score="9">Fast   onboarding<note>ok</note> and more<comment><p>great</p><p>team</p></comment></item>
              <item score="3">
                <comment>slow<b> </b>support</comment>
              </item>
              <item score="10"/>
            </export>
            """, name: "mixed.xml")
        let reader = try XMLRecordReader(path: path, recordPath: ["export", "item"], guardian: XMLEntityGuard(prologue: [], head: [], file: path),
                                         maximumRecordBytes: 1 << 20)
        var fields: [[String]] = []
        var names: [String] = []
        while let batch = try reader.nextBatch(maximumRecords: 2) {
            names += batch.newNames
            for record in batch.records {
                fields.append(batch.fields[record.fields].map { "\(names[Int($0.name)])=" + String(decoding: batch.value(of: $0), as: UTF8.self) })
            }
        }
        #expect(fields == [["@score=9", "#text=Fast   onboarding and more", "note=ok", "comment=great team"],
                           ["@score=3", "comment=slow  support"],
                           ["@score=10"]])
    }

    @Test func aGivenRecordPathWins() throws {
        let result = try ingestXML(Fixtures.corpora.appendingPathComponent("xml/responses_es_pt.xml").path, recordPath: "responses/response/email")
        #expect(result.inspection.recordPath == "responses/response/email")
        #expect(result.counts.read == 5)
    }

    @Test func entityBombsAreRefusedFastNamingTheEntity() throws {
        let bomb = Fixtures.write("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
            <!ENTITY lol "lol">
            <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            ]>
            <lolz><row>&lol5;</row><row>&lol5;</row></lolz>
            """, name: "bomb.xml")
        let error = try #require(throws: VocError.self) { try ingestXML(bomb) }
        #expect(error.description.contains("entity-expansion attack"))
    }

    @Test func smallInternalEntitiesAreExpanded() throws {
        let path = Fixtures.write("""
            <!DOCTYPE r [ <!ENTITY co "Acme Corp"> <!ENTITY team "the &co; team"> ]>
            <r><response id="1"><comment>Thanks to &team;!</comment></response><response id="2"><comment>ok</comment></response></r>
            """, name: "entities.xml")
        let result = try ingestXML(path)
        #expect(result.events.first?.accepted?.comment == "Thanks to the Acme Corp team!")
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let secret = Fixtures.write("TOP SECRET", name: "secret.txt")
        let path = Fixtures.write("""
            <!DOCTYPE r [ <!ENTITY leak SYSTEM "file://\(secret)"> ]>
            <r><response id="1"><comment>a &leak; b</comment></response><response id="2"><comment>c</comment></response></r>
            """, name: "external.xml")
        let result = try ingestXML(path)
        #expect(result.events.first?.accepted?.comment?.contains("SECRET") == false)
    }

    @Test func aMalformedRecordIsQuarantinedWithItsLineAndTheOthersAreKept() throws {
        let path = Fixtures.write("""
            <responses>
              <response id="1"><comment>fine</comment></response>
              <response id="2"><comment>also fine</comment></response>
              <response id="3"><comment>broken</wrong></response>
              <response id="4"><comment>never read</comment></response>
            </responses>
            """, name: "broken.xml")
        let result = try ingestXML(path, recordPath: "responses/response")
        #expect(result.events.compactMap(\.accepted).map(\.responseID).prefix(2) == ["1", "2"])
        let error = try #require(result.events.compactMap(\.quarantined).first)
        #expect(error.reason == .malformedDocument)
        #expect(error.position.line == 4)
        #expect(error.detail.contains("column"))
        #expect(result.counts.isBalanced)
    }

    /// Records are read in batches on a thread of their own: a malformed record far past the first batches still
    /// comes after every record before it, at its line.
    @Test func aMalformedRecordAfterManyBatchesKeepsEveryRecordBeforeIt() throws {
        let good = (1...1_700).map { "  <response id=\"\($0)\"><comment>fine \($0)</comment></response>" }
        let path = Fixtures.write((["<responses>"] + good + ["  <response id=\"x\"><comment>broken</wrong></response>",
                                                             "  <response id=\"y\"><comment>never read</comment></response>", "</responses>"])
                                      .joined(separator: "\n"), name: "late-break.xml")
        let result = try ingestXML(path, recordPath: "responses/response")
        let accepted = result.events.compactMap(\.accepted).map(\.responseID)
        #expect(accepted.count == 1_700)
        #expect(accepted.elementsEqual((1...1_700).map { "\($0)" }), "records kept in file order")
        let error = try #require(result.events.last?.quarantined)
        #expect(error.reason == .malformedDocument)
        #expect(error.position.line == 1_702)
        #expect(result.counts.read == 1_701)
        #expect(result.counts.isBalanced)
    }

    /// Quadratic blow-up found past the head of the file stops the run with its error after the first batches, and
    /// after every record before it: 1,200 records of 4 KiB (past the 4 MiB head the guard reads first), then records
    /// that each substitute a 64 KiB entity, of which 256 fit in the 16 MiB allowed.
    @Test func aBlowUpFoundLateComesAfterTheRecordsBeforeIt() throws {
        let comment = String(repeating: "fine ", count: 820)
        let good = (1...1_200).map { "<response id=\"\($0)\"><comment>\(comment)</comment></response>" }
        let late = (1...300).map { "<response id=\"late\($0)\"><comment>&big;</comment></response>" }
        let path = Fixtures.write("""
            <!DOCTYPE r [ <!ENTITY big "\(String(repeating: "x", count: 1 << 16))"> ]>
            <r>
            \((good + late).joined(separator: "\n"))
            </r>
            """, name: "late-blow-up.xml")
        var ingester = try XMLIngester(path: path, vocabulary: vocabulary)
        var accepted: [String?] = []
        let error = try #require(throws: VocError.self) {
            while let event = try ingester.next() { accepted.append(event.accepted?.responseID) }
        }
        #expect(error.description.contains("quadratic blow-up"), "\(error)")
        #expect(accepted.count == 1_456)
        #expect(accepted.elementsEqual((1...1_200).map { "\($0)" } + (1...256).map { "late\($0)" }), "records kept in file order")
    }

    /// libxml2 stores an element's line in 16 bits: past line 65,535 the line comes from the parser, which is ahead
    /// by at most 512 bytes (here under 30 lines of about 22 bytes), never capped at 65,535.
    @Test func linesPastTheSixteenBitLimitAreNotCapped() throws {
        let records = (1...18_000).map { index in
            let nps = index == 20 || index == 18_000 ? "many" : "9"
            return "  <response id=\"\(index)\">\n    <nps>\(nps)</nps>\n    <comment>ok</comment>\n  </response>"
        }
        let path = Fixtures.write((["<responses>"] + records + ["</responses>"]).joined(separator: "\n"), name: "long.xml")
        let result = try ingestXML(path, recordPath: "responses/response")
        func startLine(ofRecord index: Int) -> Int { 2 + (index - 1) * 4 }
        let lines = result.events.compactMap(\.quarantined).map { $0.position.line ?? 0 }
        #expect(lines.count == 2)
        #expect(lines.first == startLine(ofRecord: 20))
        let late = try #require(lines.last)
        #expect((startLine(ofRecord: 18_000)...(startLine(ofRecord: 18_000) + 30)).contains(late), "\(late)")
        let accepted = result.events.compactMap(\.accepted)
        let record17000 = try #require(accepted.first { $0.responseID == "17000" })
        let line17000 = record17000.position.line ?? 0
        #expect((startLine(ofRecord: 17_000)...(startLine(ofRecord: 17_000) + 30)).contains(line17000), "\(line17000)")
    }

    static let securityFiles = Fixtures.sharedFiles("parsing_suites/xml_security", extensions: ["xml"])

    /// Every attack file is refused or read without loading anything; none hangs or crashes.
    @Test(.enabled(if: !securityFiles.isEmpty, "../shared/corpora is absent"), .timeLimit(.minutes(1)), arguments: securityFiles)
    func securitySuite(_ file: URL) throws {
        let mustRefuse = ["xmlbomb.xml", "cyclic.xml", "quadratic.xml", "lol_classic.xml", "lol_ig_attr.xml", "lol_ig_content.xml",
                          "lol_long_name.xml", "lol_long_value.xml", "lol_param.xml"]
        if mustRefuse.contains(file.lastPathComponent) {
            #expect(throws: VocError.self) { try ingestXML(file.path) }
        } else {
            let result = try ingestXML(file.path)
            #expect(result.counts.isBalanced)
            for record in result.events.compactMap(\.accepted) {
                #expect(!(record.comment ?? "").contains("root:x:0:0"), "no local file content")
            }
        }
    }

    static let samples = Fixtures.sharedFiles("xml", extensions: ["xml", "lss", "lsq", "lsg"])

    @Test(.enabled(if: !samples.isEmpty, "../shared/corpora is absent"), .timeLimit(.minutes(1)), arguments: samples)
    func everySharedSampleIsAccountedFor(_ file: URL) throws {
        do {
            let result = try ingestXML(file.path)
            #expect(result.counts.isBalanced)
            #expect(result.counts.read > 0)
        } catch let error as VocError {
            // A document fails as a whole only when it is broken before its first record (and says where), or when
            // its layout is ambiguous (and asks for --record-path).
            #expect(error.position?.line != nil || error.message.contains("--record-path"), "\(error)")
        }
    }

    @Test(.enabled(if: Fixtures.sharedCorpora != nil, "../shared/corpora is absent"))
    func stackExchangeDumpReadsTextFromAttributes() throws {
        let result = try ingestXML(Fixtures.sharedCorpora!.appendingPathComponent("xml/stackexchange_history/Comments.xml").path)
        #expect(result.inspection.recordPath == "comments/row")
        #expect(result.counts.accepted == 5176)
        #expect(result.events.first?.accepted?.comment?.hasPrefix("It seems we were both worried") == true)
        #expect(result.events.first?.accepted?.submittedAt != nil)
    }

    @Test(.enabled(if: Fixtures.sharedCorpora != nil, "../shared/corpora is absent"))
    func bugzillaExportWithAMismatchedTagStopsThereWithItsLine() throws {
        let result = try ingestXML(Fixtures.sharedCorpora!.appendingPathComponent("xml/perceval/bugzilla/bugzilla_bugs_details_not_valid.xml").path,
                                   recordPath: "bugzilla/bug")
        let error = try #require(result.events.compactMap(\.quarantined).first)
        #expect(error.reason == .malformedDocument)
        #expect(error.position.line == 54)
        #expect(result.counts.isBalanced)
    }
}
