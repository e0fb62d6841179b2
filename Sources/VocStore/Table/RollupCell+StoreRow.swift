public import VocCore

extension RollupCell {
    /// Hands the cell's values, under `key`, to `sink` in `RollupColumn` order.
    public func write<Sink: StoreRowSink & ~Copyable>(key: RollupKey, into sink: inout Sink) {
        sink.put(key.accountID ?? "", RollupColumn.accountKey)
        sink.put(key.domain ?? "", RollupColumn.domain)
        sink.put(key.day ?? RollupColumn.undatedDay, RollupColumn.day)
        sink.put(responses, RollupColumn.responses)
        sink.put(nps.promoters, RollupColumn.promoters)
        sink.put(nps.passives, RollupColumn.passives)
        sink.put(nps.detractors, RollupColumn.detractors)
        sink.put(nps.blank, RollupColumn.npsBlank)
        sink.put(nps.notApplicable, RollupColumn.npsNotApplicable)
        Self.write(csat, into: &sink, first: .csatAnswered)
        Self.write(ces, into: &sink, first: .cesAnswered)
        sink.put(firstAt, RollupColumn.firstAt)
        sink.put(lastAt, RollupColumn.lastAt)
        sink.put(comments, RollupColumn.comments)
        sink.put(scored, RollupColumn.scored)
        sink.put(sentimentUnits, RollupColumn.sentimentSum)
        sink.put(negative, RollupColumn.negative)
        sink.put(churn, RollupColumn.churn)
        sink.put(effort, RollupColumn.effort)
        sink.put(accountName, RollupColumn.accountName)
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
        storedKey(account: try row.text(.accountKey) ?? "", domain: try row.text(.domain) ?? "", day: try row.integer(.day))
    }

    /// The key stored as these column values ('' for no account or domain, `undatedDay` for no day).
    public static func storedKey(account: String, domain: String, day: Int?) -> RollupKey {
        RollupKey(accountID: account.isEmpty ? nil : account, domain: domain.isEmpty ? nil : domain,
                  day: day == RollupColumn.undatedDay ? nil : day)
    }

    /// Reads a row of `columns`.
    public init(reading row: some StoreRowReader<RollupColumn>) throws {
        self.init()
        let count = { (column: RollupColumn) throws in try row.integer(column) ?? 0 }
        responses = try count(.responses)
        nps = NPSTally(promoters: try count(.promoters), passives: try count(.passives), detractors: try count(.detractors),
                       blank: try count(.npsBlank), notApplicable: try count(.npsNotApplicable))
        csat = try Self.rating(reading: row, first: .csatAnswered)
        ces = try Self.rating(reading: row, first: .cesAnswered)
        firstAt = try row.real(.firstAt)
        lastAt = try row.real(.lastAt)
        comments = try count(.comments)
        scored = try count(.scored)
        sentimentUnits = try count(.sentimentSum)
        negative = try count(.negative)
        churn = try count(.churn)
        effort = try count(.effort)
        accountName = try row.text(.accountName)
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
}

extension RollupLabel {
    /// Hands the label's count to `sink` in `RollupLabelColumn` order.
    public func write<Sink: StoreRowSink & ~Copyable>(records: Int, into sink: inout Sink) {
        sink.put(accountID ?? "", RollupLabelColumn.accountKey)
        sink.put(domain ?? "", RollupLabelColumn.domain)
        sink.put(kind.rawValue, RollupLabelColumn.kind)
        sink.put(label, RollupLabelColumn.label)
        sink.put(records, RollupLabelColumn.records)
    }
}
