/// One open question's answer, in a response to a survey with several open questions: the question as its header
/// reads, the answer, and the answer's own sentiment. The record's `comment` joins them; its sentiment sums theirs.
public struct OpenAnswer: Sendable, Hashable {
    public var question: String
    public var text: String
    public var sentiment: SentimentSummary?

    public init(question: String, text: String, sentiment: SentimentSummary? = nil) {
        self.question = question
        self.text = text
        self.sentiment = sentiment
    }
}
