/// The three NPS bands of a 0-10 answer: the one definition every stage uses (tallies, health, alerts, SQL).
public enum NPSBand: String, Sendable, Hashable, Codable, CaseIterable {
    case detractor, passive, promoter

    /// 0-6, 7-8, 9-10.
    public var scores: ClosedRange<Int> {
        switch self {
        case .detractor: 0...6
        case .passive: 7...8
        case .promoter: 9...10
        }
    }

    /// The band of a 0-10 answer.
    public init(score: Int) {
        self = score >= NPSBand.promoter.scores.lowerBound ? .promoter : score >= NPSBand.passive.scores.lowerBound ? .passive : .detractor
    }
}
