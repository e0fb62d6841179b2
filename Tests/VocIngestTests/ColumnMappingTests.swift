import Testing
@testable import VocIngest
import VocCore
import VocTestSupport

@Suite struct ColumnMappingTests {
    @Test func aColumnWithZeroToTenValuesIsNotNPSUnlessItsHeaderSaysSo() throws {
        let result = try ingest(text: "id,score,rating\n1,9,4\n2,10,3\n3,0,1\n")
        #expect(result.inspection.mapping.column(for: .nps) == nil)
        #expect(result.accepted.allSatisfy { $0.nps == nil })
    }

    @Test func aRecommendQuestionOnAOneToFourScaleIsNotNPS() throws {
        let result = try ingest(text: "id,How likely are you to recommend us? (1-4)\n1,4\n")
        #expect(result.inspection.mapping.column(for: .nps) == nil)
    }

    @Test func openQuestionsAboutRecommendingAreComments() throws {
        let result = try ingest(text: "id,How likely are you to recommend us?,Why would you recommend us?\n1,9,Great support\n")
        #expect(result.inspection.mapping.column(for: .nps) == 1)
        #expect(result.inspection.mapping.columns(for: .comment) == [2])
        #expect(result.accepted.first?.comment == "Great support")
    }

    @Test func flagsOverrideDetectionByHeaderOrNumber() throws {
        var options = SurveyCSVOptions()
        options.overrides.columns[.nps] = ["score"]
        options.overrides.columns[.comment] = ["#3"]
        options.overrides.columns[.accountID] = ["none"]
        let result = try ingest(text: "Account,score,notes\nACME,9,ok\n", options: options)
        #expect(result.accepted.first?.nps?.answer == .rating(9))
        #expect(result.accepted.first?.comment == "ok")
        #expect(result.accepted.first?.accountID == nil)
    }

    @Test func anUnknownOverrideColumnIsAClearError() throws {
        var options = SurveyCSVOptions()
        options.overrides.columns[.nps] = ["Q99"]
        #expect(throws: VocError.self) { try ingest(text: "id,Q1\n1,9\n", options: options) }
    }

    @Test func mappingFileErrorsNameTheLine() throws {
        let path = Fixtures.write("# mapping\nnps = Q1\nbogus line\n", name: "map.txt")
        let error = try #require(throws: VocError.self) { try ColumnOverrides.load(contentsOf: path) }
        #expect(error.description.hasPrefix("\(path):3: "))
        let good = try ColumnOverrides.load(contentsOf: Fixtures.write("nps = Q1\ncomment = Q2\ncomment = #4\ncsat-scale = 1-7\ndate-order = dmy\n", name: "map.txt"))
        #expect(good.columns[.comment] == ["Q2", "#4"])
        #expect(good.csatScale == "1-7")
        #expect(good.dateOrder == .dmy)
    }

    @Test func csatScaleComesFromTheHeaderOrTheUser() throws {
        let hinted = try ingest(text: "id,Overall satisfaction (1-7)\n1,6\n2,5\n")
        #expect(hinted.inspection.scales.csat == (try RatingScale(minimum: 1, maximum: 7, favourable: 6...7)))
        var options = SurveyCSVOptions()
        options.overrides.csatScale = "1-10:9-10"
        let given = try ingest(text: "id,CSAT\n1,10\n2,8\n", options: options)
        #expect(given.accepted.map { $0.csat!.scale.isFavourable($0.csat!.answer.rating!) } == [true, false])
    }

    @Test func cesDirectionCanBeReversed() throws {
        var options = SurveyCSVOptions()
        options.overrides.cesScale = "1-5"
        options.overrides.cesDirection = .lowerIsEasier
        let result = try ingest(text: "id,Customer effort\n1,1\n2,5\n", options: options)
        #expect(result.inspection.scales.ces.favourable == 1...2)
    }

    @Test func sameResponseIDInTheSameSurveyGivesTheSameKey() throws {
        let first = try ingest(text: "Response ID,NPS\nR1,9\n")
        let second = try ingest(text: "Response ID,NPS\nR1,7\n", name: "renamed.csv")
        let otherSurvey = try ingest(text: "Response ID,NPS,Comment\nR1,9,x\n")
        #expect(first.accepted[0].key == second.accepted[0].key)
        #expect(first.accepted[0].key != otherSurvey.accepted[0].key)
    }

    @Test func rowsWithoutAnIDAreKeyedByContent() throws {
        let result = try ingest(text: "NPS,Comment\n9,a\n9,\"a\"\n9,b\n")
        #expect(result.accepted[0].key == result.accepted[1].key, "quoting does not change the content")
        #expect(result.accepted[0].key != result.accepted[2].key)
    }
}
