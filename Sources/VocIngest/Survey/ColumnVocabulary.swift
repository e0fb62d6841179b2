public import VocCore

/// The language data used to read survey exports: header phrases per role, N/A answers, language names
/// and free-mail domains, loaded from `lexicons/<lang>/columns.tsv` and its siblings.
public struct ColumnVocabulary: Sendable {
    struct Phrase: Sendable {
        var role: ColumnRole
        var isExact: Bool
        var text: String
        var language: String
        /// Line order within the role across languages: lower is preferred.
        var rank: Int
    }

    private(set) var phrases: [ColumnRole: [Phrase]] = [:]
    private(set) var notAScore: [String] = []
    private(set) var formsTimestamp: [String: String] = [:]
    private(set) var dateOrders: [String: DateOrder] = [:]
    private(set) var scaleConnectors: Set<String> = []
    /// Lower-cased answers meaning "not applicable".
    public private(set) var notApplicable: Set<String> = []
    private(set) var languageNames: [String: String] = [:]
    public private(set) var freemailDomains: Set<String> = []
    /// Answer labels of rating questions and the scales they form.
    public private(set) var ratingLabels = RatingLabels()

    public static func load(from directory: LexiconDirectory) throws(VocError) -> ColumnVocabulary {
        var vocabulary = ColumnVocabulary()
        for language in LexiconDirectory.languages {
            let table = try directory.table("columns.tsv", language: language)
            for row in table.rows {
                guard row.columns.count == 3 else { throw table.error("expected role<TAB>match<TAB>phrase", row: row) }
                let phrase = HeaderText.normalize(row.columns[2])
                let isExact: Bool
                switch row.columns[1] {
                case "exact": isExact = true
                case "contains": isExact = false
                default: throw table.error("match must be 'exact' or 'contains'", row: row)
                }
                switch row.columns[0] {
                case "not-a-score": vocabulary.notAScore.append(phrase)
                case "forms-timestamp": vocabulary.formsTimestamp[phrase] = language
                case "scale-connector": vocabulary.scaleConnectors.insert(phrase)
                case "date-order":
                    guard let order = DateOrder(rawValue: phrase) else { throw table.error("date-order must be mdy or dmy", row: row) }
                    vocabulary.dateOrders[language] = order
                default:
                    guard let role = ColumnRole(rawValue: row.columns[0]) else { throw table.error("unknown role", row: row) }
                    vocabulary.phrases[role, default: []].append(Phrase(role: role, isExact: isExact, text: phrase, language: language, rank: row.line))
                }
            }
            for row in try directory.table("not-applicable.txt", language: language).rows {
                vocabulary.notApplicable.insert(row.columns[0].trimmingSpaces.lowercased())
            }
            let names = try directory.table("language-names.tsv", language: language)
            for row in names.rows {
                guard row.columns.count == 2 else { throw names.error("expected code<TAB>name", row: row) }
                vocabulary.languageNames[HeaderText.normalize(row.columns[1])] = row.columns[0]
            }
        }
        vocabulary.ratingLabels = try RatingLabels.load(from: directory)
        for row in try directory.table("shared/freemail-domains.txt").rows {
            vocabulary.freemailDomains.insert(row.columns[0].trimmingSpaces.lowercased())
        }
        return vocabulary
    }

    /// The best phrase of `role` that matches a normalized header, if any.
    func match(_ role: ColumnRole, header: String) -> Phrase? {
        guard let candidates = phrases[role] else { return nil }
        if let exact = candidates.first(where: { $0.isExact && $0.text == header }) { return exact }
        // The most specific (longest) phrase wins, so "probabilidade de você recomendar" (pt) beats "recomendar" (es).
        return candidates.filter { !$0.isExact && HeaderText.contains(header, phrase: $0.text) }
            .min { ($1.text.count, $0.rank) < ($0.text.count, $1.rank) }
    }

    /// Open questions ("why…?", "comments") are never read as scores, whatever else their header says.
    func isOpenQuestion(_ header: String) -> Bool {
        notAScore.contains { HeaderText.contains(header, phrase: $0) }
    }

    /// `es`, `pt`, `en` or `other` for a language cell (`pt-BR`, `Español`, `english`); nil when blank.
    public func languageCode(for value: String) -> String? {
        let trimmed = value.trimmingSpaces.lowercased()
        if trimmed.isEmpty { return nil }
        let prefix = String(trimmed.prefix { $0 != "-" && $0 != "_" })
        if LexiconDirectory.languages.contains(prefix) { return prefix }
        return languageNames[HeaderText.normalize(trimmed)] ?? "other"
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, line breaks and no-break spaces; itself, without a copy,
    /// when there is nothing to trim (most header values and fields).
    var trimmingSpaces: String {
        let bounds = utf8.spaceTrimmedBounds
        return bounds == utf8.startIndex..<utf8.endIndex ? self : String(self[bounds])
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs, line breaks and no-break spaces, found on the UTF-8
    /// bytes: `Character` iteration cost 11 % of ingest time, and a scalar walk 2 % of `voc inspect m.mbox`.
    var trimmingSpaces: String {
        let text = Substring(self)
        return String(text[text.utf8.spaceTrimmedBounds])
    }

    /// The string without leading and trailing `characters` (each one Unicode scalar), on scalars: Foundation's
    /// `trimmingCharacters(in:)` goes through NSString.
    func trimming(_ characters: String) -> String {
        trimming { characters.unicodeScalars.contains($0) }
    }

    private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        return String(Substring(scalars[first...last]))
    }
}

extension BidirectionalCollection<UInt8> {
    /// The bounds of the UTF-8 bytes without the spaces, tabs, line breaks and no-break spaces (C2 A0) around them:
    /// what `trimmingSpaces` trims.
    var spaceTrimmedBounds: Range<Index> {
        var start = startIndex, end = endIndex
        while start < end {
            let next = index(after: start)
            if self[start].isASCIISpace { start = next }
            else if self[start] == 0xC2, next < end, self[next] == 0xA0 { start = index(after: next) }
            else { break }
        }
        while end > start {
            let last = index(before: end)
            if self[last].isASCIISpace { end = last }
            else if self[last] == 0xA0, last > start, self[index(before: last)] == 0xC2 { end = index(before: last) }
            else { break }
        }
        return start..<end
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes without leading and trailing ASCII spaces, tabs and line breaks.
    var trimmingASCIISpaces: UnsafeBufferPointer<UInt8> {
        guard let first = firstIndex(where: { !$0.isASCIISpace }) else { return UnsafeBufferPointer(rebasing: self[0..<0]) }
        let last = lastIndex(where: { !$0.isASCIISpace })!
        return UnsafeBufferPointer(rebasing: self[first...last])
    }
}
