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
        var first = true
        func key(_ name: String) {
            json.raw(first ? "{\"" : ",\"")
            json.raw(name)
            json.raw("\":")
            first = false
        }
        func field(_ name: String, _ value: String?) {
            guard let value else { return }
            key(name)
            json.string(value)
        }
        field("account", account)
        field("account_name", accountName)
        field("ces", ces)
        field("channel", channel)
        field("comment", comment)
        field("csat", csat)
        field("key", self.key)
        field("language", language)
        field("nps", nps)
        field("respondent_email", respondentEmail)
        field("response_id", responseId)
        if let sentiment {
            key("sentiment")
            json.raw(sentiment.churn ? "{\"churn\":true,\"compound\":" : "{\"churn\":false,\"compound\":")
            json.number(sentiment.compound)
            json.raw(sentiment.effort ? ",\"effort\":true,\"label\":" : ",\"effort\":false,\"label\":")
            json.string(sentiment.label)
            json.raw(",\"topics\":")
            json.strings(sentiment.topics)
            json.raw("}")
        }
        field("source", source)
        field("subject", subject)
        field("submitted_at", submittedAt.map(Formatting.iso8601))
        field("type", type)
        json.raw("}")
        return json.text
    }
}
