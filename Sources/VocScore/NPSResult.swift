public import VocCore

/// Net Promoter Score of a set of answered responses, with an adjusted-Wald 95 % interval.
///
/// NPS = %promoters − %detractors, in −100…100, at full precision (round only for display).
/// The interval follows the adjusted-Wald method for NPS (Rocks 2016, as recommended by Sauro & Lewis):
/// add 3 to n, ¾ to promoters and ¾ to detractors, then NPS′ ± z·√((P′ + D′ − (P′ − D′)²) / n′), clamped to ±100.
public struct NPSResult: Sendable, Hashable, Codable {
    public let tally: NPSTally
    /// nil when no response answered the question.
    public let score: Double?
    /// The centre of the interval: the adjusted estimate NPS′, in −100…100.
    public let intervalCenter: Double
    public let interval: ClosedRange<Double>
    public let isSufficient: Bool

    public init(_ tally: NPSTally, minimumSample: Int = Confidence.defaultMinimumSample) {
        self.tally = tally
        let n = Double(tally.answered)
        score = tally.answered == 0 ? nil : 100 * (Double(tally.promoters) - Double(tally.detractors)) / n
        let adjustedN = n + 3
        let promoterShare = (Double(tally.promoters) + 0.75) / adjustedN
        let detractorShare = (Double(tally.detractors) + 0.75) / adjustedN
        let center = promoterShare - detractorShare
        let variance = promoterShare + detractorShare - center * center
        let margin = Confidence.z * (variance / adjustedN).squareRoot()
        intervalCenter = 100 * center
        interval = max(-100, 100 * (center - margin))...min(100, 100 * (center + margin))
        isSufficient = tally.answered >= minimumSample
    }

    public var answered: Int { tally.answered }
    public var promoterShare: Double? { tally.answered == 0 ? nil : 100 * Double(tally.promoters) / Double(tally.answered) }
    public var detractorShare: Double? { tally.answered == 0 ? nil : 100 * Double(tally.detractors) / Double(tally.answered) }
}
