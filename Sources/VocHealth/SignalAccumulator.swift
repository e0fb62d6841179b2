import Foundation
import VocCore

/// Decay-weighted sums over a set of records (an account, a segment, the portfolio), from which each measure's
/// raw value and its evidence (the decayed number of answers behind it) are read. The sums are exact
/// (`ExactSum`), so the days may be added in any order and grouping.
///
/// The weights may be relative to a later day than the instant the sums are read at (`HealthPass` weighs every day
/// once, at the as-of day): `scale` turns them into weights at the instant.
struct SignalAccumulator {
    var scale = 1.0
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
    /// Decided first contacts, and those resolved (`HealthPass.add(contacts:account:)`).
    var contacts = ExactSum()
    var resolvedContacts = ExactSum()
    var latest: Date?
    /// Unweighted scored comments and sentiment (in `RollupUnits`) of the last period and of the one before, for the trend.
    var lastPeriod = (count: 0, units: 0)
    var previousPeriod = (count: 0, units: 0)

    init(scale: Double = 1) { self.scale = scale }

    /// Adds a day's records, each with weight `w`.
    mutating func add(_ day: DaySignals, weight w: Double) {
        responses += day.responses
        weight.add(w * Double(day.responses))
        npsWeight.add(w * Double(day.nps.answered))
        promoters.add(w * Double(day.nps.promoters))
        detractors.add(w * Double(day.nps.detractors))
        csatWeight.add(w * Double(day.csatAnswered))
        csatFavourable.add(w * Double(day.csatFavourable))
        cesWeight.add(w * Double(day.cesAnswered))
        cesFavourable.add(w * Double(day.cesFavourable))
        if day.scored > 0 {
            scoredWeight.add(w * Double(day.scored))
            sentimentSum.add(w * RollupUnits.value(day.sentimentUnits))
            churn.add(w * Double(day.churn))
            effort.add(w * Double(day.effort))
        }
        if let last = day.lastAt, latest.map({ last > $0.timeIntervalSince1970 }) ?? true { latest = Date(timeIntervalSince1970: last) }
    }

    /// Adds every sum of `other` (whose `scale` is this one's).
    mutating func merge(_ other: SignalAccumulator) {
        responses += other.responses
        weight.add(other.weight)
        npsWeight.add(other.npsWeight)
        promoters.add(other.promoters)
        detractors.add(other.detractors)
        csatWeight.add(other.csatWeight)
        csatFavourable.add(other.csatFavourable)
        cesWeight.add(other.cesWeight)
        cesFavourable.add(other.cesFavourable)
        scoredWeight.add(other.scoredWeight)
        sentimentSum.add(other.sentimentSum)
        churn.add(other.churn)
        effort.add(other.effort)
        contacts.add(other.contacts)
        resolvedContacts.add(other.resolvedContacts)
        if let last = other.latest, latest.map({ last > $0 }) ?? true { latest = last }
        lastPeriod = (lastPeriod.count + other.lastPeriod.count, lastPeriod.units + other.lastPeriod.units)
        previousPeriod = (previousPeriod.count + other.previousPeriod.count, previousPeriod.units + other.previousPeriod.units)
    }

    /// The measure's raw 0-100 value and the evidence behind it; nil when there is none.
    func estimate(_ measure: HealthMeasure, asOf: Date, configuration: HealthConfiguration) -> (value: Double, evidence: Double)? {
        let w = { (sum: ExactSum) in sum.value * scale }
        func share(_ part: Double, of total: ExactSum) -> (Double, Double)? { w(total) > 0 ? (100 * part / w(total), w(total)) : nil }
        switch measure {
        case .nps: return w(npsWeight) > 0 ? (50 + 50 * (w(promoters) - w(detractors)) / w(npsWeight), w(npsWeight)) : nil
        case .csat: return share(w(csatFavourable), of: csatWeight)
        case .ces: return share(w(cesFavourable), of: cesWeight)
        case .sentiment: return w(scoredWeight) > 0 ? (50 + 50 * w(sentimentSum) / w(scoredWeight), w(scoredWeight)) : nil
        case .detractors: return share(w(npsWeight) - w(detractors), of: npsWeight)
        case .churn: return share(w(scoredWeight) - w(churn), of: scoredWeight)
        case .effort: return share(w(scoredWeight) - w(effort), of: scoredWeight)
        case .firstContactResolution: return share(w(resolvedContacts), of: contacts)
        case .sentimentTrend:
            guard lastPeriod.count > 0, previousPeriod.count > 0 else { return nil }
            let delta = RollupUnits.value(lastPeriod.units) / Double(lastPeriod.count) - RollupUnits.value(previousPeriod.units) / Double(previousPeriod.count)
            return (min(100, max(0, 50 + 50 * delta)), Double(min(lastPeriod.count, previousPeriod.count)))
        case .recency:
            guard let latest else { return nil }
            let days = max(0, asOf.timeIntervalSince(latest) / 86_400)
            return (100 * pow(0.5, days / configuration.halfLifeDays), w(weight))
        case .volume:
            return responses > 0 ? (100 * min(1, w(weight) / configuration.volumeTarget), w(weight)) : nil
        }
    }
}
