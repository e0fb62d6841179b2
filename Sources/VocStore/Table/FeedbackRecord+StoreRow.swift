public import VocCore

extension FeedbackRecord {
    /// Hands the record's values to `sink` in `FeedbackColumn` order, as stored by ingest run `run`.
    public func write<Sink: StoreRowSink & ~Copyable>(run: Int64, scales: inout ScaleCodeMemo, into sink: inout Sink) {
        sink.put(key, FeedbackColumn.key)
        sink.put(channel.rawValue, FeedbackColumn.channel)
        sink.put(position.file, FeedbackColumn.sourceFile)
        sink.put(position.line, FeedbackColumn.sourceLine)
        sink.put(position.record, FeedbackColumn.sourceRecord)
        sink.put(responseID, FeedbackColumn.responseID)
        sink.put(accountID, FeedbackColumn.accountID)
        sink.put(accountName, FeedbackColumn.accountName)
        sink.put(respondentEmail, FeedbackColumn.respondentEmail)
        sink.put(submittedAt?.timeIntervalSince1970, FeedbackColumn.submittedAt)
        sink.put(nps?.answer.stateCode, FeedbackColumn.npsState)
        sink.put(nps?.answer.rating, FeedbackColumn.nps)
        Self.write(csat, scales: &scales, into: &sink, FeedbackColumn.csatState, .csat, .csatScale, .csatGood, .csatUnit)
        Self.write(ces, scales: &scales, into: &sink, FeedbackColumn.cesState, .ces, .cesScale, .cesGood, .cesUnit)
        sink.put(comment, FeedbackColumn.comment)
        sink.put(language, FeedbackColumn.language)
        sink.put(Int(run), FeedbackColumn.runID)
        sink.put(sentiment?.compound, FeedbackColumn.sentiment)
        sink.put(sentiment?.label.rawValue, FeedbackColumn.sentimentLabel)
        sink.put(sentiment?.churn, FeedbackColumn.churn)
        sink.put(sentiment?.effort, FeedbackColumn.effort)
        sink.put(subject, FeedbackColumn.subject)
        sink.put(authorName, FeedbackColumn.authorName)
        sink.put(thread, FeedbackColumn.thread)
        sink.put(quoted, FeedbackColumn.quoted)
        sink.put(recommend?.stateCode, FeedbackColumn.recommendState)
        sink.put(recommend?.rating, FeedbackColumn.recommend)
        sink.put(mail.flatMap { $0.references.isEmpty ? nil : $0.references.joined(separator: " ") }, FeedbackColumn.references)
        sink.put(mail?.recipient, FeedbackColumn.recipient)
        sink.put(mail?.stillUnresolved, FeedbackColumn.stillUnresolved)
    }

    /// A CSAT or CES answer's five columns: state, rating, scale code, whether favourable, place on the scale.
    private static func write<Sink: StoreRowSink & ~Copyable>(_ answer: ScaledAnswer?, scales: inout ScaleCodeMemo, into sink: inout Sink,
                              _ state: FeedbackColumn, _ value: FeedbackColumn, _ scale: FeedbackColumn, _ good: FeedbackColumn,
                              _ unit: FeedbackColumn) {
        let rating = answer?.answer.rating
        sink.put(answer?.answer.stateCode, state)
        sink.put(rating, value)
        sink.put(answer.map { scales.code(of: $0.scale) }, scale)
        sink.put(rating.flatMap { answer?.scale.isFavourable($0) }, good)
        sink.put(rating.flatMap { answer?.scale.unit($0) }, unit)
    }
}

extension QuarantinedRecord {
    /// Hands the record's values to `sink` in `QuarantineColumn` order, as stored by ingest run `run`.
    public func write<Sink: StoreRowSink & ~Copyable>(run: Int64, into sink: inout Sink) {
        sink.put(key, QuarantineColumn.key)
        sink.put(Int(run), QuarantineColumn.runID)
        sink.put(position.file, QuarantineColumn.sourceFile)
        sink.put(position.line, QuarantineColumn.line)
        sink.put(position.byte, QuarantineColumn.byte)
        sink.put(position.record, QuarantineColumn.record)
        sink.put(position.field, QuarantineColumn.field)
        sink.put(reason.rawValue, QuarantineColumn.reason)
        sink.put(detail, QuarantineColumn.detail)
        sink.put(raw, QuarantineColumn.raw)
        sink.put(isTruncated, QuarantineColumn.truncated)
    }
}
