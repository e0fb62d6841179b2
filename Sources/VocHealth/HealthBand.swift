/// Where a score falls: red below `redBelow`, green above `greenAbove`, yellow in between (both boundaries yellow).
public enum HealthBand: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case red, yellow, green

    public static func < (lhs: HealthBand, rhs: HealthBand) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .red: 0
        case .yellow: 1
        case .green: 2
        }
    }
}

/// The band thresholds of a profile.
public struct BandThresholds: Sendable, Hashable, Codable {
    public var redBelow: Double
    public var greenAbove: Double

    public init(redBelow: Double = 50, greenAbove: Double = 75) {
        self.redBelow = redBelow
        self.greenAbove = greenAbove
    }

    public func band(_ score: Double) -> HealthBand {
        score < redBelow ? .red : score > greenAbove ? .green : .yellow
    }
}
