import VocCore

/// Assigns roles to columns: user overrides first, then header phrases from the vocabulary checked against the
/// columns' values (`ColumnProfile`). A score role needs a header that fits and answers that fit its scale
/// (`ScoreEvidence`); comments are open questions with free-text answers. Without profiles (XML fields), headers
/// decide alone: open questions are never scores, and a header stating another scale (`(1-4)`) is not NPS.
struct ColumnMapper {
    let vocabulary: ColumnVocabulary

    /// - Parameter profiles: the value profile of each column; with them, a role needs answers that fit it as well as
    ///   a header (`ScoreEvidence`), and comments are recognized by their values too. Without (XML), headers decide.
    func map(_ columns: [SurveyColumn], overrides: ColumnOverrides, file: String, profiles: [ColumnProfile]? = nil) throws(VocError) -> ColumnMapping {
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
        mapping.profiles = profiles ?? []
        for role in ColumnRole.allCases where !decided.contains(role) {
            if role == .comment {
                let chosen = comments(columns, claimed: claimed, profiles: profiles, mapping: &mapping)
                guard !chosen.isEmpty else { continue }
                mapping.assign(.comment, columns: chosen.map(\.column),
                               reason: profiles == nil ? "headers matched comment phrases" : "open questions by header and free text by value")
                claimed.formUnion(chosen.map(\.column.index))
                for phrase in chosen.compactMap(\.phrase) { languageVotes[phrase.language, default: 0] += 1 }
                continue
            }
            if role == .recommend {
                if let profiles, let (column, phrase, fit) = recommendColumn(columns, claimed: claimed, profiles: profiles) {
                    mapping.fits[.recommend] = fit
                    mapping.assign(.recommend, columns: [column], reason: "header contains '\(phrase.text)' (\(phrase.language)) and the answers are yes/no")
                    claimed.insert(column.index)
                    languageVotes[phrase.language, default: 0] += 1
                }
                continue
            }
            var candidates: [(column: SurveyColumn, phrase: ColumnVocabulary.Phrase)] = []
            for column in columns where !claimed.contains(column.index) {
                // Without values, an open-question header ("why…?") is never a score; with them, the answers decide.
                if role.isScore && profiles == nil && column.searchTexts.contains(where: vocabulary.isOpenQuestion) { continue }
                guard let phrase = column.searchTexts.lazy.compactMap({ vocabulary.match(role, header: $0) }).first else { continue }
                candidates.append((column, phrase))
            }
            // The best phrase first; among equals, the column with more answers (the product's own recommend
            // question over a second one about another product), then the leftmost.
            let filled = { (column: SurveyColumn) in profiles.map { $0[column.index].filled } ?? 0 }
            candidates.sort {
                let (left, right) = (Self.rank($0.phrase), Self.rank($1.phrase))
                return left != right ? left < right : (-filled($0.column), $0.column.index) < (-filled($1.column), $1.column.index)
            }
            // NPS: a 0-10 column wins over a Promoter/Passive/Detractor column, which is used only when there is none.
            if role == .nps, let profiles {
                candidates.sort { first, second in
                    Self.isCategoryColumn(profiles[first.column.index], vocabulary) == false && Self.isCategoryColumn(profiles[second.column.index], vocabulary)
                }
            }
            for (column, phrase) in candidates {
                if role.isScore {
                    let hint = column.matchTexts.lazy.compactMap({ ScaleHint.parse($0, connectors: vocabulary.scaleConnectors) }).first
                    if let profiles {
                        if let stem = column.optionOf {
                            mapping.reject(role, column, "one option of '\(stem)', not a question of its own")
                            continue
                        }
                        switch ScoreEvidence.evaluate(role, profile: profiles[column.index], hint: hint, headers: column.searchTexts,
                                                      labels: vocabulary.ratingLabels) {
                        case .success(let fit): mapping.fits[role] = fit
                        case .failure(let rejection):
                            mapping.reject(role, column, rejection.reason)
                            continue
                        }
                    } else if role == .nps, let hint, hint != 0...10 {
                        continue
                    }
                }
                let kind = phrase.isExact ? "is" : "contains"
                mapping.assign(role, columns: [column], reason: "header \(kind) '\(phrase.text)' (\(phrase.language))")
                claimed.insert(column.index)
                languageVotes[phrase.language, default: 0] += 1
                // A Promoter/Passive/Detractor column beside the 0-10 one is kept to cross-check it.
                if role == .nps, let profiles, mapping.fits[.nps]?.labels.isEmpty == true {
                    mapping.npsCategoryColumn = candidates.first { $0.column.index != column.index && Self.isCategoryColumn(profiles[$0.column.index], vocabulary) }?.column.index
                }
                break
            }
        }
        if let profiles { mapping.aspects = aspects(columns, claimed: claimed, profiles: profiles, lowerIsEasier: overrides.cesDirection == .lowerIsEasier) }
        mapping.headerLanguage = languageVotes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        return mapping
    }

    /// The comment columns: without profiles, every column whose header matches a comment phrase; with them, the
    /// open questions (by header, in three languages, or a blank/generic header) whose answers are free text, and any
    /// other column whose answers are plainly free text (long and varied). A column of short repeated answers is a
    /// closed question whatever its header says.
    private func comments(_ columns: [SurveyColumn], claimed: Set<Int>, profiles: [ColumnProfile]?,
                          mapping: inout ColumnMapping) -> [(column: SurveyColumn, phrase: ColumnVocabulary.Phrase?)] {
        var chosen: [(SurveyColumn, ColumnVocabulary.Phrase?)] = []
        for column in columns where !claimed.contains(column.index) {
            let phrase = column.searchTexts.lazy.compactMap({ vocabulary.match(.comment, header: $0) }).first
            guard let profiles else {
                if let phrase { chosen.append((column, phrase)) }
                continue
            }
            let profile = profiles[column.index]
            let isOpen = phrase != nil || column.searchTexts.contains(where: vocabulary.isOpenQuestion) || Self.isGeneric(column)
            if profile.filled == 0 {
                if phrase != nil { chosen.append((column, phrase)) }
                continue
            }
            let textShare = Double(profile.labelCount) / Double(profile.filled)
            let isText = textShare >= 0.8 && !profile.isMultiSelect
            // With fewer than ten answers variety tells nothing: then only a header that asks for comments, or says
            // nothing of its own, makes a comment.
            let fewAnswers = profile.filled < 10
            if phrase != nil, isText, fewAnswers || profile.variety >= 0.5 {
                chosen.append((column, phrase))
            } else if isOpen, isText, profile.meanWords >= 2.5 || profile.meanCharacters >= 15,
                      fewAnswers ? Self.isGeneric(column) : profile.variety >= 0.5 {
                chosen.append((column, phrase))
            } else if isText, profile.meanWords >= 6, !fewAnswers, profile.variety >= 0.8 {
                chosen.append((column, phrase))
            } else if phrase != nil {
                mapping.reject(.comment, column, "short or repeated answers (\(profile.distinct) different in \(profile.filled), "
                               + "\(Int(profile.meanWords.rounded())) words on average\(ScoreEvidence.samples(profile))): a closed question")
            }
        }
        return chosen
    }

    /// The would-recommend column: a question with a recommend header (the NPS phrases) whose every answer is yes or
    /// no (`ScoreEvidence.isBinary`); the best phrase, then the most answers, then the leftmost. Options of a
    /// multiple-choice question are not questions of their own.
    private func recommendColumn(_ columns: [SurveyColumn], claimed: Set<Int>,
                                 profiles: [ColumnProfile]) -> (SurveyColumn, ColumnVocabulary.Phrase, ScoreFit)? {
        let candidates = columns.compactMap { column -> (SurveyColumn, ColumnVocabulary.Phrase)? in
            guard !claimed.contains(column.index), column.optionOf == nil,
                  ScoreEvidence.isBinary(profiles[column.index], labels: vocabulary.ratingLabels),
                  let phrase = column.searchTexts.lazy.compactMap({ vocabulary.match(.nps, header: $0) }).first else { return nil }
            return (column, phrase)
        }
        let order = { (candidate: (SurveyColumn, ColumnVocabulary.Phrase)) in
            let rank = Self.rank(candidate.1)
            return [rank.0, rank.1, rank.2, -profiles[candidate.0.index].filled, candidate.0.index]
        }
        guard let (column, phrase) = candidates.min(by: { order($0).lexicographicallyPrecedes(order($1)) }) else { return nil }
        let profile = profiles[column.index]
        let labels = vocabulary.ratingLabels.read(profile.labels, kinds: [.binary])?.values ?? [:]
        return (column, phrase, ScoreFit(scale: 0...1, labels: labels, fitting: profile.filled, filled: profile.filled, summary: "yes/no answers"))
    }

    /// The rows of rating matrices under a satisfaction or effort question ("How satisfied are you with… [Support]",
    /// "How easy was it to… - Billing"): rows whose answers fit the question's scale (`ScoreEvidence`), two or more
    /// per question. Each is an aspect of the response, rated on the scale its own answers show; never its CSAT or CES.
    private func aspects(_ columns: [SurveyColumn], claimed: Set<Int>, profiles: [ColumnProfile],
                         lowerIsEasier: Bool) -> [ColumnMapping.AspectColumn] {
        var found: [ColumnMapping.AspectColumn] = []
        for column in columns where !claimed.contains(column.index) {
            guard let question = column.optionOf, let aspect = column.option, !aspect.isEmpty else { continue }
            let stem = HeaderText.normalize(question)
            let kind: AspectRating.Kind
            if vocabulary.match(.csat, header: stem) != nil { kind = .csat } else if vocabulary.match(.ces, header: stem) != nil { kind = .ces } else { continue }
            let hint = ScaleHint.parse(stem, connectors: vocabulary.scaleConnectors)
            guard case .success(let fit) = ScoreEvidence.evaluate(kind == .csat ? .csat : .ces, profile: profiles[column.index], hint: hint,
                                                                  headers: [stem], labels: vocabulary.ratingLabels),
                  let scale = try? (kind == .csat ? RatingScale.csat(fit.scale) : RatingScale.ces(fit.scale, lowerIsEasier: lowerIsEasier)) else { continue }
            found.append(ColumnMapping.AspectColumn(column: column.index, question: question, aspect: aspect, kind: kind, scale: scale, fit: fit))
        }
        let rows = Dictionary(grouping: found, by: \.question).mapValues(\.count)
        return found.filter { rows[$0.question, default: 0] >= 2 }
    }

    /// Whether most answers are Promoter/Passive/Detractor labels.
    private static func isCategoryColumn(_ profile: ColumnProfile, _ vocabulary: ColumnVocabulary) -> Bool {
        guard let reading = vocabulary.ratingLabels.read(profile.labels, kinds: [.npsCategory]) else { return false }
        return reading.covered * 2 > profile.filled
    }

    /// A header that says nothing of its own (blank, `Column12`, `Unnamed: 3`, `Field 7`): SurveyMonkey's follow-up
    /// boxes and re-headed exports leave open questions so.
    static func isGeneric(_ column: SurveyColumn) -> Bool {
        guard let header = column.matchTexts.first else { return true }
        if header.isEmpty { return true }
        let words = header.split(separator: " ")
        return words.count <= 2 && ["column", "unnamed", "field", "col"].contains(String(words[0])) && words.dropFirst().allSatisfy { $0.allSatisfy(\.isNumber) }
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
