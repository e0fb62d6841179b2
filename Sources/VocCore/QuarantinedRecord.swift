/// A record that could not be accepted, kept with its reason, position and raw bytes so nothing is lost.
public struct QuarantinedRecord: Sendable, Hashable {
    public var reason: QuarantineReason
    public var position: SourcePosition
    /// Extra context without customer text, e.g. `value has 3 decimal places` or `expected 12 fields, found 9`.
    public var detail: String
    /// The record exactly as read (possibly truncated for oversized records, see `isTruncated`).
    public var raw: [UInt8]
    public var isTruncated: Bool

    public init(reason: QuarantineReason, position: SourcePosition, detail: String, raw: [UInt8], isTruncated: Bool = false) {
        self.reason = reason
        self.position = position
        self.detail = detail
        self.raw = raw
        self.isTruncated = isTruncated
    }

    /// A stable key so re-ingesting the same file does not quarantine the same record twice.
    public var key: String {
        var hasher = StableHasher()
        hasher.combine(position.file.split(separator: "/").last.map(String.init) ?? position.file)
        hasher.combine(position.line ?? 0)
        hasher.combine(raw)
        return hasher.finalizeHex()
    }
}
