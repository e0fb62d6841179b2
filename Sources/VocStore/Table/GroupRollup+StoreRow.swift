import Foundation
public import VocCore

extension GroupRollup {
    /// Hands the group's values, under `key`, to `sink` in `RollupColumn` order.
    public func write<Sink: StoreRowSink & ~Copyable>(key: RollupKey, into sink: inout Sink) {
        sink.put(key.accountID ?? "", RollupColumn.accountKey)
        sink.put(key.domain ?? "", RollupColumn.domain)
        sink.put(totals.responses, RollupColumn.responses)
        sink.put(totals.nps.promoters, RollupColumn.promoters)
        sink.put(totals.nps.passives, RollupColumn.passives)
        sink.put(totals.nps.detractors, RollupColumn.detractors)
        sink.put(totals.nps.blank, RollupColumn.npsBlank)
        sink.put(totals.nps.notApplicable, RollupColumn.npsNotApplicable)
        Self.write(totals.csat, into: &sink, first: .csatAnswered)
        Self.write(totals.ces, into: &sink, first: .cesAnswered)
        sink.put(totals.firstAt, RollupColumn.firstAt)
        sink.put(totals.lastAt, RollupColumn.lastAt)
        sink.put(totals.comments, RollupColumn.comments)
        sink.put(totals.scored, RollupColumn.scored)
        sink.put(totals.sentimentUnits, RollupColumn.sentimentSum)
        sink.put(totals.negative, RollupColumn.negative)
        sink.put(totals.churn, RollupColumn.churn)
        sink.put(totals.effort, RollupColumn.effort)
        sink.put(totals.accountName, RollupColumn.accountName)
        sink.put(RollupCoding.encode(days: days), RollupColumn.days)
        sink.put(RollupCoding.encode(labels: labels), RollupColumn.labels)
        sink.put(totals.sentimentSquareUnits, RollupColumn.sentimentSquareSum)
        sink.put(totals.recommend.answered, RollupColumn.recommendAnswered)
        sink.put(totals.recommend.yes, RollupColumn.recommendYes)
    }

    /// A rating's eight columns, which follow `first` in the same order for CSAT and CES.
    private static func write<Sink: StoreRowSink & ~Copyable>(_ rating: RatingRollup, into sink: inout Sink, first: RollupColumn) {
        let column = { (offset: Int) in RollupColumn(rawValue: first.rawValue + offset)! }
        sink.put(rating.answered, column(0))
        sink.put(rating.favourable, column(1))
        sink.put(rating.unitSum, column(2))
        sink.put(rating.unitSquareSum, column(3))
        sink.put(rating.blank, column(4))
        sink.put(rating.notApplicable, column(5))
        sink.put(rating.lowestScale, column(6))
        sink.put(rating.highestScale, column(7))
    }

    /// Every column, in table order.
    public static let columns = ColumnPositions<RollupColumn>(RollupColumn.allCases)

    /// Reads the key of a row of `columns`.
    public static func key(reading row: some StoreRowReader<RollupColumn>) throws -> RollupKey {
        let account = try row.text(.accountKey) ?? "", domain = try row.text(.domain) ?? ""
        return RollupKey(accountID: account.isEmpty ? nil : account, domain: domain.isEmpty ? nil : domain)
    }

    /// Every column but the day series: what the tallies read.
    public static let totalsColumns = ColumnPositions<RollupColumn>(RollupColumn.allCases.filter { $0 != .days })

    /// Reads a row of `columns` or `totalsColumns` (whose day series stays empty).
    public init(reading row: some StoreRowReader<RollupColumn>, columns: ColumnPositions<RollupColumn> = Self.columns) throws {
        self.init()
        let count = { (column: RollupColumn) throws in try row.integer(column) ?? 0 }
        totals.responses = try count(.responses)
        totals.nps = NPSTally(promoters: try count(.promoters), passives: try count(.passives), detractors: try count(.detractors),
                              blank: try count(.npsBlank), notApplicable: try count(.npsNotApplicable))
        totals.csat = try Self.rating(reading: row, first: .csatAnswered)
        totals.ces = try Self.rating(reading: row, first: .cesAnswered)
        totals.firstAt = try row.real(.firstAt)
        totals.lastAt = try row.real(.lastAt)
        totals.comments = try count(.comments)
        totals.scored = try count(.scored)
        totals.sentimentUnits = try count(.sentimentSum)
        totals.sentimentSquareUnits = try count(.sentimentSquareSum)
        totals.negative = try count(.negative)
        totals.churn = try count(.churn)
        totals.effort = try count(.effort)
        totals.accountName = try row.text(.accountName)
        totals.recommend = YesNoTally(answered: try count(.recommendAnswered), yes: try count(.recommendYes))
        if columns.contains(.days) { days = try RollupCoding.decodeDays(try row.bytes(.days)) }
        labels = try RollupCoding.decodeLabels(try row.bytes(.labels))
    }

    private static func rating(reading row: some StoreRowReader<RollupColumn>, first: RollupColumn) throws -> RatingRollup {
        let column = { (offset: Int) in RollupColumn(rawValue: first.rawValue + offset)! }
        var rating = RatingRollup()
        rating.answered = try row.integer(column(0)) ?? 0
        rating.favourable = try row.integer(column(1)) ?? 0
        rating.unitSum = try row.integer(column(2)) ?? 0
        rating.unitSquareSum = try row.integer(column(3)) ?? 0
        rating.blank = try row.integer(column(4)) ?? 0
        rating.notApplicable = try row.integer(column(5)) ?? 0
        rating.lowestScale = try row.text(column(6))
        rating.highestScale = try row.text(column(7))
        return rating
    }

    /// The group's tally, as `voc accounts` lists it: its totals and its label tallies.
    public func tally(accountID: String?) -> AccountTally {
        func rating(_ rollup: RatingRollup) -> RatingTally {
            RatingTally(answered: rollup.answered, favourable: rollup.favourable, unitSum: RollupUnits.value(rollup.unitSum),
                        unitSquareSum: RollupUnits.value(rollup.unitSquareSum), blank: rollup.blank, notApplicable: rollup.notApplicable,
                        scale: ScaleCode.decode(rollup.sharedScale))
        }
        return AccountTally(
            accountID: accountID, accountName: totals.accountName, responses: totals.responses, nps: totals.nps,
            csat: rating(totals.csat), ces: rating(totals.ces),
            firstResponse: totals.firstAt.map(Date.init(timeIntervalSince1970:)), lastResponse: totals.lastAt.map(Date.init(timeIntervalSince1970:)),
            comments: totals.comments, scoredComments: totals.scored, sentimentSum: RollupUnits.value(totals.sentimentUnits),
            sentimentSquareSum: RollupUnits.value(totals.sentimentSquareUnits), negativeComments: totals.negative,
            churnMentions: totals.churn, effortMentions: totals.effort, labels: labels, recommend: totals.recommend)
    }
}
