import VocCore

/// How well a score (higher = healthier) told apart the accounts that churned from those that stayed: the ROC AUC,
/// the probability that a retained account scored above a churned one (ties count half), with a bootstrap 95 %
/// interval over the scored accounts.
public enum ChurnDiscrimination {
    /// One scored account of one period, and whether it churned by the period's end.
    public struct Outcome: Sendable, Hashable {
        public var score: Double
        public var churned: Bool

        public init(score: Double, churned: Bool) {
            self.score = score
            self.churned = churned
        }
    }

    /// The AUC of `outcomes`, by ranks (Mann-Whitney U); nil without both a churned and a retained account.
    public static func auc(_ outcomes: [Outcome]) -> Double? {
        let churned = outcomes.count(where: \.churned), retained = outcomes.count - churned
        guard churned > 0, retained > 0 else { return nil }
        // Average ranks of equal scores; U of the retained accounts from their rank sum.
        let sorted = outcomes.sorted { $0.score < $1.score }
        var rankSum = 0.0, index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1].score == sorted[index].score { end += 1 }
            let rank = Double(index + end) / 2 + 1
            for position in index...end where !sorted[position].churned { rankSum += rank }
            index = end + 1
        }
        let u = rankSum - Double(retained) * Double(retained + 1) / 2
        return u / (Double(retained) * Double(churned))
    }

    /// The 2.5th and 97.5th percentiles of the AUC over `resamples` bootstrap samples of `outcomes` (drawn with
    /// replacement, seeded so every run prints the same); resamples without both kinds are skipped.
    public static func aucInterval(_ outcomes: [Outcome], resamples: Int = 1_000, seed: UInt64 = 0x766F_6342) -> ClosedRange<Double>? {
        guard auc(outcomes) != nil else { return nil }
        var random = SplitMix64(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let sample = (0..<outcomes.count).map { _ in outcomes[Int(random.next() % UInt64(outcomes.count))] }
            if let value = auc(sample) { values.append(value) }
        }
        guard values.count >= resamples / 2 else { return nil }
        values.sort()
        let at = { (share: Double) in values[min(values.count - 1, Int(share * Double(values.count)))] }
        return at(0.025)...at(0.975)
    }
}
