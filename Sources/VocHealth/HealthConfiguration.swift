/// The health model's settings: decay, period, shrinkage, weights and bands, with per-segment profiles.
///
/// The defaults are the documented ones (docs/health.yaml); `HealthConfiguration.load(yaml:)` reads a file that
/// overrides any of them.
public struct HealthConfiguration: Sendable, Hashable {
    /// A response this many days old counts half as much as one from the as-of date.
    public var halfLifeDays = 90.0
    /// The length of a history period, and of the two windows compared by the sentiment trend.
    public var periodDays = 7
    /// How many answers' worth of the portfolio (or segment) value each shrunk measure starts from.
    public var priorStrength = 5.0
    /// Decayed responses at which the volume measure reaches 100.
    public var volumeTarget = 10.0
    /// Score change between consecutive periods shown as a rising or falling trend arrow.
    public var trendArrowPoints = 3.0
    /// First-contact resolution: how many days after the team's first reply a customer's new message in the thread
    /// still means the reply did not solve it.
    public var fcrWindowDays = 7.0
    public var profile = HealthProfile.default
    /// Segment name (as in the account directory) → profile; a segment without one uses `profile`.
    public var segments: [String: HealthProfile] = [:]

    public init() {}

    public func profile(forSegment segment: String?) -> HealthProfile {
        segment.flatMap { segments[$0] } ?? profile
    }

    /// Whether the default profile or any segment's gives `measure` a weight: what is not weighed need not be read.
    public func weighs(_ measure: HealthMeasure) -> Bool {
        ([profile] + segments.values).contains { ($0.weights[measure] ?? 0) > 0 }
    }
}

/// Weights and bands: the default profile, or one segment's.
public struct HealthProfile: Sendable, Hashable {
    public var weights: [HealthMeasure: Double]
    public var bands: BandThresholds

    public static let `default` = HealthProfile(
        weights: [.nps: 20, .csat: 15, .ces: 10, .sentiment: 15, .sentimentTrend: 10, .detractors: 10, .churn: 10, .effort: 5,
                  .recency: 3, .volume: 2, .firstContactResolution: 0],
        bands: BandThresholds())

    public init(weights: [HealthMeasure: Double], bands: BandThresholds) {
        self.weights = weights
        self.bands = bands
    }
}
