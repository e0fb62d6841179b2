/// The cells and label counts of a set of records: one ingest batch's additions, or a rebuild's.
public struct RollupBatch: Sendable, Equatable {
    public private(set) var cells: [RollupKey: RollupCell] = [:]
    /// Topic and language counts per (account key, domain): all time, as the lists and pages show them.
    public private(set) var labels: [RollupLabel: Int] = [:]

    public init() {}

    public var isEmpty: Bool { cells.isEmpty }

    public mutating func add(_ facts: RollupFacts) {
        cells[facts.key, default: RollupCell()].add(facts)
        for topic in facts.topics {
            labels[RollupLabel(accountID: facts.key.accountID, domain: facts.key.domain, kind: .topic, label: topic), default: 0] += 1
        }
        if let language = facts.language {
            labels[RollupLabel(accountID: facts.key.accountID, domain: facts.key.domain, kind: .language, label: language), default: 0] += 1
        }
    }

    /// Adds a cell's records under `key`.
    public mutating func add(_ cell: RollupCell, at key: RollupKey) {
        cells[key, default: RollupCell()].merge(cell)
    }

    /// Adds every cell and label count of `other`.
    public mutating func merge(_ other: RollupBatch) {
        for (key, cell) in other.cells { add(cell, at: key) }
        for (label, records) in other.labels { add(label, records: records) }
    }

    /// Counts `records` more records under a label (a rebuild reads topics apart from their records).
    public mutating func add(_ label: RollupLabel, records: Int = 1) {
        labels[label, default: 0] += records
    }

    /// The cells in key order: the order concurrent writers update them in, so they never wait on each other in a cycle.
    public var sortedCells: [(key: RollupKey, cell: RollupCell)] { cells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    public var sortedLabels: [(label: RollupLabel, count: Int)] { labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
}

/// A count kept per (account key, domain) for the whole history: how many records mention a topic, or are in a language.
public struct RollupLabel: Hashable, Sendable, Comparable {
    public enum Kind: String, Sendable, CaseIterable {
        case topic, language
    }

    public var accountID: String?
    public var domain: String?
    public var kind: Kind
    public var label: String

    public init(accountID: String?, domain: String?, kind: Kind, label: String) {
        self.accountID = accountID
        self.domain = domain
        self.kind = kind
        self.label = label
    }

    public static func < (lhs: RollupLabel, rhs: RollupLabel) -> Bool {
        (lhs.accountID ?? "", lhs.domain ?? "", lhs.kind.rawValue, lhs.label) < (rhs.accountID ?? "", rhs.domain ?? "", rhs.kind.rawValue, rhs.label)
    }
}
