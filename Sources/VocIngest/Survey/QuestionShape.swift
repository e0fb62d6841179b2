import Foundation

/// Recognizes columns that are one option or one row of a larger question, from the header texts of all columns:
/// `Question [Option]` (LimeSurvey, Google Forms grids), and `Question - Option` / `Question: Option` when several
/// columns share the question (Qualtrics matrices, re-headed SurveyMonkey exports). SurveyMonkey's option row is
/// marked by the dialect itself. Such a column never becomes a top-level NPS, CSAT or CES, whatever phrase the
/// option carries ("[Easy to install the tool]" is not a CES question).
enum QuestionShape {
    static func markOptions(_ columns: inout [SurveyColumn]) {
        // A stem is a question of several options only when it comes with different options (a SurveyMonkey
        // follow-up box repeats its question's whole text, which may itself contain " - ").
        var stems: [String: Set<String>] = [:]
        let split = columns.map { column in column.rawTexts.map(Self.stemAndOption) }
        for candidates in split {
            for candidate in candidates.compactMap({ $0 }) { stems[candidate.stem, default: []].insert(candidate.option) }
        }
        for index in columns.indices where columns[index].optionOf == nil {
            for (raw, candidate) in zip(columns[index].rawTexts, split[index]) {
                if let bracketed = Self.bracketed(raw) {
                    (columns[index].optionOf, columns[index].option) = bracketed
                    break
                }
                if let candidate, stems[candidate.stem, default: []].count >= 2 {
                    (columns[index].optionOf, columns[index].option) = candidate
                    break
                }
            }
        }
    }

    /// `Question [Option]` → `Question` and `Option` (split at the last `[`, when the header ends with `]`).
    static func bracketed(_ raw: String) -> (stem: String, option: String)? {
        let text = raw.trimmingSpaces
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "["), open > text.startIndex else { return nil }
        let stem = text[..<open].trimmingSpaces
        return stem.isEmpty ? nil : (stem, text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingSpaces)
    }

    /// `Question - Option` or `Question: Option` split at the last separator; nil when there is none.
    static func stemAndOption(_ raw: String) -> (stem: String, option: String)? {
        for separator in [" - ", " – ", ": "] {
            guard let range = raw.range(of: separator, options: .backwards) else { continue }
            let stem = raw[..<range.lowerBound].trimmingSpaces, option = raw[range.upperBound...].trimmingSpaces
            if !stem.isEmpty, !option.isEmpty { return (stem, option) }
        }
        return nil
    }
}
