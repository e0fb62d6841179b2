import Foundation
import VocCore

/// Decay-weighted sums over a set of records (an account, a segment, the portfolio), from which each measure's
/// raw value and its evidence (the decayed number of answers behind it) are read.
struct SignalAccumulator {
    var responses = 0
    var weight = 0.0
    var npsWeight = 0.0
    var promoters = 0.0
    var detractors = 0.0
    var csatWeight = 0.0
    var csatFavourable = 0.0
    var cesWeight = 0.0
    var cesFavourable = 0.0
    var scoredWeight = 0.0
    var sentimentSum = 0.0
    var churn = 0.0
    var effort = 0.0
    var latest: Date?
    /// Unweighted sentiment of the last period and of the one before, for the trend.
    var lastPeriod = (count: 0, sum: 0.0)
    var previousPeriod = (count: 0, sum: 0.0)

    mutating func add(_ signal: FeedbackSignal, weight w: Double, period: Int?) {
        responses += 1
        weight += w
        if let nps = signal.nps {
            npsWeight += w
            if nps >= 9 { promoters += w } else if nps <= 6 { detractors += w }
        }
        if let favourable = signal.csatFavourable {
            csatWeight += w
            if favourable { csatFavourable += w }
        }
        if let favourable = signal.cesFavourable {
            cesWeight += w
            if favourable { cesFavourable += w }
        }
        if let sentiment = signal.sentiment {
            scoredWeight += w
            sentimentSum += w * sentiment
            if signal.churn { churn += w }
            if signal.effort { effort += w }
            switch period {
            case 0?: lastPeriod = (lastPeriod.count + 1, lastPeriod.sum + sentiment)
            case 1?: previousPeriod = (previousPeriod.count + 1, previousPeriod.sum + sentiment)
            default: break
            }
        }
        if let date = signal.submittedAt, latest.map({ date > $0 }) ?? true { latest = date }
    }

    /// The measure's raw 0-100 value and the evidence behind it; nil when there is none.
    func estimate(_ measure: HealthMeasure, asOf: Date, configuration: HealthConfiguration) -> (value: Double, evidence: Double)? {
        func share(_ part: Double, of total: Double) -> (Double, Double)? { total > 0 ? (100 * part / total, total) : nil }
        switch measure {
        case .nps: return npsWeight > 0 ? (50 + 50 * (promoters - detractors) / npsWeight, npsWeight) : nil
        case .csat: return share(csatFavourable, of: csatWeight)
        case .ces: return share(cesFavourable, of: cesWeight)
        case .sentiment: return scoredWeight > 0 ? (50 + 50 * sentimentSum / scoredWeight, scoredWeight) : nil
        case .detractors: return share(npsWeight - detractors, of: npsWeight)
        case .churn: return share(scoredWeight - churn, of: scoredWeight)
        case .effort: return share(scoredWeight - effort, of: scoredWeight)
        case .sentimentTrend:
            guard lastPeriod.count > 0, previousPeriod.count > 0 else { return nil }
            let delta = lastPeriod.sum / Double(lastPeriod.count) - previousPeriod.sum / Double(previousPeriod.count)
            return (min(100, max(0, 50 + 50 * delta)), Double(min(lastPeriod.count, previousPeriod.count)))
        case .recency:
            guard let latest else { return nil }
            let days = max(0, asOf.timeIntervalSince(latest) / 86_400)
            return (100 * pow(0.5, days / configuration.halfLifeDays), weight)
        case .volume:
            return responses > 0 ? (100 * min(1, weight / configuration.volumeTarget), weight) : nil
        }
    }
}
