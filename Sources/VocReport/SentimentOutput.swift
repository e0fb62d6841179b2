public import VocScore

/// The machine-readable shape of one scored text.
public struct SentimentOutput: JSONLineConvertible, Sendable {
    public var type = "sentiment"
    public var text: String
    public var result: SentimentResult

    public init(text: String, result: SentimentResult) {
        self.text = text
        self.result = result
    }

    /// What `JSONOutput.encode(self, pretty: false)` writes, written by hand (`JSONText`): keys in sorted order.
    public var jsonLine: String {
        var json = JSONText()
        json.beginObject()
        json.key("result")
        json.beginObject()
        json.field("churn", result.churn)
        json.field("compound", result.compound)
        json.field("effort", result.effort)
        json.field("evidence", result.evidence)
        json.field("label", result.label.rawValue)
        json.field("language", result.language)
        json.field("language_confidence", result.languageConfidence)
        json.field("negative", result.negative)
        json.field("neutral", result.neutral)
        json.field("positive", result.positive)
        json.field("topics", result.topics)
        json.key("trace")
        json.beginObject()
        json.key("items")
        json.beginArray()
        for item in result.trace.items {
            json.beginObject()
            json.field("base", item.base)
            json.field("contribution", item.contribution)
            json.field("source", item.source.rawValue)
            json.key("steps")
            json.beginArray()
            for step in item.steps {
                json.beginObject()
                json.field("cue", step.cue)
                json.field("delta", step.delta)
                json.field("rule", step.rule.rawValue)
                json.endObject()
            }
            json.endArray()
            json.field("text", item.text)
            json.key("tokens")
            json.beginArray()
            json.number(item.tokens.lowerBound)
            json.number(item.tokens.upperBound)
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        json.field("text", text)
        json.field("type", type)
        json.endObject()
        return json.text
    }
}
