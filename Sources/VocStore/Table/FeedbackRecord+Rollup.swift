public import VocCore

extension FeedbackRecord {
    /// What the rollups count of this record, with the values its row stores (`write(run:scales:into:)`).
    public func rollupFacts(scales: inout ScaleCodeMemo) -> RollupFacts {
        func rating(_ answer: ScaledAnswer?) -> RollupFacts.Rating {
            let value = answer?.answer.rating
            return RollupFacts.Rating(answer: answer?.answer, scaleCode: answer.map { scales.code(of: $0.scale) },
                                      favourable: value.map { answer!.scale.isFavourable($0) } ?? false,
                                      unit: value.map { answer!.scale.unit($0) })
        }
        let time = submittedAt?.timeIntervalSince1970
        return RollupFacts(key: RollupKey(accountID: accountID, respondentEmail: respondentEmail), accountName: accountName,
                           submittedAt: time, nps: nps?.answer, csat: rating(csat), ces: rating(ces), hasComment: comment != nil,
                           sentiment: sentiment?.compound, negative: sentiment?.label == .negative, churn: sentiment?.churn ?? false,
                           effort: sentiment?.effort ?? false, language: language, topics: sentiment?.topics ?? [], recommend: recommend)
    }
}

extension RollupFacts {
    /// The columns a stored record's facts are read from, to rebuild the rollups (its topics are read apart, joined by
    /// `topicSeparator`).
    public static let columns = ColumnPositions<FeedbackColumn>([
        .accountID, .accountName, .respondentEmail, .submittedAt, .npsState, .nps, .csatState, .csat, .csatScale, .csatGood, .csatUnit,
        .cesState, .ces, .cesScale, .cesGood, .cesUnit, .comment, .sentiment, .sentimentLabel, .churn, .effort, .language,
        .recommendState, .recommend,
    ])

    /// What a record's topics are joined with when read beside its columns (no topic contains it).
    public static let topicSeparator: Character = "\u{1F}"

    /// The topics of a record, read joined by `topicSeparator`.
    public static func topics(joined: String) -> [String] { joined.split(separator: topicSeparator).map(String.init) }

    /// Reads a row of `columns`.
    public init(reading row: some StoreRowReader<FeedbackColumn>) throws {
        func answer(_ state: FeedbackColumn, _ value: FeedbackColumn) throws -> ScoreAnswer? {
            try row.integer(state).flatMap { ScoreAnswer(stateCode: $0, value: try row.integer(value)) }
        }
        func rating(_ state: FeedbackColumn, _ value: FeedbackColumn, _ scale: FeedbackColumn, _ good: FeedbackColumn,
                    _ unit: FeedbackColumn) throws -> Rating {
            Rating(answer: try answer(state, value), scaleCode: try row.text(scale), favourable: try row.flag(good) ?? false, unit: try row.real(unit))
        }
        let time = try row.real(.submittedAt)
        let sentiment = try row.real(.sentiment)
        self.init(key: RollupKey(accountID: try row.text(.accountID), respondentEmail: try row.text(.respondentEmail)),
                  accountName: try row.text(.accountName), submittedAt: time, nps: try answer(.npsState, .nps),
                  csat: try rating(.csatState, .csat, .csatScale, .csatGood, .csatUnit),
                  ces: try rating(.cesState, .ces, .cesScale, .cesGood, .cesUnit),
                  hasComment: try row.text(.comment) != nil, sentiment: sentiment,
                  negative: try row.text(.sentimentLabel) == SentimentLabel.negative.rawValue, churn: try row.flag(.churn) ?? false,
                  effort: try row.flag(.effort) ?? false, language: try row.text(.language), topics: [],
                  recommend: try answer(.recommendState, .recommend))
    }
}
