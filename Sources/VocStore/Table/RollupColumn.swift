/// The rollup tables: one row per `RollupKey` (account key, respondent domain) in `feedback_rollup`, and one per group
/// and ingest batch in `feedback_rollup_delta` (which adds a leading row id), one case per column in declared order:
/// the group's totals, then its day series and label tallies (`RollupCoding`). An absent account key or domain is
/// stored as '', so the two make a primary key.
public enum RollupColumn: Int, StoreColumn {
    case accountKey, domain, responses
    case promoters, passives, detractors, npsBlank, npsNotApplicable
    case csatAnswered, csatFavourable, csatUnitSum, csatUnitSquareSum, csatBlank, csatNotApplicable, csatLowestScale, csatHighestScale
    case cesAnswered, cesFavourable, cesUnitSum, cesUnitSquareSum, cesBlank, cesNotApplicable, cesLowestScale, cesHighestScale
    case firstAt, lastAt, comments, scored, sentimentSum, negative, churn, effort, accountName, days, labels
    /// Added by later migrations, so last in the tables.
    case sentimentSquareSum
    case recommendAnswered, recommendYes

    public var definition: (name: String, type: StoreValueType) {
        switch self {
        case .accountKey: ("account_key", .text)
        case .domain: ("domain", .text)
        case .responses: ("responses", .integer)
        case .promoters: ("promoters", .integer)
        case .passives: ("passives", .integer)
        case .detractors: ("detractors", .integer)
        case .npsBlank: ("nps_blank", .integer)
        case .npsNotApplicable: ("nps_na", .integer)
        case .csatAnswered: ("csat_n", .integer)
        case .csatFavourable: ("csat_good", .integer)
        case .csatUnitSum: ("csat_sum", .integer)
        case .csatUnitSquareSum: ("csat_sq", .integer)
        case .csatBlank: ("csat_blank", .integer)
        case .csatNotApplicable: ("csat_na", .integer)
        case .csatLowestScale: ("csat_scale_low", .text)
        case .csatHighestScale: ("csat_scale_high", .text)
        case .cesAnswered: ("ces_n", .integer)
        case .cesFavourable: ("ces_good", .integer)
        case .cesUnitSum: ("ces_sum", .integer)
        case .cesUnitSquareSum: ("ces_sq", .integer)
        case .cesBlank: ("ces_blank", .integer)
        case .cesNotApplicable: ("ces_na", .integer)
        case .cesLowestScale: ("ces_scale_low", .text)
        case .cesHighestScale: ("ces_scale_high", .text)
        case .firstAt: ("first_at", .real)
        case .lastAt: ("last_at", .real)
        case .comments: ("comments", .integer)
        case .scored: ("scored", .integer)
        case .sentimentSum: ("sentiment_sum", .integer)
        case .negative: ("negative", .integer)
        case .churn: ("churn", .integer)
        case .effort: ("effort", .integer)
        case .accountName: ("account_name", .text)
        case .days: ("days", .bytes)
        case .labels: ("labels", .bytes)
        case .sentimentSquareSum: ("sentiment_sq", .integer)
        case .recommendAnswered: ("recommend_n", .integer)
        case .recommendYes: ("recommend_yes", .integer)
        }
    }
}
