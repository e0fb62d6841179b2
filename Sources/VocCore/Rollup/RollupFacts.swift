/// What a rollup needs of one record: read from a record as it is stored (ingest) or from its stored row (rebuild),
/// so both paths add the same values.
public struct RollupFacts: Sendable {
    /// A CSAT or CES answer as stored: state, scale code, favourable flag and place on the scale.
    public struct Rating: Sendable {
        public var answer: ScoreAnswer?
        public var scaleCode: String?
        public var favourable: Bool
        public var unit: Double?

        public init(answer: ScoreAnswer?, scaleCode: String?, favourable: Bool, unit: Double?) {
            self.answer = answer
            self.scaleCode = scaleCode
            self.favourable = favourable
            self.unit = unit
        }
    }

    public var key: RollupKey
    /// The UTC day of `submittedAt`; nil when undated.
    public var day: Int? { submittedAt.map(RollupKey.day(of:)) }
    public var accountName: String?
    public var submittedAt: Double?
    public var nps: ScoreAnswer?
    public var csat: Rating
    public var ces: Rating
    /// The yes/no would-recommend answer.
    public var recommend: ScoreAnswer?
    public var hasComment: Bool
    /// The compound score of a scored comment.
    public var sentiment: Double?
    public var negative: Bool
    public var churn: Bool
    public var effort: Bool
    public var language: String?
    public var topics: [String]
    /// The record's rated aspects of rating matrices (blank and N/A rows left out), each as its labels name it
    /// (`AspectKey.labelText`) with whether its rating is favourable.
    public var aspects: [(label: String, favourable: Bool)] = []

    public init(key: RollupKey, accountName: String?, submittedAt: Double?, nps: ScoreAnswer?, csat: Rating, ces: Rating, hasComment: Bool,
                sentiment: Double?, negative: Bool, churn: Bool, effort: Bool, language: String?, topics: [String], recommend: ScoreAnswer? = nil) {
        self.key = key
        self.accountName = accountName
        self.submittedAt = submittedAt
        self.nps = nps
        self.csat = csat
        self.ces = ces
        self.recommend = recommend
        self.hasComment = hasComment
        self.sentiment = sentiment
        self.negative = negative
        self.churn = churn
        self.effort = effort
        self.language = language
        self.topics = topics
    }
}
