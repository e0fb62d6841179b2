public import VocCore

/// Any input voc reads, opened by its sniffed format, producing the same ingest events.
public enum FeedbackSource {
    case survey(SurveyCSVIngester)
    case xml(XMLIngester)
    case mail(MailIngester)

    /// Opens `path` as `format` (sniffed when nil). `jobs` is how many threads parse e-mail (one per core when nil).
    public static func open(path: String, format: InputFormat? = nil, options: SurveyCSVOptions = SurveyCSVOptions(), recordPath: String? = nil,
                            vocabulary: ColumnVocabulary, stripper: ReplyStripper, jobs: Int? = nil) throws(VocError) -> FeedbackSource {
        let sniffed: InputFormat
        if let format { sniffed = format } else { sniffed = try InputFormat.sniff(path: path) }
        switch sniffed {
        case .csv: return .survey(try SurveyCSVIngester(path: path, options: options, vocabulary: vocabulary))
        case .xml: return .xml(try XMLIngester(path: path, recordPath: recordPath, options: options, vocabulary: vocabulary))
        case .mbox, .eml: return .mail(try MailIngester(path: path, format: sniffed, vocabulary: vocabulary, stripper: stripper, jobs: jobs))
        }
    }

    /// Refuses an export none of whose columns (or XML fields) reads as NPS, CSAT, CES or a comment: a README, a
    /// JSON file or a tag list met in a directory would otherwise be stored as one empty record per line. E-mail
    /// always holds feedback (its text).
    public func requireFeedback() throws(VocError) {
        guard !hasFeedback else { return }
        let names: [String], kind: String
        switch self {
        case .survey(let ingester): (names, kind) = (ingester.inspection.columns, "header")
        case .xml(let ingester): (names, kind) = (ingester.inspection.fields, "field")
        case .mail: return
        }
        let shown = names.isEmpty ? "none found" : names.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 8 ? ", …" : "")
        throw VocError(.invalidInput, "no NPS, CSAT, CES or comment column among the \(kind)s (\(shown)); nothing stored. "
                       + "Name one with --nps-column, --csat-column, --ces-column or --comment-column (or a --mapping file), "
                       + "or check that this is a survey export", at: SourcePosition(file: file))
    }

    /// The column mapping of a survey or XML export; nil for e-mail, whose roles are fixed.
    private var mapping: ColumnMapping? {
        switch self {
        case .survey(let ingester): ingester.inspection.mapping
        case .xml(let ingester): ingester.inspection.mapping
        case .mail: nil
        }
    }

    /// Whether a column (or XML field) maps to NPS, CSAT, CES or a comment; always true for e-mail.
    public var hasFeedback: Bool { mapping?.hasFeedback ?? true }

    /// What the ingest says about the mapping on stderr: each score role a header offered but no column's answers
    /// fit (`ColumnMapping.droppedRoles`; the file is read without it instead of quarantining every record), and a
    /// Promoter/Passive/Detractor column that disagrees with the 0-10 scores.
    public var mappingNotes: [String] {
        guard let mapping else { return [] }
        var notes = mapping.droppedRoles.map { role, rejections in
            let columns = rejections.map { "'\($0.name)' (\($0.reason))" }.joined(separator: "; ")
            return "no \(role.rawValue) read from this file: \(columns); the rest of the file is read (name a column with --\(role.rawValue)-column to force one)"
        }
        if let check = mapping.npsCrossCheck, check.compared > 0, check.agreeing * 10 < check.compared * 9 {
            notes.append("the NPS scores and the file's Promoter/Passive/Detractor column agree on only \(check.agreeing) of \(check.compared) responses: check which is right")
        }
        return notes
    }

    /// Whether a record can be dated or given an account (see `ColumnMapping.placesFeedback`); always true for e-mail.
    public var placesFeedback: Bool { mapping?.placesFeedback ?? true }

    public mutating func next() throws(VocError) -> IngestEvent? {
        switch self {
        case .survey(var ingester):
            defer { self = .survey(ingester) }
            return try ingester.next()
        case .xml(var ingester):
            defer { self = .xml(ingester) }
            return try ingester.next()
        case .mail(var ingester):
            defer { self = .mail(ingester) }
            return try ingester.next()
        }
    }

    public var counts: IngestCounts {
        switch self {
        case .survey(let ingester): ingester.counts
        case .xml(let ingester): ingester.counts
        case .mail(let ingester): ingester.counts
        }
    }

    public var format: InputFormat {
        switch self {
        case .survey: .csv
        case .xml: .xml
        case .mail(let ingester): ingester.format
        }
    }

    public var file: String {
        switch self {
        case .survey(let ingester): ingester.inspection.file
        case .xml(let ingester): ingester.inspection.file
        case .mail(let ingester): ingester.file
        }
    }

    /// One line for the ingest log: what was detected, without customer text.
    public var detail: String {
        switch self {
        case .survey(let ingester):
            let inspection = ingester.inspection
            return "\(inspection.dialect.rawValue), \(inspection.encoding?.rawValue ?? "ascii"), delimiter \(inspection.delimiterName)"
        case .xml(let ingester):
            return "xml, records \(ingester.inspection.recordPath)"
        case .mail(let ingester):
            return ingester.format == .mbox ? "mbox" : "e-mail message"
        }
    }
}
