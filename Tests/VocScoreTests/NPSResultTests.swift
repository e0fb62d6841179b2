import Testing
import VocCore
import VocScore

@Suite struct NPSResultTests {
    @Test func skippedAnswersAreNotInTheDenominator() {
        // 1 promoter + 2 skipped is NPS 100, not 33.33.
        let result = NPSResult(NPSTally(promoters: 1, blank: 1, notApplicable: 1))
        #expect(result.score == 100)
        #expect(result.answered == 1)
        #expect(!result.isSufficient)
    }

    @Test func adjustedWaldIntervalMatchesTheHandComputation() throws {
        // 3 promoters, 1 passive, 1 detractor: n' = 8, P' = 3.75/8, D' = 1.75/8, NPS' = 25,
        // SE = sqrt((0.6875 - 0.0625) / 8) = 0.2795, margin = 1.96 * SE = 54.78 points.
        let result = NPSResult(NPSTally(promoters: 3, passives: 1, detractors: 1))
        #expect(result.score == 40)
        #expect(abs(result.intervalCenter - 25.0) < 1e-9)
        #expect(abs(result.interval.lowerBound - -29.78) < 0.01)
        #expect(abs(result.interval.upperBound - 79.78) < 0.01)
        #expect(String(format: "%.1f", result.interval.lowerBound) == "-29.8")
        #expect(String(format: "%.1f", result.interval.upperBound) == "79.8")
    }

    @Test func intervalIsClampedToTheScale() {
        let allPromoters = NPSResult(NPSTally(promoters: 2))
        #expect(allPromoters.interval.upperBound == 100)
        let allDetractors = NPSResult(NPSTally(detractors: 2))
        #expect(allDetractors.interval.lowerBound == -100)
        #expect(allDetractors.score == -100)
    }

    @Test func noAnswersMeansNoScore() {
        let result = NPSResult(NPSTally(blank: 3))
        #expect(result.score == nil)
        #expect(result.promoterShare == nil)
    }

    @Test func sufficiencyFollowsTheMinimumSample() {
        #expect(NPSResult(NPSTally(promoters: 5, detractors: 5)).isSufficient)
        #expect(!NPSResult(NPSTally(promoters: 5, detractors: 4)).isSufficient)
        #expect(NPSResult(NPSTally(promoters: 5, detractors: 4), minimumSample: 9).isSufficient)
    }

    @Test func fullPrecisionIsKept() throws {
        let result = NPSResult(NPSTally(promoters: 1, passives: 1, detractors: 1))
        #expect(result.score == 0)
        let third = NPSResult(NPSTally(promoters: 2, passives: 1))
        #expect(third.score == 200.0 / 3.0)
    }
}

@Suite struct RatingResultTests {
    @Test func favourableShareHasAWilsonInterval() {
        // 8 of 10 satisfied: Wilson 95% interval [49.0, 94.3].
        let result = RatingResult(RatingTally(answered: 10, favourable: 8, unitSum: 8, unitSquareSum: 8, scale: .csat5), defaultScale: .csat5)
        #expect(result.favourableShare == 80)
        #expect(abs(result.favourableInterval!.lowerBound - 49.02) < 0.01)
        #expect(abs(result.favourableInterval!.upperBound - 94.33) < 0.01)
    }

    @Test func meanIsOnTheAnswersScale() {
        var tally = RatingTally()
        for value in [5, 4, 3] { tally.add(ScaledAnswer(.rating(value), on: .csat5)) }
        let result = RatingResult(tally, defaultScale: .csat5)
        #expect(abs(result.mean! - 4) < 1e-12)
        // sample sd = 1, margin = 1.96 / sqrt(3) = 1.1316
        #expect(abs(result.meanInterval!.lowerBound - 2.8684) < 0.001)
        #expect(abs(result.meanInterval!.upperBound - 5) < 1e-12, "clamped to the scale maximum")
    }

    @Test func noAnswersMeansNoFigures() {
        let result = RatingResult(RatingTally(blank: 2), defaultScale: .ces7)
        #expect(result.mean == nil)
        #expect(result.favourableShare == nil)
    }
}

/// The tiles' change against the previous period, checked against a hand computation (`PeriodChange`'s formulas).
@Suite struct PeriodChangeTests {
    @Test func npsChangeHasTheAdjustedWaldIntervalOfTheDifference() throws {
        // 6 promoters and 2 detractors of 10 (NPS 40) against 3 and 4 of 10 (−10): n′ = 13, P′ = 6.75/13, D′ = 2.75/13 …
        let change = PeriodChange.nps(NPSTally(promoters: 6, passives: 2, detractors: 2), previous: NPSTally(promoters: 3, passives: 3, detractors: 4))
        #expect(change.current == 40 && change.previous == -10 && change.change == 50)
        #expect(abs(try #require(change.changeCiLow) - -23.135939308212922) < 1e-9)
        #expect(abs(try #require(change.changeCiHigh) - 100.05901623128986) < 1e-9)
        #expect(change.currentAnswered == 10 && change.previousAnswered == 10)
    }

    @Test func shareChangeHasTheAgrestiCaffoInterval() throws {
        // 8 of 10 against 5 of 10: p̃ = 9/12 and 6/12.
        let change = PeriodChange.share(favourable: 8, of: 10, previousFavourable: 5, of: 10)
        #expect(change.change == 30)
        #expect(abs(try #require(change.changeCiLow) - -12.423680493925227) < 1e-9)
        #expect(abs(try #require(change.changeCiHigh) - 62.423680493925225) < 1e-9)
    }

    @Test func aPeriodWithoutAnswersHasNoChange() {
        let change = PeriodChange.share(favourable: 3, of: 4, previousFavourable: 0, of: 0)
        #expect(change.current == 75 && change.previous == nil && change.change == nil && change.changeCiLow == nil)
        let sentiment = PeriodChange.mean(0.25, answered: 4, previous: -0.5, previousAnswered: 2)
        #expect(sentiment.change == 0.75 && sentiment.changeCiLow == nil)
    }
}
