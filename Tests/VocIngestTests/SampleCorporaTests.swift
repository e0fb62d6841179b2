import Foundation
import Testing
@testable import VocIngest
import VocCore
import VocTestSupport

/// The project's own sample exports: each dialect is recognized and every record is accounted for.
@Suite struct SampleCorporaTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var dialect: SurveyDialect
        var encoding: TextEncoding?
        var delimiter: Character
        var read: Int
        var accepted: Int
        var quarantined: [QuarantineReason]
        var skipped: Int
        var description: String { file }
    }

    static let expectations: [Expectation] = [
        .init(file: "generic_en.csv", dialect: .generic, encoding: nil, delimiter: ",", read: 19, accepted: 13,
              quarantined: [.nonIntegerScore, .scoreOutOfScale, .unparseableDate, .raggedRow], skipped: 2),
        .init(file: "qualtrics_es.csv", dialect: .qualtrics, encoding: .utf8, delimiter: ",", read: 10, accepted: 9, quarantined: [.scoreOutOfScale], skipped: 0),
        .init(file: "qualtrics_legacy_en.csv", dialect: .qualtricsLegacy, encoding: nil, delimiter: ",", read: 8, accepted: 7, quarantined: [.unterminatedQuote], skipped: 0),
        .init(file: "surveymonkey_pt.csv", dialect: .surveyMonkey, encoding: .utf8, delimiter: ",", read: 9, accepted: 8, quarantined: [.unparseableDate], skipped: 0),
        .init(file: "limesurvey_es.csv", dialect: .limeSurvey, encoding: .utf8, delimiter: ";", read: 8, accepted: 7, quarantined: [.scoreOutOfScale], skipped: 0),
        .init(file: "googleforms_pt.csv", dialect: .googleForms, encoding: .utf8, delimiter: ",", read: 7, accepted: 7, quarantined: [], skipped: 0),
        .init(file: "googleforms_es.csv", dialect: .googleForms, encoding: .utf8, delimiter: ",", read: 5, accepted: 5, quarantined: [], skipped: 0),
        .init(file: "excel_cp1252_es.csv", dialect: .generic, encoding: .windows1252, delimiter: ";", read: 5, accepted: 5, quarantined: [], skipped: 0),
        .init(file: "excel_unicode_en.tsv", dialect: .generic, encoding: .utf8, delimiter: "\t", read: 4, accepted: 4, quarantined: [], skipped: 0),
    ]

    @Test(arguments: expectations)
    func recognizesTheDialectAndAccountsForEveryRecord(_ expected: Expectation) throws {
        let result = try ingest(Fixtures.corpora.appendingPathComponent("surveys/\(expected.file)").path)
        #expect(result.inspection.dialect == expected.dialect)
        #expect(result.inspection.encoding == expected.encoding)
        #expect(result.inspection.delimiter == expected.delimiter.asciiValue)
        #expect(result.counts.read == expected.read)
        #expect(result.counts.accepted == expected.accepted)
        #expect(result.quarantined.map(\.reason) == expected.quarantined)
        #expect(result.counts.skipped == expected.skipped)
        #expect(result.counts.isBalanced)
        #expect(result.inspection.mapping.column(for: .nps) != nil, "every sample has an NPS question")
    }

    @Test func everyQuarantinedSampleRecordNamesItsLineAndKeepsItsBytes() throws {
        let result = try ingest(Fixtures.corpora.appendingPathComponent("surveys/generic_en.csv").path)
        let byReason = Dictionary(uniqueKeysWithValues: result.quarantined.map { ($0.reason, $0) })
        #expect(byReason[.nonIntegerScore]?.position.line == 8)
        #expect(byReason[.nonIntegerScore]?.position.field == "How likely are you to recommend Acme to a colleague? (0-10)")
        #expect(byReason[.scoreOutOfScale]?.detail == "nps 11 is outside 0-10")
        #expect(byReason[.raggedRow]?.detail == "expected 8 fields, found 7")
        #expect(String(decoding: byReason[.unparseableDate]!.raw, as: UTF8.self).hasPrefix("R-1009,NW-1001"))
        for record in result.quarantined {
            #expect(!record.detail.contains("Half-way"), "details never quote customer text")
        }
    }

    @Test func multiLineCommentKeepsItsLineBreakAndTheNextRecordItsLine() throws {
        let result = try ingest(Fixtures.corpora.appendingPathComponent("surveys/generic_en.csv").path)
        let multiLine = try #require(result.accepted.first { $0.responseID == "R-1013" })
        #expect(multiLine.comment?.contains("multi-line\ncomments") == true)
        #expect(multiLine.position.line == 15)
        #expect(result.accepted.first { $0.responseID == "R-1014" }?.position.line == 17)
    }

    @Test func windows1252BytesDecodeToTheirCharacters() throws {
        let result = try ingest(Fixtures.corpora.appendingPathComponent("surveys/excel_cp1252_es.csv").path)
        let comments = result.accepted.compactMap(\.comment)
        #expect(comments.contains("Buen producto; el precio (120 €/mes) es razonable."))
        #expect(comments.contains("“Lento” es poco: la exportación tarda diez minutos."))
        #expect(result.accepted.map(\.accountName).contains("Globex México"))
    }

    @Test func utf16ExportIsTranscodedIncludingEmoji() throws {
        let result = try ingest(Fixtures.corpora.appendingPathComponent("surveys/excel_unicode_en.tsv").path)
        #expect(result.accepted.first?.comment == "Setup took ten minutes 👍")
        #expect(result.accepted.map(\.ces?.answer) == [.rating(6), .rating(5), .rating(2), .rating(7)])
    }

    @Test func qualtricsMapsQuestionsThroughTheQuestionTextRow() throws {
        let result = try ingest(Fixtures.corpora.appendingPathComponent("surveys/qualtrics_es.csv").path)
        let mapping = result.inspection.mapping
        #expect(mapping.column(for: .nps).map { result.inspection.columns[$0] } == "Q1")
        #expect(mapping.column(for: .csat).map { result.inspection.columns[$0] } == "Q2")
        #expect(mapping.column(for: .ces).map { result.inspection.columns[$0] } == "Q3")
        #expect(mapping.columns(for: .comment).map { result.inspection.columns[$0] } == ["Q4"])
        let first = try #require(result.accepted.first)
        #expect(first.responseID == "R_3kQ9xLp2aB7cD1e")
        #expect(first.accountID == "GX-3003")
        #expect(first.language == "es")
        // 09:15:22 in America/Mexico_City, the zone the ImportId row states (UTC-6), is 15:15:22 UTC.
        #expect(first.submittedAt == Date(timeIntervalSince1970: 1_709_284_522 + 6 * 3600))
        #expect(result.accepted.first { $0.responseID == "R_8hS1rDh0iJ9kL9m" }?.nps?.answer == .notApplicable)
    }

    @Test func surveyMonkeyContinuationCellsNameTheirOptions() throws {
        let result = try ingest(Fixtures.corpora.appendingPathComponent("surveys/surveymonkey_pt.csv").path)
        #expect(result.inspection.columns.contains("Quais produtos você usa? / Faturamento"))
        #expect(result.inspection.dateOrder == .mdy)
        #expect(result.accepted.first?.submittedAt == Date(timeIntervalSince1970: 1_710_148_720))
    }

    @Test func googleFormsInPortugueseReadsDayFirstDates() throws {
        let result = try ingest(Fixtures.corpora.appendingPathComponent("surveys/googleforms_pt.csv").path)
        #expect(result.inspection.dateOrder == .dmy)
        // 04/03/2024 10:15:32 is 4 March 2024.
        #expect(result.accepted.first?.submittedAt == Date(timeIntervalSince1970: 1_709_547_332))
    }

    @Test func accountFallsBackToTheEmailDomainButNeverAFreeMailOne() throws {
        let result = try ingest(Fixtures.corpora.appendingPathComponent("surveys/qualtrics_legacy_en.csv").path)
        #expect(result.accepted.first?.accountID == "northwind.com")
        #expect(result.accepted.first { $0.respondentEmail == "chris.doe@hotmail.com" }?.accountID == nil)
    }
}
