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
        var facts = RollupFacts(key: RollupKey(accountID: accountID, respondentEmail: respondentEmail), accountName: accountName,
                           submittedAt: time, nps: nps?.answer, csat: rating(csat), ces: rating(ces), hasComment: comment != nil,
                           sentiment: sentiment?.compound, negative: sentiment?.label == .negative, churn: sentiment?.churn ?? false,
                           effort: sentiment?.effort ?? false, language: language, topics: sentiment?.topics ?? [], recommend: recommend)
        for aspect in aspects {
            if let value = aspect.answer.answer.rating { facts.aspects.append((AspectKey(aspect).labelText, aspect.answer.scale.isFavourable(value))) }
        }
        return facts
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

    /// A record's rated aspects as `aspectsSQL` joins them: by U+001E, each one's label text (`AspectKey.labelText`:
    /// kind, question and aspect by U+001F, both separators replaced by spaces inside texts) and its favourable flag
    /// (1 or 0) after one more U+001F. Read by bytes: splitting by characters was over half of summing a window's
    /// records (perf).
    public static func aspects(joined: String) -> [(label: String, favourable: Bool)] {
        var aspects: [(label: String, favourable: Bool)] = []
        for entry in joined.utf8.split(separator: 0x1E) {
            guard let cut = entry.lastIndex(of: 0x1F), let label = String(entry[..<cut]) else { continue }
            aspects.append((label, entry[entry.index(after: cut)...].elementsEqual("1".utf8)))
        }
        return aspects
    }

    /// A scalar subquery of `feedback`'s row: its rated aspects joined, for `aspects(joined:)`.
    public static func aspectsSQL(_ dialect: SQLDialect) -> String {
        let char = dialect.character
        let clean = { (column: String) in "replace(replace(\(column), \(char)(31), ' '), \(char)(30), ' ')" }
        return """
            (SELECT \(dialect.textAggregate)(x.kind || \(char)(31) || \(clean("q.text")) || \(char)(31) || \(clean("x.aspect")) || \(char)(31) || CAST(COALESCE(x.good, 0) AS TEXT), \(char)(30))
             FROM feedback_aspect x JOIN survey_question q ON q.id = x.question_id
             WHERE \(dialect.partOfRecord("x")) AND x.state = \(ScoreAnswer.ratedStateCode))
            """
    }

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
