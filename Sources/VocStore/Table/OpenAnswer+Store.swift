public import VocCore

extension OpenAnswer {
    /// The id a question is stored under in `survey_question`: 64 bits of a stable hash of its text, so storing an
    /// answer needs no lookup (a collision among a store's few hundred questions is as good as impossible).
    public static func questionID(of question: String) -> Int {
        var hasher = StableHasher()
        hasher.combine(question)
        return hasher.finalizeInt()
    }

    /// Hands the answer's values to `sink` in `AnswerColumn` order, as the `ordinal`-th answer of record `key`.
    public func write<Sink: StoreRowSink & ~Copyable>(key: String, ordinal: Int, into sink: inout Sink) {
        sink.put(key, AnswerColumn.feedbackKey)
        sink.put(ordinal, AnswerColumn.ordinal)
        sink.put(Self.questionID(of: question), AnswerColumn.questionID)
        sink.put(text, AnswerColumn.answer)
        sink.put(sentiment?.compound, AnswerColumn.sentiment)
        sink.put(sentiment?.label.rawValue, AnswerColumn.sentimentLabel)
        sink.put(sentiment.map { RollupUnits.units($0.compound) }, AnswerColumn.sentimentUnits)
        sink.put(sentiment.map { RollupUnits.units($0.compound * $0.compound) }, AnswerColumn.sentimentSquareUnits)
    }
}

extension StoreSQL {
    /// Per open question: its text, earliest place among a record's answers, answers, scored answers, the sums of
    /// their compounds and of their squares in `RollupUnits`, and the negative and positive answers.
    public static var questionTallies: String {
        let count = { (label: SentimentLabel) in "SUM(CASE WHEN a.sentiment_label = '\(label.rawValue)' THEN 1 ELSE 0 END)" }
        return """
            SELECT q.text, MIN(a.ordinal), COUNT(*), COUNT(a.sentiment), CAST(COALESCE(SUM(a.sentiment_units), 0) AS BIGINT),
                CAST(COALESCE(SUM(a.sentiment_square_units), 0) AS BIGINT),
                \(count(.negative)), \(count(.positive))
            FROM feedback_answer a JOIN survey_question q ON q.id = a.question_id
            GROUP BY q.id, q.text
            """
    }

    /// The open answers of the records `condition` selects: account key, e-mail, question, ordinal, sentiment and
    /// label.
    public static func openAnswers(condition: String, _ dialect: SQLDialect) -> String {
        """
        SELECT feedback.account_id, feedback.respondent_email, q.text, a.ordinal, a.sentiment, a.sentiment_label
        FROM feedback_answer a JOIN survey_question q ON q.id = a.question_id JOIN feedback ON \(dialect.partOfRecord("a"))
        WHERE \(condition)
        """
    }
}
