/// A phrase whose share of comments rose in the recent window against the baseline before it beyond chance.
public struct EmergingTheme: Sendable, Hashable, Encodable {
    public var phrase: String
    /// The language most of its recent mentions are in.
    public var language: String?
    /// Comments that mention it in the recent window and in the baseline.
    public var recent: Int
    public var baseline: Int
    /// Its share of the recent window's comments over its share of the baseline's (the baseline count taken as ½
    /// when it is 0).
    public var rateRatio: Double
    /// The log-likelihood ratio G² of the 2×2 table (mentions or not, recent or baseline): 10.83 is p = 0.001 on
    /// one degree of freedom.
    public var score: Double
    /// Whether no baseline comment mentions it.
    public var new: Bool
    /// The accounts whose recent comments mention it, most mentions first.
    public var accounts: [String]
    /// Up to three of its recent comments, newest first.
    public var examples: [String]
}
