import Foundation
public import VocCore

extension StoredFeedback {
    /// The columns a stored record is read from, in select order.
    public static let columns = ColumnPositions<FeedbackColumn>([
        .key, .channel, .sourceFile, .sourceLine, .sourceRecord, .responseID, .accountID, .accountName, .respondentEmail, .submittedAt,
        .npsState, .nps, .csatState, .csat, .cesState, .ces, .comment, .language, .sentiment, .sentimentLabel, .churn, .effort,
        .subject, .quoted, .recommendState, .recommend,
    ])

    /// Reads a row of `columns`.
    public init(reading row: some StoreRowReader<FeedbackColumn>) throws {
        func answer(_ state: FeedbackColumn, _ value: FeedbackColumn) throws -> ScoreAnswer? {
            try row.integer(state).flatMap { ScoreAnswer(stateCode: $0, value: try row.integer(value)) }
        }
        let sentiment = try row.real(.sentiment).map { compound in
            SentimentSummary(compound: compound, label: SentimentLabel(rawValue: try row.text(.sentimentLabel) ?? "") ?? .neutral,
                             churn: try row.flag(.churn) ?? false, effort: try row.flag(.effort) ?? false, topics: [])
        }
        self.init(
            key: try row.text(.key) ?? "", channel: try row.text(.channel) ?? "",
            position: SourcePosition(file: try row.text(.sourceFile) ?? "", line: try row.integer(.sourceLine), record: try row.integer(.sourceRecord)),
            responseID: try row.text(.responseID), accountID: try row.text(.accountID), accountName: try row.text(.accountName),
            respondentEmail: try row.text(.respondentEmail), submittedAt: try row.real(.submittedAt).map(Date.init(timeIntervalSince1970:)),
            nps: try answer(.npsState, .nps), csat: try answer(.csatState, .csat), ces: try answer(.cesState, .ces),
            recommend: try answer(.recommendState, .recommend), comment: try row.text(.comment), language: try row.text(.language), sentiment: sentiment,
            subject: try row.text(.subject), quoted: try row.text(.quoted))
    }
}

extension FeedbackSignal {
    /// The columns a record's signals are read from, in select order.
    public static let columns = ColumnPositions<FeedbackColumn>([
        .key, .accountID, .respondentEmail, .submittedAt, .npsState, .nps, .csatState, .csatGood, .cesState, .cesGood,
        .sentiment, .churn, .effort, .language,
    ])

    /// Reads a row of `columns`; an answer counts only when its state says answered.
    public init(reading row: some StoreRowReader<FeedbackColumn>) throws {
        let answered = { (state: FeedbackColumn) throws in try row.integer(state) == ScoreAnswer.ratedStateCode }
        self.init(
            key: try row.text(.key) ?? "", accountID: try row.text(.accountID), respondentEmail: try row.text(.respondentEmail),
            submittedAt: try row.real(.submittedAt).map(Date.init(timeIntervalSince1970:)),
            nps: try answered(.npsState) ? try row.integer(.nps) : nil,
            csatFavourable: try answered(.csatState) ? try row.flag(.csatGood) : nil,
            cesFavourable: try answered(.cesState) ? try row.flag(.cesGood) : nil,
            sentiment: try row.real(.sentiment), churn: try row.flag(.churn) ?? false, effort: try row.flag(.effort) ?? false,
            language: try row.text(.language))
    }
}

extension QuarantineEntry {
    /// The columns a quarantined record is read from: all of them.
    public static let columns = ColumnPositions<QuarantineColumn>(QuarantineColumn.allCases)

    /// Reads a row of `columns`.
    public init(reading row: some StoreRowReader<QuarantineColumn>) throws {
        self.init(
            record: QuarantinedRecord(
                reason: QuarantineReason(rawValue: try row.text(.reason) ?? "") ?? .raggedRow,
                position: SourcePosition(file: try row.text(.sourceFile) ?? "", line: try row.integer(.line), byte: try row.integer(.byte),
                                         record: try row.integer(.record), field: try row.text(.field)),
                detail: try row.text(.detail) ?? "", raw: try row.bytes(.raw), isTruncated: try row.flag(.truncated) ?? false),
            runID: Int64(try row.integer(.runID) ?? 0))
    }
}

extension WindowComment {
    /// The columns a window's comments are read from (the row id follows them).
    public static let columns = ColumnPositions<FeedbackColumn>([.accountID, .respondentEmail, .submittedAt, .comment, .language])

    /// Reads a row of `columns` whose comment and date are present (the query selects only those).
    public init(reading row: some StoreRowReader<FeedbackColumn>, position: Int64) throws {
        self.init(position: position, accountID: try row.text(.accountID), respondentEmail: try row.text(.respondentEmail),
                  submittedAt: Date(timeIntervalSince1970: try row.real(.submittedAt) ?? 0), comment: try row.text(.comment) ?? "",
                  language: try row.text(.language))
    }
}
