/// A rollup group's records summed over its whole history: the tallies `voc accounts`, `voc account` and the
/// dashboard's lists show. Only integers and extremes, so totals can be added in any order and any grouping with the
/// same result.
public struct RollupCell: Sendable, Hashable {
    public var responses = 0
    public var nps = NPSTally()
    public var csat = RatingRollup()
    public var ces = RatingRollup()
    public var recommend = YesNoTally()
    /// The earliest and latest submission time, in seconds since 1970.
    public var firstAt: Double?
    public var lastAt: Double?
    public var comments = 0
    /// Scored comments, the sums of their compound scores and of their squares (in `RollupUnits`), and how many were
    /// negative or mentioned churn or effort.
    public var scored = 0
    public var sentimentUnits = 0
    public var sentimentSquareUnits = 0
    public var negative = 0
    public var churn = 0
    public var effort = 0
    /// The greatest account name the records give (in byte order, as SQL's `MAX` compares text).
    public var accountName: String?

    public init() {}

    /// Counts one record.
    public mutating func add(_ facts: RollupFacts) {
        responses += 1
        if let answer = facts.nps { nps.add(answer) }
        csat.add(facts.csat)
        ces.add(facts.ces)
        recommend.add(facts.recommend)
        if let time = facts.submittedAt {
            firstAt = min(firstAt ?? time, time)
            lastAt = max(lastAt ?? time, time)
        }
        if facts.hasComment { comments += 1 }
        if let sentiment = facts.sentiment {
            scored += 1
            sentimentUnits += RollupUnits.units(sentiment)
            sentimentSquareUnits += RollupUnits.units(sentiment * sentiment)
            if facts.negative { negative += 1 }
            if facts.churn { churn += 1 }
            if facts.effort { effort += 1 }
        }
        accountName = Self.greater(accountName, facts.accountName)
    }

    /// Adds the records of another cell.
    public mutating func merge(_ other: RollupCell) {
        responses += other.responses
        nps.merge(other.nps)
        csat.merge(other.csat)
        ces.merge(other.ces)
        recommend.merge(other.recommend)
        firstAt = [firstAt, other.firstAt].compactMap { $0 }.min()
        lastAt = [lastAt, other.lastAt].compactMap { $0 }.max()
        comments += other.comments
        scored += other.scored
        sentimentUnits += other.sentimentUnits
        sentimentSquareUnits += other.sentimentSquareUnits
        negative += other.negative
        churn += other.churn
        effort += other.effort
        accountName = Self.greater(accountName, other.accountName)
    }

    /// The greater of two optional texts in byte order; a missing one never wins.
    static func greater(_ a: String?, _ b: String?) -> String? {
        guard let a else { return b }
        guard let b, a != b else { return a }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? b : a
    }

    /// The lesser of two optional texts in byte order; a missing one never wins.
    static func lesser(_ a: String?, _ b: String?) -> String? {
        guard let a else { return b }
        guard let b, a != b else { return a }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? a : b
    }
}

/// A rollup's CSAT or CES counts: answered, favourable, the first two moments on 0…1 (in `RollupUnits`), skipped
/// answers, and the least and greatest scale code seen (one scale when they are equal).
public struct RatingRollup: Sendable, Hashable {
    public var answered = 0
    public var favourable = 0
    public var unitSum = 0
    public var unitSquareSum = 0
    public var blank = 0
    public var notApplicable = 0
    public var lowestScale: String?
    public var highestScale: String?

    public init() {}

    mutating func add(_ rating: RollupFacts.Rating) {
        guard let answer = rating.answer else { return }
        lowestScale = RollupCell.lesser(lowestScale, rating.scaleCode)
        highestScale = RollupCell.greater(highestScale, rating.scaleCode)
        switch answer {
        case .rating:
            answered += 1
            if rating.favourable { favourable += 1 }
            if let unit = rating.unit {
                unitSum += RollupUnits.units(unit)
                unitSquareSum += RollupUnits.units(unit * unit)
            }
        case .blank: blank += 1
        case .notApplicable: notApplicable += 1
        }
    }

    mutating func merge(_ other: RatingRollup) {
        answered += other.answered
        favourable += other.favourable
        unitSum += other.unitSum
        unitSquareSum += other.unitSquareSum
        blank += other.blank
        notApplicable += other.notApplicable
        lowestScale = RollupCell.lesser(lowestScale, other.lowestScale)
        highestScale = RollupCell.greater(highestScale, other.highestScale)
    }

    /// The scale code every answer shares; nil when there were several, or none.
    public var sharedScale: String? { lowestScale == highestScale ? lowestScale : nil }
}
