public import VocCore

/// Any input voc reads, producing the same ingest events whatever its format: a survey export (`SurveyCSVIngester`),
/// an XML export (`XMLIngester`) or e-mail (`MailIngester`).
public protocol RecordSource {
    /// The next record, accepted, quarantined or skipped; nil at the end of the input.
    mutating func next() throws(VocError) -> IngestEvent?
    var counts: IngestCounts { get }
    var format: InputFormat { get }
    var file: String { get }
    /// One line for the ingest log: what was detected, without customer text.
    var detail: String { get }
    /// The column mapping of a survey or XML export; nil for e-mail, whose roles are fixed.
    var mapping: ColumnMapping? { get }
    /// The names of the export's columns (or XML fields) and what to call them in messages; nil for e-mail.
    var fieldNames: (names: [String], kind: String)? { get }
}

/// Opens inputs as record sources.
public enum RecordSources {
    /// Opens `path` as `format` (sniffed when nil). `jobs` is how many threads parse e-mail (one per core when nil);
    /// e-mail from `teamDomains` is the team's (`MailIngester`).
    public static func open(path: String, format: InputFormat? = nil, options: SurveyCSVOptions = SurveyCSVOptions(), recordPath: String? = nil,
                            vocabulary: ColumnVocabulary, stripper: ReplyStripper, teamDomains: Set<String> = [],
                            jobs: Int? = nil) throws(VocError) -> any RecordSource {
        let sniffed: InputFormat
        if let format { sniffed = format } else { sniffed = try InputFormat.sniff(path: path) }
        switch sniffed {
        case .csv: return try SurveyCSVIngester(path: path, options: options, vocabulary: vocabulary)
        case .xml: return try XMLIngester(path: path, recordPath: recordPath, options: options, vocabulary: vocabulary)
        case .mbox, .eml: return try MailIngester(path: path, format: sniffed, vocabulary: vocabulary, stripper: stripper,
                                                        teamDomains: teamDomains, jobs: jobs)
        }
    }
}

extension RecordSource {
    /// Refuses an export none of whose columns (or XML fields) reads as NPS, CSAT, CES or a comment: a README, a
    /// JSON file or a tag list met in a directory would otherwise be stored as one empty record per line. E-mail
    /// always holds feedback (its text).
    public func requireFeedback() throws(VocError) {
        guard !hasFeedback, let (names, kind) = fieldNames else { return }
        let shown = names.isEmpty ? "none found" : names.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 8 ? ", …" : "")
        throw VocError(.invalidInput, "no NPS, CSAT, CES or comment column among the \(kind)s (\(shown)); nothing stored. "
                       + "Name one with --nps-column, --csat-column, --ces-column or --comment-column (or a --mapping file), "
                       + "or check that this is a survey export", at: SourcePosition(file: file))
    }

    /// Whether a column (or XML field) maps to NPS, CSAT, CES or a comment; always true for e-mail.
    public var hasFeedback: Bool { mapping?.hasFeedback ?? true }

    /// Whether a record can be dated or given an account (see `ColumnMapping.placesFeedback`); always true for e-mail.
    public var placesFeedback: Bool { mapping?.placesFeedback ?? true }

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
}

extension SurveyCSVIngester: RecordSource {
    public var format: InputFormat { .csv }
    public var detail: String { "\(inspection.dialect.rawValue), \(inspection.encoding?.rawValue ?? "ascii"), delimiter \(inspection.delimiterName)" }
    public var mapping: ColumnMapping? { inspection.mapping }
    public var fieldNames: (names: [String], kind: String)? { (inspection.columns, "header") }
}

extension XMLIngester: RecordSource {
    public var format: InputFormat { .xml }
    public var file: String { inspection.file }
    public var detail: String { "xml, records \(inspection.recordPath)" }
    public var mapping: ColumnMapping? { inspection.mapping }
    public var fieldNames: (names: [String], kind: String)? { (inspection.fields, "field") }
}

extension MailIngester: RecordSource {
    public var detail: String { format == .mbox ? "mbox" : "e-mail message" }
    public var mapping: ColumnMapping? { nil }
    public var fieldNames: (names: [String], kind: String)? { nil }
}
