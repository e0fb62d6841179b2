/// One input of the health score, each normalized to 0-100 where 100 is healthiest.
public enum HealthMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    /// (NPS + 100) / 2.
    case nps
    /// % of CSAT answers that are satisfied.
    case csat
    /// % of CES answers that are easy.
    case ces
    /// 50 + 50 × mean comment sentiment.
    case sentiment
    /// 50 + 50 × (mean sentiment of the last period − mean of the period before), clamped to 0-100.
    case sentimentTrend = "sentiment_trend"
    /// 100 − % of NPS answers that are detractors (0-6).
    case detractors
    /// 100 − % of comments with churn intent.
    case churn
    /// 100 − % of comments complaining of effort.
    case effort
    /// 100 × ½^(days since the latest feedback / half-life).
    case recency
    /// 100 × min(1, decayed responses / volume target).
    case volume
    /// % of the customer's e-mail threads resolved at first contact (`FirstContactResolution`); weight 0 by default.
    case firstContactResolution = "fcr"

    /// Measures estimated from answers, and so shrunk toward the portfolio when the account has few of them.
    /// Recency and volume describe the amount of evidence itself and are taken as they are.
    public var isShrunk: Bool { self != .recency && self != .volume }

    /// How the account's answers become the measure's 0-100 value, as shown beside it.
    public var normalization: String {
        switch self {
        case .nps: "(NPS + 100) / 2"
        case .csat: "% satisfied"
        case .ces: "% easy"
        case .sentiment: "50 + 50 × mean sentiment"
        case .sentimentTrend: "50 + 50 × change of mean sentiment"
        case .detractors: "100 − % detractors"
        case .churn: "100 − % comments with churn intent"
        case .effort: "100 − % comments about effort"
        case .recency: "100 × ½ per half-life since the last response"
        case .volume: "100 × responses / volume target"
        case .firstContactResolution: "% of e-mail threads resolved at first contact"
        }
    }

    public var title: String {
        switch self {
        case .nps: "NPS"
        case .csat: "CSAT satisfied"
        case .ces: "CES easy"
        case .sentiment: "sentiment"
        case .sentimentTrend: "sentiment trend"
        case .detractors: "non-detractors"
        case .churn: "no churn intent"
        case .effort: "no effort complaints"
        case .recency: "recency"
        case .volume: "volume"
        case .firstContactResolution: "first-contact resolution"
        }
    }
}
