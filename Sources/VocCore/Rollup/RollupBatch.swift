/// The group rollups of a set of records: one ingest batch's additions, or a rebuild's.
public struct RollupBatch: Sendable, Equatable {
    public private(set) var groups: [RollupKey: GroupRollup] = [:]

    public init() {}

    public mutating func add(_ facts: RollupFacts) {
        groups[facts.key, default: GroupRollup()].add(facts)
    }

    /// Adds a group's rollup.
    public mutating func add(_ rollup: GroupRollup, at key: RollupKey) {
        groups[key, default: GroupRollup()].merge(rollup)
    }

    /// Adds every group of `other`.
    public mutating func merge(_ other: RollupBatch) {
        for (key, rollup) in other.groups { add(rollup, at: key) }
    }
}
