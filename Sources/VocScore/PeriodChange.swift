public import VocCore

/// A figure in the latest period against the period of the same length before it, with a 95 % interval of the
/// change where voc has one:
/// - NPS: the adjusted-Wald difference (Rocks 2016, as for `NPSResult`): each period gets 3 more answers, ¾ more
///   promoters and ¾ more detractors, and the change NPS′₁ − NPS′₀ ± z·√(v₁/n′₁ + v₀/n′₀), v = P′ + D′ − (P′ − D′)²;
/// - a share (CSAT satisfied, CES easy): Agresti-Caffo, one favourable and one other answer added to each period,
///   p̃₁ − p̃₀ ± z·√(p̃₁(1 − p̃₁)/(n₁ + 2) + p̃₀(1 − p̃₀)/(n₀ + 2));
/// - a mean with its spread (sums of the values and of their squares): Welch's normal interval,
///   m₁ − m₀ ± z·√(s₁²/n₁ + s₀²/n₀) with the sample variances, when each side has two values or more; without the
///   spread (the day series keep none), the change alone.
///
/// `change` is the plain difference of the two figures; the NPS and share intervals are centred on the adjusted one,
/// as the figures' own intervals are. Both are in the figure's units (NPS points, percentage points, sentiment).
/// Key drivers (`KeyDriver`) use the same differences between the responses that mention a topic and the rest.
public struct PeriodChange: Sendable, Hashable, Encodable {
    public var current: Double?
    public var previous: Double?
    public var currentAnswered: Int
    public var previousAnswered: Int
    /// current − previous; nil when either period has no answer.
    public var change: Double?
    public var changeCiLow: Double?
    public var changeCiHigh: Double?

    public static func nps(_ current: NPSTally, previous: NPSTally) -> PeriodChange {
        func adjusted(_ tally: NPSTally) -> (center: Double, variance: Double) {
            let n = Double(tally.answered) + 3
            let promoters = (Double(tally.promoters) + 0.75) / n, detractors = (Double(tally.detractors) + 0.75) / n
            let center = promoters - detractors
            return (center, (promoters + detractors - center * center) / n)
        }
        let score = { (tally: NPSTally) in tally.answered == 0 ? nil : 100 * Double(tally.promoters - tally.detractors) / Double(tally.answered) }
        var result = PeriodChange(current: score(current), previous: score(previous), currentAnswered: current.answered, previousAnswered: previous.answered)
        if result.change != nil {
            let (now, before) = (adjusted(current), adjusted(previous))
            let margin = Confidence.z * (now.variance + before.variance).squareRoot()
            result.setInterval(100 * (now.center - before.center - margin), 100 * (now.center - before.center + margin), bound: 200)
        }
        return result
    }

    /// The change of the share of favourable answers, in percentage points.
    public static func share(favourable: Int, of answered: Int, previousFavourable: Int, of previousAnswered: Int) -> PeriodChange {
        let share = { (favourable: Int, answered: Int) in answered == 0 ? nil : 100 * Double(favourable) / Double(answered) }
        var result = PeriodChange(current: share(favourable, answered), previous: share(previousFavourable, previousAnswered),
                                  currentAnswered: answered, previousAnswered: previousAnswered)
        if result.change != nil {
            let adjusted = { (favourable: Int, answered: Int) in
                let p = (Double(favourable) + 1) / (Double(answered) + 2)
                return (p, p * (1 - p) / (Double(answered) + 2))
            }
            let (now, before) = (adjusted(favourable, answered), adjusted(previousFavourable, previousAnswered))
            let margin = Confidence.z * (now.1 + before.1).squareRoot()
            result.setInterval(100 * (now.0 - before.0 - margin), 100 * (now.0 - before.0 + margin), bound: 100)
        }
        return result
    }

    /// The change of a mean, without an interval.
    public static func mean(_ current: Double?, answered: Int, previous: Double?, previousAnswered: Int) -> PeriodChange {
        PeriodChange(current: current, previous: previous, currentAnswered: answered, previousAnswered: previousAnswered)
    }

    /// The change of a mean whose values' sum and sum of squares are known on both sides, with Welch's interval.
    public static func mean(sum: Double, squareSum: Double, count: Int, previousSum: Double, previousSquareSum: Double, previousCount: Int) -> PeriodChange {
        let mean = { (sum: Double, count: Int) in count == 0 ? nil : sum / Double(count) }
        var result = PeriodChange(current: mean(sum, count), previous: mean(previousSum, previousCount), currentAnswered: count,
                                  previousAnswered: previousCount)
        if let change = result.change, count > 1, previousCount > 1 {
            let margin = Confidence.z * (Confidence.varianceOfMean(sum: sum, squareSum: squareSum, count: count)
                + Confidence.varianceOfMean(sum: previousSum, squareSum: previousSquareSum, count: previousCount)).squareRoot()
            result.setInterval(change - margin, change + margin, bound: .infinity)
        }
        return result
    }

    private init(current: Double?, previous: Double?, currentAnswered: Int, previousAnswered: Int) {
        self.current = current
        self.previous = previous
        self.currentAnswered = currentAnswered
        self.previousAnswered = previousAnswered
        if let current, let previous { change = current - previous }
    }

    private mutating func setInterval(_ low: Double, _ high: Double, bound: Double) {
        changeCiLow = max(-bound, low)
        changeCiHigh = min(bound, high)
    }
}
