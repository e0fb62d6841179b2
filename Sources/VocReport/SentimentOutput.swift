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
        json.raw("{\"result\":{\"churn\":")
        json.strings(result.churn)
        json.raw(",\"compound\":")
        json.number(result.compound)
        json.raw(",\"effort\":")
        json.strings(result.effort)
        json.raw(",\"label\":")
        json.string(result.label.rawValue)
        json.raw(",\"language\":")
        json.string(result.language)
        json.raw(",\"language_confidence\":")
        json.number(result.languageConfidence)
        json.raw(",\"negative\":")
        json.number(result.negative)
        json.raw(",\"neutral\":")
        json.number(result.neutral)
        json.raw(",\"positive\":")
        json.number(result.positive)
        json.raw(",\"topics\":")
        json.strings(result.topics)
        json.raw(",\"trace\":{\"items\":[")
        for (index, item) in result.trace.items.enumerated() {
            json.raw(index == 0 ? "{\"base\":" : ",{\"base\":")
            json.number(item.base)
            json.raw(",\"contribution\":")
            json.number(item.contribution)
            json.raw(",\"source\":")
            json.string(item.source.rawValue)
            json.raw(",\"steps\":[")
            for (index, step) in item.steps.enumerated() {
                json.raw(index == 0 ? "{\"cue\":" : ",{\"cue\":")
                json.string(step.cue)
                json.raw(",\"delta\":")
                json.number(step.delta)
                json.raw(",\"rule\":")
                json.string(step.rule.rawValue)
                json.raw("}")
            }
            json.raw("],\"text\":")
            json.string(item.text)
            json.raw(",\"tokens\":[")
            json.number(item.tokens.lowerBound)
            json.raw(",")
            json.number(item.tokens.upperBound)
            json.raw("]}")
        }
        json.raw("]}},\"text\":")
        json.string(text)
        json.raw(",\"type\":")
        json.string(type)
        json.raw("}")
        return json.text
    }
}
