/// One rollup group's records of one UTC day summed, as far as the health model and the charts read them: the day
/// series that decays, trends and history are computed from. Integers and the latest time only, so merging days is
/// exact in any order.
public struct DaySignals: Sendable, Hashable {
    public var responses = 0
    /// The day's NPS answers by band (skipped ones are counted in the group's totals only).
    public var nps = NPSTally()
    public var csatAnswered = 0
    public var csatFavourable = 0
    public var cesAnswered = 0
    public var cesFavourable = 0
    /// Scored comments, the sum of their compound scores (in `RollupUnits`), and how many mentioned churn or effort.
    public var scored = 0
    public var sentimentUnits = 0
    public var churn = 0
    public var effort = 0
    /// The latest submission time of the day, in seconds since 1970 (nil for the undated records).
    public var lastAt: Double?

    public init() {}

    /// The numbers in their stored order (`lastAt` apart).
    static let fieldCount = 12

    /// Counts one record.
    public mutating func add(_ facts: RollupFacts) {
        responses += 1
        if let answer = facts.nps, answer.rating != nil { nps.add(answer) }
        if facts.csat.answer?.rating != nil { csatAnswered += 1; if facts.csat.favourable { csatFavourable += 1 } }
        if facts.ces.answer?.rating != nil { cesAnswered += 1; if facts.ces.favourable { cesFavourable += 1 } }
        if let sentiment = facts.sentiment {
            scored += 1
            sentimentUnits += RollupUnits.units(sentiment)
            if facts.churn { churn += 1 }
            if facts.effort { effort += 1 }
        }
        if let time = facts.submittedAt { lastAt = max(lastAt ?? time, time) }
    }

    /// Adds the records of another day (of the same group and day).
    public mutating func merge(_ other: DaySignals) {
        responses += other.responses
        nps.merge(other.nps)
        csatAnswered += other.csatAnswered
        csatFavourable += other.csatFavourable
        cesAnswered += other.cesAnswered
        cesFavourable += other.cesFavourable
        scored += other.scored
        sentimentUnits += other.sentimentUnits
        churn += other.churn
        effort += other.effort
        if let last = other.lastAt { lastAt = max(lastAt ?? last, last) }
    }

    /// The fields in stored order.
    var fields: [Int] {
        [responses, nps.promoters, nps.passives, nps.detractors, csatAnswered, csatFavourable, cesAnswered, cesFavourable, scored, sentimentUnits,
         churn, effort]
    }

    init(fields: [Int], lastAt: Double?) {
        responses = fields[0]
        nps = NPSTally(promoters: fields[1], passives: fields[2], detractors: fields[3])
        (csatAnswered, csatFavourable, cesAnswered, cesFavourable) = (fields[4], fields[5], fields[6], fields[7])
        (scored, sentimentUnits, churn, effort) = (fields[8], fields[9], fields[10], fields[11])
        self.lastAt = lastAt
    }
}
