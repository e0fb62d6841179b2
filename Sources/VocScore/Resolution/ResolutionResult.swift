public import VocCore

/// First-contact resolution over a set of contacts: the share of decided contacts (resolved or not) that were
/// resolved, with its Wilson 95 % interval, and the contacts not yet decided.
public struct ResolutionResult: Sendable, Hashable, Encodable {
    /// % resolved at first contact; nil when no contact is decided.
    public var percent: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var decided = 0
    public var resolved = 0
    public var pending = 0
    public var unanswered = 0
    /// Whether `decided` reaches the minimum sample.
    public var sufficient = false

    public init(_ contacts: some Sequence<FirstContact>, minimumSample: Int = Confidence.defaultMinimumSample) {
        for contact in contacts {
            switch contact.outcome {
            case .resolved: resolved += 1; decided += 1
            case .notResolved: decided += 1
            case .pending: pending += 1
            case .unanswered: unanswered += 1
            }
        }
        sufficient = decided >= minimumSample
        guard decided > 0 else { return }
        percent = 100 * Double(resolved) / Double(decided)
        let interval = Confidence.wilsonPercent(resolved, of: decided)
        (ciLow, ciHigh) = (interval.lowerBound, interval.upperBound)
    }

    public var isEmpty: Bool { decided + pending + unanswered == 0 }
}
