public import Foundation
import VocCore

/// One account's health at an as-of date: the score, its band and confidence, and how each measure contributed.
public struct AccountHealth: Sendable, Encodable {
    public var account: String
    public var name: String?
    public var segment: String?
    public var owner: String?
    public var arr: Double?
    public var renewal: Date?
    public var inDirectory: Bool
    public var asOf: Date
    /// 0-100.
    public var score: Double
    public var band: HealthBand
    /// 0-1: how much of the score rests on the account's own answers rather than on the portfolio prior.
    public var confidence: Double
    public var responses: Int
    public var measures: [MeasureContribution]
    /// The score one period earlier, and the direction since.
    public var previousScore: Double?
    public var previousBand: HealthBand?
    public var trend: HealthTrend
    /// The responses that move the score most, filled in for a single-account view.
    public var drivers: [HealthDriver] = []

    /// `low` below 0.5, `medium` below 0.75, else `high`.
    /// The two measures that pull the score down most (lowest adjusted value among those present).
    public var weakestMeasures: [HealthMeasure] {
        measures.filter { $0.adjusted != nil && $0.weight > 0 }.sorted { ($0.adjusted ?? 0) < ($1.adjusted ?? 0) }.prefix(2).map(\.measure)
    }

    /// The score's change since the previous period; nil for an account new in this one.
    public var scoreChange: Double? { previousScore.map { score - $0 } }

    public var confidenceLabel: String { confidence < 0.5 ? "low" : confidence < 0.75 ? "medium" : "high" }
}

/// One measure's part in a score.
public struct MeasureContribution: Sendable, Encodable {
    public var measure: HealthMeasure
    /// The account's own 0-100 value, before shrinkage; nil when it has no evidence for this measure.
    public var value: Double?
    /// Decayed answers behind `value`.
    public var evidence: Double
    /// The portfolio or segment value it was shrunk toward, and which of the two.
    public var prior: Double?
    public var priorSource: PriorSource?
    /// The value used in the score: `(evidence × value + k × prior) / (evidence + k)`.
    public var adjusted: Double?
    /// The configured weight, and its share of the weights of the measures present (0 when excluded).
    public var weight: Double
    public var share: Double
    /// `share × adjusted`: the points this measure adds to the score.
    public var contribution: Double
    /// Why the measure is not in the score, when it is not.
    public var excluded: MeasureExclusion?
}

/// The direction of a score since the previous period.
public enum HealthTrend: String, Sendable, Encodable {
    case up, down, flat, new

    public var arrow: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .flat: "→"
        case .new: "·"
        }
    }
}

/// A response that pulls an account's score up or down.
public struct HealthDriver: Sendable, Encodable {
    public var key: String
    public var submittedAt: Date?
    /// The response's own 0-100 value (mean of its answered measures) minus 50, times its decay weight.
    public var pull: Double
    public var reasons: [String]
}
