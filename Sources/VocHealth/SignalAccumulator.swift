import Foundation
import VocCore

/// Decay-weighted sums over a set of records (an account, a segment, the portfolio), from which each measure's
/// raw value and its evidence (the decayed number of answers behind it) are read. The sums are exact
/// (`ExactSum`), so the days may be added in any order.
struct SignalAccumulator {
    var responses = 0
    var weight = ExactSum()
    var npsWeight = ExactSum()
    var promoters = ExactSum()
    var detractors = ExactSum()
    var csatWeight = ExactSum()
    var csatFavourable = ExactSum()
    var cesWeight = ExactSum()
    var cesFavourable = ExactSum()
    var scoredWeight = ExactSum()
    var sentimentSum = ExactSum()
    var churn = ExactSum()
    var effort = ExactSum()
    var latest: Date?
    /// Unweighted sentiment of the last period and of the one before, for the trend.
    var lastPeriod = (count: 0, sum: ExactSum())
    var previousPeriod = (count: 0, sum: ExactSum())

    /// Adds a day's records, each with weight `w`; `period` is their age in whole periods (nil: undated).
    mutating func add(_ cell: DaySignals, weight w: Double, period: Int?) {
        responses += cell.responses
        weight.add(w * Double(cell.responses))
        npsWeight.add(w * Double(cell.npsAnswered))
        promoters.add(w * Double(cell.promoters))
        detractors.add(w * Double(cell.detractors))
        csatWeight.add(w * Double(cell.csatAnswered))
        csatFavourable.add(w * Double(cell.csatFavourable))
        cesWeight.add(w * Double(cell.cesAnswered))
        cesFavourable.add(w * Double(cell.cesFavourable))
        if cell.scored > 0 {
            let sentiment = RollupUnits.value(cell.sentimentUnits)
            scoredWeight.add(w * Double(cell.scored))
            sentimentSum.add(w * sentiment)
            churn.add(w * Double(cell.churn))
            effort.add(w * Double(cell.effort))
            switch period {
            case 0?: lastPeriod.count += cell.scored; lastPeriod.sum.add(sentiment)
            case 1?: previousPeriod.count += cell.scored; previousPeriod.sum.add(sentiment)
            default: break
            }
        }
        if let last = cell.lastAt, latest.map({ last > $0.timeIntervalSince1970 }) ?? true { latest = Date(timeIntervalSince1970: last) }
    }

    /// The measure's raw 0-100 value and the evidence behind it; nil when there is none.
    func estimate(_ measure: HealthMeasure, asOf: Date, configuration: HealthConfiguration) -> (value: Double, evidence: Double)? {
        func share(_ part: Double, of total: ExactSum) -> (Double, Double)? { total.value > 0 ? (100 * part / total.value, total.value) : nil }
        switch measure {
        case .nps: return npsWeight.value > 0 ? (50 + 50 * (promoters.value - detractors.value) / npsWeight.value, npsWeight.value) : nil
        case .csat: return share(csatFavourable.value, of: csatWeight)
        case .ces: return share(cesFavourable.value, of: cesWeight)
        case .sentiment: return scoredWeight.value > 0 ? (50 + 50 * sentimentSum.value / scoredWeight.value, scoredWeight.value) : nil
        case .detractors: return share(npsWeight.value - detractors.value, of: npsWeight)
        case .churn: return share(scoredWeight.value - churn.value, of: scoredWeight)
        case .effort: return share(scoredWeight.value - effort.value, of: scoredWeight)
        case .sentimentTrend:
            guard lastPeriod.count > 0, previousPeriod.count > 0 else { return nil }
            let delta = lastPeriod.sum.value / Double(lastPeriod.count) - previousPeriod.sum.value / Double(previousPeriod.count)
            return (min(100, max(0, 50 + 50 * delta)), Double(min(lastPeriod.count, previousPeriod.count)))
        case .recency:
            guard let latest else { return nil }
            let days = max(0, asOf.timeIntervalSince(latest) / 86_400)
            return (100 * pow(0.5, days / configuration.halfLifeDays), weight.value)
        case .volume:
            return responses > 0 ? (100 * min(1, weight.value / configuration.volumeTarget), weight.value) : nil
        }
    }
}
