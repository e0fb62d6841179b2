import Foundation
import Testing
import VocCore
import VocScore

/// Key drivers on a scope whose answer is computed by hand: a topic that drags NPS, one that lifts it, and a signal
/// with too few mentions.
@Suite struct DriverAnalysisTests {
    /// 100 responses. 20 mention `price`: 2 promoters, 4 passives, 14 detractors; 5 of 20 satisfied; sentiment −0.5 ×10,
    /// −0.1 ×10; 5 of them show effort. The other 80: 40 promoters, 30 passives, 10 detractors; 45 of 60 satisfied (20
    /// without CSAT); sentiment 0.4 ×30, 0.2 ×30 (20 without comment); the 40 promoters mention `staff`.
    static func scope() -> AccountTally {
        var rollup = GroupRollup()
        func add(nps: Int, satisfied: Bool?, sentiment: Double?, topics: [String], effort: Bool = false) {
            let csat = RollupFacts.Rating(answer: satisfied.map { .rating($0 ? 5 : 2) }, scaleCode: "1-5:4-5", favourable: satisfied ?? false,
                                          unit: satisfied.map { $0 ? 1 : 0.25 })
            rollup.add(RollupFacts(key: RollupKey(accountID: "A", domain: nil), accountName: nil, submittedAt: 0, nps: .rating(nps), csat: csat,
                                   ces: RollupFacts.Rating(answer: nil, scaleCode: nil, favourable: false, unit: nil), hasComment: sentiment != nil,
                                   sentiment: sentiment, negative: (sentiment ?? 0) < -0.05, churn: false, effort: effort, language: "en", topics: topics))
        }
        let priceScores = [10, 10] + Array(repeating: 8, count: 4) + Array(repeating: 0, count: 14)
        for (index, score) in priceScores.enumerated() {
            add(nps: score, satisfied: index < 5, sentiment: index.isMultiple(of: 2) ? -0.5 : -0.1, topics: ["price"], effort: index < 5)
        }
        let restScores = Array(repeating: 9, count: 40) + Array(repeating: 7, count: 30) + Array(repeating: 3, count: 10)
        for (index, score) in restScores.enumerated() {
            add(nps: score, satisfied: index < 60 ? index < 45 : nil, sentiment: index < 60 ? (index < 30 ? 0.4 : 0.2) : nil,
                topics: score == 9 ? ["staff"] : [])
        }
        let totals = rollup.totals
        return AccountTally(accountID: "A", responses: totals.responses, nps: totals.nps,
                            csat: RatingTally(answered: totals.csat.answered, favourable: totals.csat.favourable), ces: RatingTally(),
                            comments: totals.comments, scoredComments: totals.scored, sentimentSum: RollupUnits.value(totals.sentimentUnits),
                            sentimentSquareSum: RollupUnits.value(totals.sentimentSquareUnits), labels: rollup.labels)
    }

    @Test func aTopicThatDragsNPSComesFirstWithItsHandComputedIntervals() throws {
        let analysis = DriverAnalysis(scope: Self.scope())
        #expect(analysis.basis == .nps && analysis.npsScore == 18)
        #expect(analysis.drivers.map(\.driver) == ["price", "staff", "effort"])
        let price = analysis.drivers[0]
        #expect(price.kind == .topic && price.mentions == 20 && price.share == 0.2)
        #expect(price.nps.current == -60 && price.nps.previous == 37.5 && price.nps.change == -97.5)
        // Adjusted Wald: n′ 23 and 83, P′ 2.75/23 and 40.75/83, D′ 14.75/23 and 10.75/83.
        #expect(abs(try #require(price.nps.changeCiLow) - -120.6119338322057) < 1e-9)
        #expect(abs(try #require(price.nps.changeCiHigh) - -56.025048881256836) < 1e-9)
        #expect(price.impact == 19.5, "NPS without (37.5) − the scope's (18)")
        #expect(price.established && !price.thin && price.negativeShare == 1)
        // CSAT: 5 of 20 against 45 of 60, Agresti-Caffo.
        #expect(price.csat.current == 25 && price.csat.previous == 75)
        #expect(abs(try #require(price.csat.changeCiLow) - -68.4839513483585) < 1e-9)
        #expect(abs(try #require(price.csat.changeCiHigh) - -25.357690880380503) < 1e-9)
        // Sentiment: mean −0.3 against 0.3, Welch with sample variances.
        #expect(abs(try #require(price.sentiment.change) - -0.6) < 1e-9)
        #expect(abs(try #require(price.sentiment.changeCiLow) - -0.6934792834971953) < 1e-6)
        #expect(abs(try #require(price.sentiment.changeCiHigh) - -0.5065207165028048) < 1e-6)

        let staff = analysis.drivers[1]
        #expect(staff.nps.current == 100 && (staff.impact ?? 0) < 0, "praise lifts NPS: its impact is negative")
        #expect(staff.negativeShare == 0)
        let effort = analysis.drivers[2]
        #expect(effort.kind == .signal && effort.thin && !effort.established, "5 mentions are fewer than the minimum sample")
    }

    @Test func theJSONHasEveryFieldEvenWhenEmpty() throws {
        let driver = try #require(DriverAnalysis(scope: Self.scope()).drivers.last)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(driver)) as? [String: Any])
        for field in ["driver", "kind", "mentions", "share", "nps_with", "nps_without", "difference", "difference_ci", "impact", "established"] {
            #expect(object.keys.contains(field), "\(field)")
        }
        #expect(object["difference_ci"] as? [Double] != nil)
    }

    @Test func withoutNPSAnswersSentimentIsTheBasis() {
        var scope = Self.scope()
        scope.nps = NPSTally()
        for key in scope.labels.keys { scope.labels[key]!.signals.nps = NPSTally() }
        let analysis = DriverAnalysis(scope: scope)
        #expect(analysis.basis == .sentiment)
        #expect(analysis.drivers.first?.driver == "price" && analysis.drivers.first?.established == true)
        #expect(analysis.drivers.allSatisfy { $0.impact == nil })
    }
}
