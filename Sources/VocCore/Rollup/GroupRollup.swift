/// Everything the rollups keep for one group (account key and respondent domain): its all-time totals, its day
/// series, and the tally of its records that mention each topic, are in each language, show a churn or effort
/// signal, or rated an aspect of a rating matrix (unfavourably).
public struct GroupRollup: Sendable, Hashable {
    public var totals = RollupCell()
    /// The group's days, in order.
    public var days = DaySeries()
    public var labels: [RollupLabel: LabelTally] = [:]

    public init() {}

    /// Counts one record.
    public mutating func add(_ facts: RollupFacts) {
        totals.add(facts)
        days.add(facts)
        // The record's tally is the same for each of its labels: counted once, added to each.
        var record = LabelTally()
        record.add(facts)
        for topic in facts.topics { labels[RollupLabel(kind: .topic, label: topic), default: LabelTally()].merge(record) }
        if let language = facts.language { labels[RollupLabel(kind: .language, label: language), default: LabelTally()].merge(record) }
        if facts.sentiment != nil {
            if facts.churn { labels[.churn, default: LabelTally()].merge(record) }
            if facts.effort { labels[.effort, default: LabelTally()].merge(record) }
        }
        for (label, favourable) in facts.aspects {
            labels[RollupLabel(kind: .aspectRated, label: label), default: LabelTally()].merge(record)
            if !favourable { labels[RollupLabel(kind: .aspectUnfavourable, label: label), default: LabelTally()].merge(record) }
        }
    }

    /// Several rollups of one group added up (see `DaySeries.init(merging:)`).
    public init(merging parts: [GroupRollup]) {
        for part in parts {
            totals.merge(part.totals)
            for (label, tally) in part.labels { labels[label, default: LabelTally()].merge(tally) }
        }
        days = DaySeries(merging: parts.map(\.days))
    }

    /// Adds the records of another rollup of the same group.
    public mutating func merge(_ other: GroupRollup) {
        totals.merge(other.totals)
        days.merge(other.days)
        for (label, tally) in other.labels { labels[label, default: LabelTally()].merge(tally) }
    }
}

/// A topic, a language, a text signal (churn, effort) or an aspect of a rating matrix, tallied per group over its
/// whole history.
public struct RollupLabel: Hashable, Sendable, Comparable {
    public enum Kind: UInt8, Sendable, CaseIterable {
        case topic, language, signal
        /// The records that rated an aspect (`AspectKey.labelText`), and those whose rating of it is not favourable.
        case aspectRated, aspectUnfavourable
    }

    /// The records whose comment mentions leaving, or effort.
    public static let churn = RollupLabel(kind: .signal, label: "churn")
    public static let effort = RollupLabel(kind: .signal, label: "effort")

    public var kind: Kind
    public var label: String

    public init(kind: Kind, label: String) {
        self.kind = kind
        self.label = label
    }

    public static func < (lhs: RollupLabel, rhs: RollupLabel) -> Bool {
        (lhs.kind.rawValue, lhs.label) < (rhs.kind.rawValue, rhs.label)
    }
}
