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

/// One schema for a record in every format: the same fields, numbers as numbers, absent as null (an empty CSV cell).
@Suite struct RecordSchemaTests {
    /// RFC 4180 rows of voc's own CSV output (quoted cells may hold commas, quotes and newlines).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                } else { cell.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(cell); cell = ""
            } else if character == "\r\n" || character == "\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else {
                cell.append(character)
            }
        }
        return rows
    }

    @Test func csvAndNDJSONCarryTheSameFieldsAndValues() throws {
        let store = VocProcess.temporaryStore()
        let others = ["email/support_inbox_es_pt_en.mbox", "xml/responses_es_pt.xml"].map { Fixtures.corpora.appendingPathComponent($0).path }
        #expect(try VocProcess.run(["ingest"] + VocProcess.sampleSurveys + others, store: store).status <= 1)
        let lines = try VocProcess.run(["export", "records", "--format", "ndjson"], store: store).stdout.split(separator: "\n")
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let csv = Self.csvRows(try VocProcess.run(["export", "records"], store: store).stdout)
        let header = try #require(csv.first)
        #expect(csv.count == objects.count + 1)
        #expect(Set(header + ["type"]) == Set(objects[0].keys), "the same fields in both formats")
        #expect(objects.allSatisfy { Set($0.keys) == Set(objects[0].keys) }, "every key in every record")
        var seen: Set<String> = []
        for (object, row) in zip(objects, csv.dropFirst()) {
            for (name, cell) in zip(header, row) {
                let value = object[name]
                switch value {
                case is NSNull: #expect(cell == "", "\(name) null ↔ empty cell")
                case let flag as Bool where ["churn", "effort"].contains(name): #expect(cell == (flag ? "true" : "false"), "\(name)")
                case let number as NSNumber:
                    // Foundation's JSON reader on Linux may round the last digit; the written texts are the same.
                    #expect(abs((Double(cell) ?? .nan) - number.doubleValue) < 1e-12, "\(name): \(cell) vs \(number)")
                case let list as [String]: #expect(cell == list.joined(separator: "|"))
                case let text as String: #expect(cell == text || cell == "'" + text, "\(name)")
                default: Issue.record("\(name) has an unexpected JSON type")
                }
                if !(value is NSNull) { seen.insert(name) }
            }
            for score in ["nps", "csat", "ces"] {
                let answer = object[score + "_answer"] as? String
                #expect((object[score] is NSNull) == (answer != "rating"), "\(score) is a number exactly when it was rated")
            }
        }
        #expect(["nps", "csat", "ces", "sentiment", "topics", "churn"].allSatisfy(seen.contains), "the sample data fills every typed field")
        #expect(objects.contains { $0["nps_answer"] as? String == "n/a" || $0["csat_answer"] as? String == "n/a" || $0["nps_answer"] as? String == "blank" })
    }
}
