public import VocCore

/// CSAT or CES of a set of answered responses: the favourable share with a Wilson 95 % interval,
/// and the mean with a normal-approximation 95 % interval.
///
/// The mean is on the answers' own scale when they share one; answers on different scales are pooled
/// on 0…1 and reported on `reportingScale`.
public struct RatingResult: Sendable, Hashable, Codable {
    public let tally: RatingTally
    /// The scale means are expressed on.
    public let reportingScale: RatingScale
    /// % of answered responses in the favourable band (satisfied, easy).
    public let favourableShare: Double?
    public let favourableInterval: ClosedRange<Double>?
    public let mean: Double?
    public let meanInterval: ClosedRange<Double>?
    public let isSufficient: Bool

    public init(_ tally: RatingTally, defaultScale: RatingScale, minimumSample: Int = Confidence.defaultMinimumSample) {
        self.tally = tally
        let scale = tally.scale ?? defaultScale
        reportingScale = scale
        isSufficient = tally.answered >= minimumSample
        guard tally.answered > 0 else {
            favourableShare = nil
            favourableInterval = nil
            mean = nil
            meanInterval = nil
            return
        }
        let n = Double(tally.answered)
        favourableShare = 100 * Double(tally.favourable) / n
        favourableInterval = Confidence.wilsonPercent(tally.favourable, of: tally.answered)

        let width = Double(scale.maximum - scale.minimum)
        let unitMean = tally.unitSum / n
        mean = RollupUnits.tidy(Double(scale.minimum) + unitMean * width)
        if tally.answered >= 2 {
            let margin = Confidence.z * Confidence.varianceOfMean(sum: tally.unitSum, squareSum: tally.unitSquareSum, count: tally.answered).squareRoot() * width
            meanInterval = RollupUnits.tidy(max(Double(scale.minimum), mean! - margin))...RollupUnits.tidy(min(Double(scale.maximum), mean! + margin))
        } else {
            meanInterval = nil
        }
    }
}
