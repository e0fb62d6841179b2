/// The records of a group that carry one label (mention a topic, are in a language, show a churn or effort signal),
/// summed: enough to set them against the group's other records (NPS, CSAT, CES and sentiment with and without the
/// label, see `DriverAnalysis`). Integers and the latest time only, so tallies add up in any order.
public struct LabelTally: Sendable, Hashable {
    /// The records' counts as a day's are kept: responses, NPS by band, CSAT and CES answered and favourable, scored
    /// comments and their sentiment sum, churn and effort, the latest time.
    public var signals = DaySignals()
    /// The sum of the squared compound scores of the scored comments (in `RollupUnits`), and how many were negative.
    public var sentimentSquareUnits = 0
    public var negative = 0

    public init() {}

    public var records: Int { signals.responses }

    /// Counts one record.
    public mutating func add(_ facts: RollupFacts) {
        signals.add(facts)
        if let sentiment = facts.sentiment {
            sentimentSquareUnits += RollupUnits.units(sentiment * sentiment)
            if facts.negative { negative += 1 }
        }
    }

    /// Adds the records of another tally.
    public mutating func merge(_ other: LabelTally) {
        signals.merge(other.signals)
        sentimentSquareUnits += other.sentimentSquareUnits
        negative += other.negative
    }
}
