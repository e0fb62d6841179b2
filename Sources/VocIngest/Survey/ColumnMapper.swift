import VocCore

/// Assigns roles to columns: user overrides first, then header phrases from the vocabulary.
/// Score roles come from headers only; a header stating another scale (`(1-4)`) is not NPS.
struct ColumnMapper {
    let vocabulary: ColumnVocabulary

    func map(_ columns: [SurveyColumn], overrides: ColumnOverrides, file: String) throws(VocError) -> ColumnMapping {
        var mapping = ColumnMapping()
        var claimed = Set<Int>()
        var decided = Set<ColumnRole>()
        for role in ColumnRole.allCases {
            guard let names = overrides.columns[role] else { continue }
            decided.insert(role)
            if names == ["none"] { continue }
            var chosen: [SurveyColumn] = []
            for name in names {
                guard let column = Self.resolve(name, in: columns) else {
                    let known = columns.map { "'\($0.name)'" }.joined(separator: ", ")
                    throw VocError(.invalidConfiguration, "no column '\(name)' for \(role.rawValue); columns are \(known)", at: SourcePosition(file: file))
                }
                chosen.append(column)
            }
            claimed.formUnion(chosen.map(\.index))
            mapping.assign(role, columns: chosen, reason: "given by the user")
        }

        var languageVotes: [String: Int] = [:]
        for role in ColumnRole.allCases where !decided.contains(role) {
            var best: (column: SurveyColumn, phrase: ColumnVocabulary.Phrase)?
            var all: [(SurveyColumn, ColumnVocabulary.Phrase)] = []
            for column in columns where !claimed.contains(column.index) {
                if role.isScore && column.matchTexts.contains(where: vocabulary.isOpenQuestion) { continue }
                guard let phrase = column.matchTexts.lazy.compactMap({ vocabulary.match(role, header: $0) }).first else { continue }
                if role == .nps, let hint = column.matchTexts.lazy.compactMap({ ScaleHint.parse($0, connectors: vocabulary.scaleConnectors) }).first,
                   hint != 0...10 {
                    continue
                }
                all.append((column, phrase))
                if let current = best, Self.rank(current.phrase) <= Self.rank(phrase) { continue }
                best = (column, phrase)
            }
            if role.allowsSeveralColumns, !all.isEmpty {
                mapping.assign(role, columns: all.map(\.0), reason: "headers matched comment phrases")
                claimed.formUnion(all.map(\.0.index))
                for (_, phrase) in all { languageVotes[phrase.language, default: 0] += 1 }
            } else if let best {
                let kind = best.phrase.isExact ? "is" : "contains"
                mapping.assign(role, columns: [best.column], reason: "header \(kind) '\(best.phrase.text)' (\(best.phrase.language))")
                claimed.insert(best.column.index)
                languageVotes[best.phrase.language, default: 0] += 1
            }
        }
        mapping.headerLanguage = languageVotes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        return mapping
    }

    /// Exact beats contains; exact phrases rank by line, contains phrases by length (more specific first), then line.
    private static func rank(_ phrase: ColumnVocabulary.Phrase) -> (Int, Int, Int) {
        phrase.isExact ? (0, 0, phrase.rank) : (1, -phrase.text.count, phrase.rank)
    }

    /// `#3`, or a header text of any header row, compared case-insensitively and then normalized.
    static func resolve(_ name: String, in columns: [SurveyColumn]) -> SurveyColumn? {
        if name.hasPrefix("#"), let number = Int(name.dropFirst()), number >= 1, number <= columns.count {
            return columns[number - 1]
        }
        let lowered = name.lowercased()
        if let column = columns.first(where: { $0.name.lowercased() == lowered || $0.rawTexts.contains { $0.lowercased() == lowered } }) {
            return column
        }
        let normalized = HeaderText.normalize(name)
        return columns.first { $0.matchTexts.contains(normalized) }
    }
}
