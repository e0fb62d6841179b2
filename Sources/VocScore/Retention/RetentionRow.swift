public import Foundation

/// One period's customer and revenue retention (of the portfolio, one segment, or one CSM's accounts), from the CRM
/// snapshots in force at its start and at its end. Rates are percentages; nil when nothing was there to lose.
public struct RetentionRow: Sendable, Hashable, Encodable {
    public var periodStart: Date
    public var periodEnd: Date
    /// The snapshots read as the period's start and end state.
    public var startSnapshot: Date
    public var endSnapshot: Date
    /// nil for the whole portfolio; `(none)` for accounts without a segment.
    public var segment: String?
    public var accountsStart = 0
    public var churned = 0
    public var new = 0
    public var logoChurnRate: Double?
    public var arrStart = 0.0
    public var churnedArr = 0.0
    public var contractionArr = 0.0
    public var expansionArr = 0.0
    /// Gross revenue retention: (ARR at start − churned − contraction) ÷ ARR at start, in %.
    public var grr: Double?
    /// Net revenue retention: (ARR at start − churned − contraction + expansion) ÷ ARR at start, in %.
    public var nrr: Double?

    private enum CodingKeys: String, CodingKey {
        case periodStart, periodEnd, startSnapshot, endSnapshot, segment, accountsStart, churned, new, logoChurnRate, arrStart, churnedArr,
             contractionArr, expansionArr, grr, nrr
    }

    /// Every key, `null` when there is no value: the fields are stable for scripts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(periodStart, forKey: .periodStart)
        try container.encode(periodEnd, forKey: .periodEnd)
        try container.encode(startSnapshot, forKey: .startSnapshot)
        try container.encode(endSnapshot, forKey: .endSnapshot)
        try container.encode(segment, forKey: .segment)
        try container.encode(accountsStart, forKey: .accountsStart)
        try container.encode(churned, forKey: .churned)
        try container.encode(new, forKey: .new)
        try container.encode(logoChurnRate, forKey: .logoChurnRate)
        try container.encode(arrStart, forKey: .arrStart)
        try container.encode(churnedArr, forKey: .churnedArr)
        try container.encode(contractionArr, forKey: .contractionArr)
        try container.encode(expansionArr, forKey: .expansionArr)
        try container.encode(grr, forKey: .grr)
        try container.encode(nrr, forKey: .nrr)
    }

    init(period: DateInterval, start: Date, end: Date, segment: String?) {
        periodStart = period.start
        periodEnd = period.end
        startSnapshot = start
        endSnapshot = end
        self.segment = segment
    }

    /// Sets the rates from the counts.
    mutating func finish() {
        logoChurnRate = accountsStart > 0 ? 100 * Double(churned) / Double(accountsStart) : nil
        guard arrStart > 0 else { return }
        let kept = arrStart - churnedArr - contractionArr
        grr = 100 * kept / arrStart
        nrr = 100 * (kept + expansionArr) / arrStart
    }
}
