/// The question table of both stores: one row per open question text, under `OpenAnswer.questionID(of:)`.
public enum QuestionColumn: Int, StoreColumn {
    case id, text

    public var definition: (name: String, type: StoreValueType) {
        switch self {
        case .id: ("id", .integer)
        case .text: ("text", .text)
        }
    }
}

/// The open-answer table of both stores: one row per answer, keyed by its record's key (SQLite: its row id,
/// `feedback_id`, see `SQLiteStore.partColumns`) and its place among the record's answers. The sentiment is also kept in `RollupUnits`, which any store sums exactly.
public enum AnswerColumn: Int, StoreColumn {
    case feedbackKey, ordinal, questionID, answer, sentiment, sentimentLabel, sentimentUnits, sentimentSquareUnits

    public var definition: (name: String, type: StoreValueType) {
        switch self {
        case .feedbackKey: ("feedback_key", .text)
        case .ordinal: ("ordinal", .integer)
        case .questionID: ("question_id", .integer)
        case .answer: ("answer", .text)
        case .sentiment: ("sentiment", .real)
        case .sentimentLabel: ("sentiment_label", .text)
        case .sentimentUnits: ("sentiment_units", .integer)
        case .sentimentSquareUnits: ("sentiment_square_units", .integer)
        }
    }
}
