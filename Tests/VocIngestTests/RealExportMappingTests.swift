import Foundation
import Testing
import VocCore
@testable import VocIngest
import VocTestSupport

/// Real exports that nobody wrote for voc (`../shared/corpora/real_exports/`, with the mapping a CX analyst would make
/// in its SOURCES.md): each ingests with that mapping. Column numbers are 0-based, as in SOURCES.md. NPS, CSAT and
/// CES must be exactly the expected column or none; the expected comment columns must be among the comments; every
/// record is accounted for and few are quarantined. Skipped when the folder is absent.
@Suite struct RealExportMappingTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var nps: Int? = nil
        var csat: Int? = nil
        var ces: Int? = nil
        var comments: Set<Int> = []
        var timestamp: Int? = nil
        var responseID: Int? = nil
        var testDescription: String { file }
    }

    static let folder = Fixtures.sharedCorpora?.appendingPathComponent("real_exports")
    static let vocabulary = try! ColumnVocabulary.load(from: Fixtures.lexicons)

    static let expected: [Expected] = [
        Expected(file: "rstudio__r-community-survey__2019_Spanish_R_Community_Survey_Responses.csv", nps: 18, comments: [22, 23], timestamp: 0),
        Expected(file: "rstudio__r-community-survey__2019_English_R_Community_Survey_Responses.csv", nps: 18, comments: [22, 23], timestamp: 0),
        Expected(file: "rstudio__r-community-survey__2020-spanish-survey-final.tsv", nps: 15, comments: [19, 20], timestamp: 0),
        Expected(file: "cncf__surveys__CNCF_Ambassadors_Survey_2020_H1.csv", csat: 54, comments: [55], timestamp: 3, responseID: 0),
        Expected(file: "cncf__surveys__CNCF_Ambassadors_Survey_2021.csv", comments: [13, 17], timestamp: 3, responseID: 0),
        Expected(file: "cncf__surveys__results-h1.csv", csat: 2, comments: [8], timestamp: 0),
        Expected(file: "cncf__surveys__CNCF_Maintainers_Survey_2024_H1.csv", csat: 8, comments: [22, 26]),
        Expected(file: "kubernetes__community__contribex-survey-2019.csv", comments: [41, 58], timestamp: 3, responseID: 0),
        Expected(file: "todogroup__osposurvey__results.csv", timestamp: 2, responseID: 0),
        Expected(file: "carpentries__assessment__20180908_post_clean.csv", nps: 39, comments: [38], timestamp: 0),
        Expected(file: "carpentries__assessment__data_20170701.csv", nps: 74),
        Expected(file: "carpentries__assessment__2020_carpentryconhome_raw.csv", nps: 16, csat: 14),
        Expected(file: "sealuzh__quality-perception-appendix__results-survey.csv", comments: [144], responseID: 0),
        Expected(file: "jerome-pfeiffer1__modeling-languages-for-digital-twins__results_english.csv", comments: [316]),
        Expected(file: "yhoriuchi__projoint__CHKKK_Housing_developments_W1_(Prolific_-_June_2021)_June_15,_2023_11.20.csv", comments: [52], timestamp: 6, responseID: 7),
        Expected(file: "softwaresaved__international-survey__public_data.csv", comments: [102, 116]),
    ]

    @Test(.enabled(if: folder != nil, "../shared/corpora/real_exports is absent"), arguments: expected)
    func eachExportMapsAsAnAnalystWould(_ expected: Expected) throws {
        let path = try #require(Self.folder).appendingPathComponent(expected.file).path
        var ingester = try SurveyCSVIngester(path: path, vocabulary: Self.vocabulary)
        let mapping = ingester.inspection.mapping
        #expect(mapping.column(for: .nps) == expected.nps, "NPS: \(mapping.assignments.first { $0.role == .nps }?.names ?? [])")
        #expect(mapping.column(for: .csat) == expected.csat, "CSAT: \(mapping.assignments.first { $0.role == .csat }?.names ?? [])")
        #expect(mapping.column(for: .ces) == expected.ces, "CES: \(mapping.assignments.first { $0.role == .ces }?.names ?? [])")
        let comments = Set(mapping.columns(for: .comment))
        #expect(expected.comments.isSubset(of: comments), "comments missing: \(expected.comments.subtracting(comments).sorted())")
        if let timestamp = expected.timestamp { #expect(mapping.column(for: .timestamp) == timestamp) }
        if let responseID = expected.responseID { #expect(mapping.column(for: .responseID) == responseID) }
        for role in [ColumnRole.nps, .csat, .ces] {
            guard let column = mapping.column(for: role) else { continue }
            let profile = mapping.profiles[column]
            #expect(!ScoreEvidence.isBinary(profile, labels: Self.vocabulary.ratingLabels), "\(role) from a yes/no column")
        }
        for column in comments {
            let profile = mapping.profiles[column]
            #expect(profile.filled == 0 || profile.labelCount * 5 >= profile.filled * 4, "comment column \(column) holds numbers")
        }
        var events = 0
        while try ingester.next() != nil { events += 1 }
        #expect(ingester.counts.isBalanced && ingester.counts.read == events)
        #expect(ingester.counts.quarantined * 20 <= ingester.counts.read, "few records quarantined: \(ingester.counts)")
    }

    /// A Google Forms download without its header row: voc says so instead of taking the first response for the
    /// questions.
    @Test(.enabled(if: folder != nil, "../shared/corpora/real_exports is absent"))
    func anExportWithoutAHeaderRowIsRefusedWithTheReason() throws {
        let path = try #require(Self.folder).appendingPathComponent("ibilon__haxe-2018-survey-results__data.csv").path
        #expect {
            _ = try SurveyCSVIngester(path: path, vocabulary: Self.vocabulary)
        } throws: { error in
            (error as? VocError)?.message.hasPrefix("no header row: the first line is already a response") == true
        }
    }

    /// Qualtrics writes its dates in the survey's zone and says which in the ImportId row: `2021-06-30 14:00:27` in
    /// America/New_York is 18:00:27 UTC.
    @Test(.enabled(if: folder != nil, "../shared/corpora/real_exports is absent"))
    func qualtricsDatesAreReadInTheZoneTheExportStates() throws {
        let path = try #require(Self.folder)
            .appendingPathComponent("yhoriuchi__projoint__CHKKK_Housing_developments_W1_(Prolific_-_June_2021)_June_15,_2023_11.20.csv").path
        var ingester = try SurveyCSVIngester(path: path, vocabulary: Self.vocabulary)
        #expect(ingester.inspection.timeZone == "America/New_York")
        while let event = try ingester.next() {
            guard case .accepted(let record) = event, let date = record.submittedAt else { continue }
            let hour = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date).hour!
            let local = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "America/New_York")!, from: date).hour!
            #expect(hour == (local + 4) % 24, "EDT is UTC-4 in June")
            break
        }
    }
}
