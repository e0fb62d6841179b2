/// The feedback table, one case per column in the order both stores declare it (their schemas are checked against it
/// by the store tests).
public enum FeedbackColumn: Int, StoreColumn {
    case key, channel, sourceFile, sourceLine, sourceRecord, responseID, accountID, accountName, respondentEmail, submittedAt
    case npsState, nps
    case csatState, csat, csatScale, csatGood, csatUnit
    case cesState, ces, cesScale, cesGood, cesUnit
    case comment, language, runID, sentiment, sentimentLabel, churn, effort
    case subject, authorName, thread, quoted
    /// Added by later migrations, so last in the tables.
    case recommendState, recommend
    /// E-mail: the Message-IDs the message answers (space-separated), its recipient's party and whether the customer
    /// says the problem goes on (`MailEnvelope`).
    case references, recipient, stillUnresolved

    public var definition: (name: String, type: StoreValueType) {
        switch self {
        case .key: ("key", .text)
        case .channel: ("channel", .text)
        case .sourceFile: ("source_file", .text)
        case .sourceLine: ("source_line", .integer)
        case .sourceRecord: ("source_record", .integer)
        case .responseID: ("response_id", .text)
        case .accountID: ("account_id", .text)
        case .accountName: ("account_name", .text)
        case .respondentEmail: ("respondent_email", .text)
        case .submittedAt: ("submitted_at", .real)
        case .npsState: ("nps_state", .smallInteger)
        case .nps: ("nps", .integer)
        case .csatState: ("csat_state", .smallInteger)
        case .csat: ("csat", .integer)
        case .csatScale: ("csat_scale", .text)
        case .csatGood: ("csat_good", .smallInteger)
        case .csatUnit: ("csat_unit", .real)
        case .cesState: ("ces_state", .smallInteger)
        case .ces: ("ces", .integer)
        case .cesScale: ("ces_scale", .text)
        case .cesGood: ("ces_good", .smallInteger)
        case .cesUnit: ("ces_unit", .real)
        case .comment: ("comment", .text)
        case .language: ("language", .text)
        case .runID: ("run_id", .integer)
        case .sentiment: ("sentiment", .real)
        case .sentimentLabel: ("sentiment_label", .text)
        case .churn: ("churn", .smallInteger)
        case .effort: ("effort", .smallInteger)
        case .subject: ("subject", .text)
        case .authorName: ("author_name", .text)
        case .thread: ("thread", .text)
        case .quoted: ("quoted", .text)
        case .recommendState: ("recommend_state", .smallInteger)
        case .recommend: ("recommend", .smallInteger)
        case .references: ("refs", .text)
        case .recipient: ("recipient", .text)
        case .stillUnresolved: ("still_unresolved", .smallInteger)
        }
    }
}
