import Foundation
import Testing
@testable import VocCLI
import VocReport
import VocStore
import VocTestSupport

@Suite struct RecordLineTests {
    /// Every stored sample record (surveys in three languages, e-mail with subjects and quoted text, XML, hostile
    /// comments with markup and control characters, records without comment, date or e-mail) exports as the bytes `JSONEncoder` writes for it.
    @Test func handWrittenLinesAreWhatTheEncoderWrites() throws {
        let path = VocProcess.temporaryStore()
        let others = ["email/support_inbox_es_pt_en.mbox", "xml/responses_es_pt.xml", "hostile/comments_en.csv"]
            .map { Fixtures.corpora.appendingPathComponent($0).path }
        let ingest = try VocProcess.run(["ingest"] + VocProcess.sampleSurveys + others, store: path)
        #expect(ingest.status <= 1, "\(ingest.stderr)")
        let records = try SQLiteStore(path: path).feedback(after: nil, limit: 100_000)
        #expect(records.count > 70)
        #expect(records.contains { $0.sentiment == nil } && records.contains { $0.subject != nil } && records.contains { $0.submittedAt == nil })
        for (index, record) in records.enumerated() {
            let line = RecordLine(record, account: index % 3 == 0 ? nil : record.accountID)
            #expect(line.jsonLine == JSONOutput.encode(line, pretty: false))
        }
    }
}
