/// Everything the rollups keep for one group (account key and respondent domain): its all-time totals, its day
/// series, and how many of its records mention each topic or are in each language.
public struct GroupRollup: Sendable, Hashable {
    public var totals = RollupCell()
    /// The group's days, in order.
    public var days = DaySeries()
    public var labels: [RollupLabel: Int] = [:]

    public init() {}

    /// Counts one record.
    public mutating func add(_ facts: RollupFacts) {
        totals.add(facts)
        days.add(facts)
        for topic in facts.topics { labels[RollupLabel(kind: .topic, label: topic), default: 0] += 1 }
        if let language = facts.language { labels[RollupLabel(kind: .language, label: language), default: 0] += 1 }
    }

    /// Several rollups of one group added up (see `DaySeries.init(merging:)`).
    public init(merging parts: [GroupRollup]) {
        for part in parts {
            totals.merge(part.totals)
            for (label, records) in part.labels { labels[label, default: 0] += records }
        }
        days = DaySeries(merging: parts.map(\.days))
    }

    /// Adds the records of another rollup of the same group.
    public mutating func merge(_ other: GroupRollup) {
        totals.merge(other.totals)
        days.merge(other.days)
        for (label, records) in other.labels { labels[label, default: 0] += records }
    }
}

/// A topic or a language, counted per group over its whole history.
public struct RollupLabel: Hashable, Sendable, Comparable {
    public enum Kind: UInt8, Sendable, CaseIterable {
        case topic, language
    }

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
