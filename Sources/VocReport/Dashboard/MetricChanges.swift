public import VocScore

/// The tiles' change: NPS, CSAT satisfied %, CES easy % and mean sentiment in the last `periodDays` days through the
/// view's instant against the `periodDays` days before (`PeriodChange` says how each interval is computed).
public struct MetricChanges: Sendable, Encodable {
    public var periodDays: Int
    public var nps: PeriodChange
    public var csat: PeriodChange
    public var ces: PeriodChange
    public var sentiment: PeriodChange
}
