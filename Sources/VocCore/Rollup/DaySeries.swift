/// A rollup group's days in order (the undated records first), each day once: kept sorted so that decoding, merging
/// and the health pass walk arrays, not hash tables (hashing a day per record was a fifth of `voc health`).
public struct DaySeries: Sendable, Hashable, Sequence {
    public struct Entry: Sendable, Hashable {
        /// Days since 1970 (UTC); nil for the undated records.
        public var day: Int?
        public var signals: DaySignals
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Entries already in order, each day once (`RollupCoding` checks).
    init(sorted entries: [Entry]) { self.entries = entries }

    public var count: Int { entries.count }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    /// Counts one record on its day.
    mutating func add(_ facts: RollupFacts) {
        entries[index(of: facts.day)].signals.add(facts)
    }

    /// Adds a day's signals to that day.
    public mutating func add(_ signals: DaySignals, day: Int?) {
        entries[index(of: day)].signals.merge(signals)
    }

    /// The index of `day`'s entry, made empty when missing.
    private mutating func index(of day: Int?) -> Int {
        let index: Int
        if let last = entries.last, last.day == day {
            index = entries.count - 1
        } else {
            index = position(of: day)
            if index == entries.count || entries[index].day != day { entries.insert(Entry(day: day, signals: DaySignals()), at: index) }
        }
        return index
    }

    /// Adds every day of `other`, day by day.
    mutating func merge(_ other: DaySeries) {
        guard !other.entries.isEmpty else { return }
        guard !entries.isEmpty else { entries = other.entries; return }
        var merged: [Entry] = []
        merged.reserveCapacity(entries.count + other.entries.count)
        var left = 0, right = 0
        while left < entries.count || right < other.entries.count {
            if right == other.entries.count || left < entries.count && Self.order(entries[left].day) < Self.order(other.entries[right].day) {
                merged.append(entries[left]); left += 1
            } else if left == entries.count || Self.order(other.entries[right].day) < Self.order(entries[left].day) {
                merged.append(other.entries[right]); right += 1
            } else {
                var entry = entries[left]
                entry.signals.merge(other.entries[right].signals)
                merged.append(entry); left += 1; right += 1
            }
        }
        entries = merged
    }

    /// The days of several series added up. The parts' entries are put in day order through a sort of their
    /// positions (two words each), then each entry is moved once: sorting the entries themselves moved every ~120-byte
    /// entry log₂(n) times, and that was a third of folding a bulk load's 61 deltas per group.
    public init(merging parts: [DaySeries]) {
        guard parts.count > 1 else { self = parts.first ?? DaySeries(); return }
        var positions: [(order: Int, part: Int, index: Int)] = []
        positions.reserveCapacity(parts.reduce(0) { $0 + $1.entries.count })
        for (part, series) in parts.enumerated() {
            for (index, entry) in series.entries.enumerated() { positions.append((Self.order(entry.day), part, index)) }
        }
        positions.sort { ($0.order, $0.part, $0.index) < ($1.order, $1.part, $1.index) }
        entries.reserveCapacity(positions.count)
        for position in positions {
            let entry = parts[position.part].entries[position.index]
            if let last = entries.last, last.day == entry.day {
                entries[entries.count - 1].signals.merge(entry.signals)
            } else {
                entries.append(entry)
            }
        }
    }

    /// The first index whose day is not before `day`.
    private func position(of day: Int?) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if Self.order(entries[middle].day) < Self.order(day) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func order(_ day: Int?) -> Int { day ?? Int.min }
}
