/// The survey tools whose export layouts voc recognizes.
public enum SurveyDialect: String, Sendable, Hashable, Codable, CaseIterable {
    /// One header row, columns named freely.
    case generic
    /// Qualtrics: field ids, question text, then `{"ImportId":…}` descriptors (3 header rows).
    case qualtrics
    /// Qualtrics legacy export: field ids then question text (2 header rows).
    case qualtricsLegacy = "qualtrics-legacy"
    /// SurveyMonkey: question row with blank continuation cells, then an answer-option row (2 header rows).
    case surveyMonkey = "surveymonkey"
    /// LimeSurvey: UTF-8 BOM, `;` delimiter, every value quoted.
    case limeSurvey = "limesurvey"
    /// Google Forms: a localized "Timestamp" first column and question texts as headers.
    case googleForms = "google-forms"

    public var headerRowCount: Int {
        switch self {
        case .qualtrics: 3
        case .qualtricsLegacy, .surveyMonkey: 2
        case .generic, .limeSurvey, .googleForms: 1
        }
    }
}

/// A column as its header rows describe it.
public struct SurveyColumn: Sendable, Hashable {
    public var index: Int
    /// The name shown to users: the first header row's text (SurveyMonkey: with its option row).
    public var name: String
    /// Every header text of the column (field id, question text, import id), normalized for matching.
    var matchTexts: [String]
    /// The raw header texts, for `--nps-column "How likely…"` style overrides.
    var rawTexts: [String]
}

/// The dialect voc recognized, with the columns it implies and a sentence saying why.
public struct DialectDetection: Sendable {
    public var dialect: SurveyDialect
    public var columns: [SurveyColumn]
    public var explanation: String
    /// A slash-date order implied by the dialect (Google Forms' header language, SurveyMonkey's US dates).
    public var dateOrder: DateOrder?
}
