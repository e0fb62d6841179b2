public import VocCore

/// The aspect-rating table of both stores: one row per answered matrix row, keyed by its record's key (SQLite: its row
/// id, `feedback_id`, see `SQLiteStore.partColumns`) and its place among the record's aspect ratings; its question is
/// in `survey_question`. The place on the scale is also kept in
/// `RollupUnits`, which any store sums exactly.
public enum AspectRatingColumn: Int, StoreColumn {
    case feedbackKey, ordinal, questionID, aspect, kind, state, rating, scale, good, unitUnits, unitSquareUnits

    public var definition: (name: String, type: StoreValueType) {
        switch self {
        case .feedbackKey: ("feedback_key", .text)
        case .ordinal: ("ordinal", .integer)
        case .questionID: ("question_id", .integer)
        case .aspect: ("aspect", .text)
        case .kind: ("kind", .text)
        case .state: ("state", .smallInteger)
        case .rating: ("rating", .integer)
        case .scale: ("scale", .text)
        case .good: ("good", .smallInteger)
        case .unitUnits: ("unit_units", .integer)
        case .unitSquareUnits: ("unit_square_units", .integer)
        }
    }
}

extension AspectRating {
    /// Hands the rating's values to `sink` in `AspectRatingColumn` order, as the `ordinal`-th of record `key`.
    public func write<Sink: StoreRowSink & ~Copyable>(key: String, ordinal: Int, scales: inout ScaleCodeMemo, into sink: inout Sink) {
        let value = answer.answer.rating
        let unit = value.map(answer.scale.unit)
        sink.put(key, AspectRatingColumn.feedbackKey)
        sink.put(ordinal, AspectRatingColumn.ordinal)
        sink.put(OpenAnswer.questionID(of: question), AspectRatingColumn.questionID)
        sink.put(aspect, AspectRatingColumn.aspect)
        sink.put(kind.rawValue, AspectRatingColumn.kind)
        sink.put(answer.answer.stateCode, AspectRatingColumn.state)
        sink.put(value, AspectRatingColumn.rating)
        sink.put(scales.code(of: answer.scale), AspectRatingColumn.scale)
        sink.put(value.map(answer.scale.isFavourable), AspectRatingColumn.good)
        sink.put(unit.map(RollupUnits.units), AspectRatingColumn.unitUnits)
        sink.put(unit.map { RollupUnits.units($0 * $0) }, AspectRatingColumn.unitSquareUnits)
    }
}

extension StoreSQL {
    /// Per question, aspect and kind: the question's text, the aspect, the kind, the earliest place, the rated
    /// answers, the favourable ones, the sums of the places on the scale and of their squares in `RollupUnits`, the
    /// N/A answers, and the least and greatest scale code.
    public static var aspectTallies: String {
        """
        SELECT q.text, x.aspect, x.kind, MIN(x.ordinal), SUM(CASE WHEN x.state = \(ScoreAnswer.ratedStateCode) THEN 1 ELSE 0 END),
            SUM(CASE WHEN x.good = 1 THEN 1 ELSE 0 END), CAST(COALESCE(SUM(x.unit_units), 0) AS BIGINT),
            CAST(COALESCE(SUM(x.unit_square_units), 0) AS BIGINT), SUM(CASE WHEN x.state = \(ScoreAnswer.notApplicable.stateCode) THEN 1 ELSE 0 END),
            MIN(x.scale), MAX(x.scale)
        FROM feedback_aspect x JOIN survey_question q ON q.id = x.question_id
        GROUP BY q.text, x.aspect, x.kind
        """
    }

    /// The aspect ratings of the records `condition` selects: account key, e-mail, question, aspect, kind, place,
    /// state, rating and scale code; in record and place order, so a tally of them sums in the same order anywhere.
    public static func aspectRatings(condition: String, _ dialect: SQLDialect) -> String {
        """
        SELECT feedback.account_id, feedback.respondent_email, q.text, x.aspect, x.kind, x.ordinal, x.state, x.rating, x.scale
        FROM feedback_aspect x JOIN survey_question q ON q.id = x.question_id JOIN feedback ON \(dialect.partOfRecord("x"))
        WHERE \(condition) ORDER BY feedback.key, x.ordinal
        """
    }
}

extension AspectTally {
    /// A row of `StoreSQL.aspectTallies`, its values read by the caller.
    public init(question: String, aspect: String, kind: String, firstOrdinal: Int, answered: Int, favourable: Int, unitUnits: Int,
                unitSquareUnits: Int, notApplicable: Int, lowestScale: String?, highestScale: String?) {
        self.init(question: question, aspect: aspect, kind: AspectRating.Kind(rawValue: kind) ?? .csat, firstOrdinal: firstOrdinal,
                  ratings: RatingTally(answered: answered, favourable: favourable, unitSum: RollupUnits.value(unitUnits),
                                       unitSquareSum: RollupUnits.value(unitSquareUnits), notApplicable: notApplicable,
                                       scale: lowestScale == highestScale ? ScaleCode.decode(lowestScale) : nil))
    }
}

extension StoredAspectRating {
    /// A row of `StoreSQL.aspectRatings`, its values read by the caller; nil for a row that does not decode.
    public init?(accountID: String?, respondentEmail: String?, question: String, aspect: String, kind: String, ordinal: Int, state: Int,
                 rating: Int?, scale: String?) {
        guard let kind = AspectRating.Kind(rawValue: kind), let answer = ScoreAnswer(stateCode: state, value: rating),
              let scale = ScaleCode.decode(scale) else { return nil }
        self.init(accountID: accountID, respondentEmail: respondentEmail, ordinal: ordinal,
                  rating: AspectRating(question: question, aspect: aspect, kind: kind, answer: ScaledAnswer(answer, on: scale)))
    }
}
