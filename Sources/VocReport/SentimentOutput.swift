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
        json.key("churn")
        json.strings(result.churn)
        json.key("compound")
        json.number(result.compound)
        json.key("effort")
        json.strings(result.effort)
        json.field("label", result.label.rawValue)
        json.field("language", result.language)
        json.key("language_confidence")
        json.number(result.languageConfidence)
        json.key("negative")
        json.number(result.negative)
        json.key("neutral")
        json.number(result.neutral)
        json.key("positive")
        json.number(result.positive)
        json.key("topics")
        json.strings(result.topics)
        json.key("trace")
        json.beginObject()
        json.key("items")
        json.beginArray()
        for item in result.trace.items {
            json.beginObject()
            json.key("base")
            json.number(item.base)
            json.key("contribution")
            json.number(item.contribution)
            json.field("source", item.source.rawValue)
            json.key("steps")
            json.beginArray()
            for step in item.steps {
                json.beginObject()
                json.field("cue", step.cue)
                json.key("delta")
                json.number(step.delta)
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
