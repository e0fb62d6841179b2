/// The accounting of one ingest (a file or a whole run): every record read is accepted, quarantined or skipped.
public struct IngestCounts: Sendable, Hashable, Codable {
    public var read = 0
    public var accepted = 0
    public var quarantined = 0
    public var skipped = 0
    /// Accepted records whose key was already in the store (a re-ingest): counted in `accepted`, stored once.
    public var alreadyStored = 0

    public init() {}

    /// `read == accepted + quarantined + skipped`: the invariant every ingest must keep.
    public var isBalanced: Bool { read == accepted + quarantined + skipped }

    public var newlyStored: Int { accepted - alreadyStored }

    /// Counts one record read with what became of it.
    public mutating func count(_ event: IngestEvent) {
        read += 1
        switch event {
        case .accepted: accepted += 1
        case .quarantined: quarantined += 1
        case .skipped, .teamMessage: skipped += 1
        }
    }

    public static func + (lhs: IngestCounts, rhs: IngestCounts) -> IngestCounts {
        var sum = lhs
        sum.read += rhs.read
        sum.accepted += rhs.accepted
        sum.quarantined += rhs.quarantined
        sum.skipped += rhs.skipped
        sum.alreadyStored += rhs.alreadyStored
        return sum
    }
}
