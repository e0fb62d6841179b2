/// The quarantine page: counts per reason and the latest entries.
public struct QuarantineList: Sendable, Encodable {
    public var type = "quarantine"
    public var total: Int
    public var reasons: [String: Int]
    public var entries: [QuarantineRow]
}
