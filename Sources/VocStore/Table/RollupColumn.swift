/// The rollup table `feedback_rollup`: one row per `RollupKey` (account key, respondent domain, UTC day), one case per
/// column in declared order. An absent account key or domain is stored as '' and an undated day as `undatedDay`, so
/// the three make a primary key both databases can upsert on.
public enum RollupColumn: Int, StoreColumn {
    case accountKey, domain, day, responses
    case promoters, passives, detractors, npsBlank, npsNotApplicable
    case csatAnswered, csatFavourable, csatUnitSum, csatUnitSquareSum, csatBlank, csatNotApplicable, csatLowestScale, csatHighestScale
    case cesAnswered, cesFavourable, cesUnitSum, cesUnitSquareSum, cesBlank, cesNotApplicable, cesLowestScale, cesHighestScale
    case firstAt, lastAt, comments, scored, sentimentSum, negative, churn, effort, accountName

    /// The day stored for undated records: before any real one.
    public static let undatedDay = Int(Int32.min)

    /// How a new cell's value folds into the stored one.
    public enum Merge: Sendable {
        case key, sum, least, greatest
    }

    public var definition: (name: String, type: StoreValueType) {
        switch self {
        case .accountKey: ("account_key", .text)
        case .domain: ("domain", .text)
        case .day: ("day", .integer)
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
        }
    }

    public var merge: Merge {
        switch self {
        case .accountKey, .domain, .day: .key
        case .csatLowestScale, .cesLowestScale, .firstAt: .least
        case .csatHighestScale, .cesHighestScale, .lastAt, .accountName: .greatest
        default: .sum
        }
    }
}

/// The label table `feedback_rollup_label`: per (account key, domain), how many records mention each topic or are in
/// each language, over the whole history.
public enum RollupLabelColumn: Int, StoreColumn {
    case accountKey, domain, kind, label, records

    public var definition: (name: String, type: StoreValueType) {
        switch self {
        case .accountKey: ("account_key", .text)
        case .domain: ("domain", .text)
        case .kind: ("kind", .text)
        case .label: ("label", .text)
        case .records: ("records", .integer)
        }
    }
}
