import Foundation
import VocCore
import VocReport

/// One exported record, with the account it resolves to through the directory: the one schema of a record in every
/// format (README, "Exports"). Every field is always present; scores are numbers, booleans are booleans, and a value
/// the record does not have is `null` in JSON and an empty cell in CSV.
struct RecordLine: JSONLineConvertible {
    var type = "record"
    var key: String
    var channel: String
    var source: String
    var responseId: String?
    var account: String?
    var accountName: String?
    var respondentEmail: String?
    var submittedAt: Date?
    /// The 0-10 answer; nil when the question was not asked, left blank or answered N/A.
    var nps: Int?
    /// `rating`, `blank` or `n/a`; nil when the file had no such question.
    var npsAnswer: String?
    var csat: Int?
    var csatAnswer: String?
    var ces: Int?
    var cesAnswer: String?
    var language: String?
    /// The comment's compound sentiment, −1…1; nil without a comment.
    var sentiment: Double?
    var sentimentLabel: String?
    var churn: Bool?
    var effort: Bool?
    var topics: [String]?
    var subject: String?
    var comment: String?
    /// The yes/no would-recommend answer; nil when not asked, left blank or answered N/A.
    var recommend: Bool?

    init(_ record: StoredFeedback, account: String?) {
        key = record.key
        channel = record.channel
        source = "\(record.position.file):\(record.position.line ?? 0)"
        responseId = record.responseID
        self.account = account
        accountName = record.accountName
        respondentEmail = record.respondentEmail
        submittedAt = record.submittedAt
        (nps, npsAnswer) = (record.nps?.rating, Self.answer(record.nps))
        (csat, csatAnswer) = (record.csat?.rating, Self.answer(record.csat))
        (ces, cesAnswer) = (record.ces?.rating, Self.answer(record.ces))
        language = record.language
        sentiment = record.sentiment?.compound
        sentimentLabel = record.sentiment?.label.rawValue
        churn = record.sentiment?.churn
        effort = record.sentiment?.effort
        topics = record.sentiment?.topics
        subject = record.subject
        comment = record.comment
        recommend = record.recommend?.rating.map { $0 == 1 }
    }

    static func answer(_ answer: ScoreAnswer?) -> String? {
        switch answer {
        case .rating?: "rating"
        case .blank?: "blank"
        case .notApplicable?: "n/a"
        case nil: nil
        }
    }

    /// The CSV header: the JSON keys without `type`, in reading order.
    static let csvColumns = [
        "key", "channel", "source", "response_id", "account", "account_name", "respondent_email", "submitted_at",
        "nps", "nps_answer", "csat", "csat_answer", "ces", "ces_answer", "language", "sentiment", "sentiment_label",
        "churn", "effort", "topics", "subject", "comment", "recommend",
    ]

    /// The CSV cells under `csvColumns`: numbers as JSON writes them, topics joined with `|`.
    var csvCells: [String] {
        let number = { (value: Int?) in value.map(String.init) ?? "" }
        return [
            key, channel, source, responseId ?? "", account ?? "", accountName ?? "", respondentEmail ?? "",
            submittedAt.map(Formatting.iso8601) ?? "", number(nps), npsAnswer ?? "", number(csat), csatAnswer ?? "",
            number(ces), cesAnswer ?? "", language ?? "", sentiment.map { JSONText.numberText($0) } ?? "", sentimentLabel ?? "",
            churn.map { "\($0)" } ?? "", effort.map { "\($0)" } ?? "", topics?.joined(separator: "|") ?? "", subject ?? "", comment ?? "",
            recommend.map { "\($0)" } ?? "",
        ]
    }

    private enum CodingKeys: String, CodingKey {
        case type, key, channel, source, responseId, account, accountName, respondentEmail, submittedAt, nps, npsAnswer, csat,
             csatAnswer, ces, cesAnswer, language, sentiment, sentimentLabel, churn, effort, topics, subject, comment,
             recommend
    }

    /// Every key, `null` when absent (the synthesized encoding would leave absent optionals out).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(key, forKey: .key)
        try container.encode(channel, forKey: .channel)
        try container.encode(source, forKey: .source)
        try container.encode(responseId, forKey: .responseId)
        try container.encode(account, forKey: .account)
        try container.encode(accountName, forKey: .accountName)
        try container.encode(respondentEmail, forKey: .respondentEmail)
        try container.encode(submittedAt, forKey: .submittedAt)
        try container.encode(nps, forKey: .nps)
        try container.encode(npsAnswer, forKey: .npsAnswer)
        try container.encode(csat, forKey: .csat)
        try container.encode(csatAnswer, forKey: .csatAnswer)
        try container.encode(ces, forKey: .ces)
        try container.encode(cesAnswer, forKey: .cesAnswer)
        try container.encode(language, forKey: .language)
        try container.encode(sentiment, forKey: .sentiment)
        try container.encode(sentimentLabel, forKey: .sentimentLabel)
        try container.encode(churn, forKey: .churn)
        try container.encode(effort, forKey: .effort)
        try container.encode(topics, forKey: .topics)
        try container.encode(subject, forKey: .subject)
        try container.encode(comment, forKey: .comment)
        try container.encode(recommend, forKey: .recommend)
    }

    /// What `JSONOutput.encode(self, pretty: false)` writes, written by hand (`JSONText`, keys in sorted order): the
    /// encoder was 90 % of `voc export records --format ndjson` (BENCHMARKS.md).
    var jsonLine: String {
        var json = JSONText()
        json.beginObject()
        json.field("account", orNull: account)
        json.field("account_name", orNull: accountName)
        json.field("ces", orNull: ces)
        json.field("ces_answer", orNull: cesAnswer)
        json.field("channel", channel)
        json.field("churn", orNull: churn)
        json.field("comment", orNull: comment)
        json.field("csat", orNull: csat)
        json.field("csat_answer", orNull: csatAnswer)
        json.field("effort", orNull: effort)
        json.field("key", key)
        json.field("language", orNull: language)
        json.field("nps", orNull: nps)
        json.field("nps_answer", orNull: npsAnswer)
        json.field("recommend", orNull: recommend)
        json.field("respondent_email", orNull: respondentEmail)
        json.field("response_id", orNull: responseId)
        json.field("sentiment", orNull: sentiment)
        json.field("sentiment_label", orNull: sentimentLabel)
        json.field("source", source)
        json.field("subject", orNull: subject)
        json.field("submitted_at", orNull: submittedAt.map(Formatting.iso8601))
        json.field("topics", orNull: topics)
        json.field("type", type)
        json.endObject()
        return json.text
    }
}
