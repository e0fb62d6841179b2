import Testing
@testable import VocScore

/// The ROC AUC of a health score for churn, by ranks, against cases counted by hand.
@Suite struct ChurnDiscriminationTests {
    typealias Outcome = ChurnDiscrimination.Outcome

    @Test func theAUCIsTheShareOfRetainedChurnedPairsInTheRightOrder() throws {
        let separated = [Outcome(score: 20, churned: true), Outcome(score: 30, churned: true), Outcome(score: 70, churned: false), Outcome(score: 90, churned: false)]
        #expect(ChurnDiscrimination.auc(separated) == 1)
        #expect(ChurnDiscrimination.auc(separated.map { Outcome(score: -$0.score, churned: $0.churned) }) == 0)
        #expect(ChurnDiscrimination.auc(separated.map { Outcome(score: 50, churned: $0.churned) }) == 0.5, "ties count half")
        // Retained 40, 80; churned 30, 60, 80: pairs (40>30), (80>30), (80>60), (80=80 half) of six → 3.5/6.
        let mixed = [Outcome(score: 40, churned: false), Outcome(score: 80, churned: false), Outcome(score: 30, churned: true),
                     Outcome(score: 60, churned: true), Outcome(score: 80, churned: true)]
        #expect(abs(ChurnDiscrimination.auc(mixed)! - 3.5 / 6) < 1e-12)
        #expect(ChurnDiscrimination.auc(separated.filter(\.churned)) == nil, "no retained account: nothing to compare")
    }

    @Test func theBootstrapIntervalHoldsTheAUCAndIsTheSameOnEveryRun() throws {
        var outcomes: [Outcome] = []
        for index in 0..<200 { outcomes.append(Outcome(score: Double(index % 100), churned: index % 100 < 30 ? index % 3 != 0 : index % 10 == 0)) }
        let auc = try #require(ChurnDiscrimination.auc(outcomes))
        let interval = try #require(ChurnDiscrimination.aucInterval(outcomes))
        #expect(interval.contains(auc) && interval.upperBound - interval.lowerBound < 0.2)
        #expect(ChurnDiscrimination.aucInterval(outcomes) == interval)
    }
}
