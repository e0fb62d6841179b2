import Foundation
import VocCore
import VocReport

/// One exported record: what was stored, with the account it resolves to through the directory.
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
    var nps: String
    var csat: String
    var ces: String
    var language: String?
    var sentiment: SentimentSummary?
    var subject: String?
    var comment: String?

    init(_ record: StoredFeedback, account: String?) {
        key = record.key
        channel = record.channel
        source = "\(record.position.file):\(record.position.line ?? 0)"
        responseId = record.responseID
        self.account = account
        accountName = record.accountName
        respondentEmail = record.respondentEmail
        submittedAt = record.submittedAt
        nps = AccountCommand.cell(record.nps)
        csat = AccountCommand.cell(record.csat)
        ces = AccountCommand.cell(record.ces)
        language = record.language
        sentiment = record.sentiment
        subject = record.subject
        comment = record.comment
    }

    /// What `JSONOutput.encode(self, pretty: false)` writes, written by hand (`JSONText`, keys in sorted order, absent
    /// values left out): the encoder was 90 % of `voc export records --format ndjson` (600k records: 16 s).
    var jsonLine: String {
        var json = JSONText()
        json.beginObject()
        json.field("account", account)
        json.field("account_name", accountName)
        json.field("ces", ces)
        json.field("channel", channel)
        json.field("comment", comment)
        json.field("csat", csat)
        json.field("key", key)
        json.field("language", language)
        json.field("nps", nps)
        json.field("respondent_email", respondentEmail)
        json.field("response_id", responseId)
        if let sentiment {
            json.key("sentiment")
            json.beginObject()
            json.field("churn", sentiment.churn)
            json.field("compound", sentiment.compound)
            json.field("effort", sentiment.effort)
            json.field("label", sentiment.label)
            json.field("topics", sentiment.topics)
            json.endObject()
        }
        json.field("source", source)
        json.field("subject", subject)
        json.field("submitted_at", submittedAt.map(Formatting.iso8601))
        json.field("type", type)
        json.endObject()
        return json.text
    }
}
