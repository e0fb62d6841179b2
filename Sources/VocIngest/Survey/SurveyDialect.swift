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
    /// Every header text of the column (field id, question text, import id), normalized for matching. Record keys
    /// are scoped by these texts, so their normalization never changes.
    var matchTexts: [String]
    /// The raw header texts, for `--nps-column "How likely…"` style overrides.
    var rawTexts: [String]
    /// The question this column is one option or row of (`Question [Option]`, SurveyMonkey's option row,
    /// `Question - Option` repeated over columns); nil for a question of its own. An option is never a score.
    var optionOf: String?
    /// The option or row itself (`Support` in `How satisfied are you with… [Support]`), when `optionOf` is known.
    var option: String?

    init(index: Int, name: String, matchTexts: [String], rawTexts: [String], optionOf: String? = nil, option: String? = nil) {
        self.index = index
        self.name = name
        self.matchTexts = matchTexts
        self.rawTexts = rawTexts
        self.optionOf = optionOf
        self.option = option
        searchTexts = matchTexts + rawTexts.compactMap(Self.codeName).filter { !matchTexts.contains($0) }
    }

    /// The question as a person reads it: the name when it has words, else the first header row that does
    /// (Qualtrics' question text under `Q5`), else the name.
    public var question: String {
        name.contains(" ") ? name : rawTexts.first { $0.contains(" ") && !$0.hasPrefix("{") }?.trimmingSpaces ?? name
    }

    /// `matchTexts` and the words of code-like headers (`LikelyToRecommend`, `satisfaction_interaction`,
    /// `Qrecommend`): what vocabulary phrases are matched against.
    private(set) var searchTexts: [String]

    /// The words of a header written as one code (no spaces): camel case and `_`/`-`/`.` split, and a leading
    /// question-number `Q` dropped (`Qlike_best` → `like best`); nil for other headers.
    static func codeName(_ raw: String) -> String? {
        let text = raw.trimmingSpaces
        guard !text.isEmpty, !text.contains(" "), text.unicodeScalars.contains(where: { $0.properties.isLowercase }) else { return nil }
        var words: [String] = [], current = ""
        var previousIsLower = false
        for character in text {
            if character == "_" || character == "-" || character == "." {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousIsLower = false
                continue
            }
            if character.isUppercase && previousIsLower && !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previousIsLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        if let first = words.first, first.count > 4, first.first == "Q", first.dropFirst().allSatisfy(\.isLowercase) {
            words[0] = String(first.dropFirst())
        }
        let name = HeaderText.normalize(words.joined(separator: " "))
        return name.isEmpty ? nil : name
    }
}

/// The dialect voc recognized, with the columns it implies and a sentence saying why.
public struct DialectDetection: Sendable {
    public var dialect: SurveyDialect
    public var columns: [SurveyColumn]
    public var explanation: String
    /// A slash-date order implied by the dialect (Google Forms' header language, SurveyMonkey's US dates).
    public var dateOrder: DateOrder?
}
