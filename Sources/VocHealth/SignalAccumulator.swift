import Foundation
import VocCore

/// Decay-weighted sums over a set of records (an account, a segment, the portfolio), from which each measure's
/// raw value and its evidence (the decayed number of answers behind it) are read. The sums are exact
/// (`ExactSum`), so the records may be added in any order.
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

    mutating func add(_ signal: FeedbackSignal, weight w: Double, period: Int?) {
        responses += 1
        weight.add(w)
        if let nps = signal.nps {
            npsWeight.add(w)
            switch NPSBand(score: nps) {
            case .promoter: promoters.add(w)
            case .detractor: detractors.add(w)
            case .passive: break
            }
        }
        if let favourable = signal.csatFavourable {
            csatWeight.add(w)
            if favourable { csatFavourable.add(w) }
        }
        if let favourable = signal.cesFavourable {
            cesWeight.add(w)
            if favourable { cesFavourable.add(w) }
        }
        if let sentiment = signal.sentiment {
            scoredWeight.add(w)
            sentimentSum.add(w * sentiment)
            if signal.churn { churn.add(w) }
            if signal.effort { effort.add(w) }
            switch period {
            case 0?: lastPeriod.count += 1; lastPeriod.sum.add(sentiment)
            case 1?: previousPeriod.count += 1; previousPeriod.sum.add(sentiment)
            default: break
            }
        }
        if let date = signal.submittedAt, latest.map({ date > $0 }) ?? true { latest = date }
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
