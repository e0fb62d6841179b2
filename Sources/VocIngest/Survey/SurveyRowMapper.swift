import Foundation
import VocCore

/// Turns one data record into a `FeedbackRecord`, or says why it must be quarantined.
struct SurveyRowMapper {
    struct Rejection: Error {
        var reason: QuarantineReason
        var field: String?
        var detail: String
    }

    let columns: [SurveyColumn]
    let mapping: ColumnMapping
    let scales: SurveyScales
    let vocabulary: ColumnVocabulary
    let timestamps: TimestampParser
    let scores: ScoreParser
    /// Hash state seeded with the header rows, so keys are scoped to one survey's layout.
    let namespace: StableHasher
    // Column indices resolved once: a dictionary lookup per field showed in profiles.
    private let responseIDColumn, accountIDColumn, accountNameColumn, emailColumn, timestampColumn, languageColumn: Int?
    private let npsColumn, recommendColumn, csatColumn, cesColumn: Int?
    private let commentColumns: [Int]
    /// Each column's question (`SurveyColumn.question`), read once.
    private let questions: [String]
    private let longestNotApplicable: Int
    private let npsLabels, recommendLabels, csatLabels, cesLabels: [String: Int]

    let channel: FeedbackChannel

    init(columns: [SurveyColumn], mapping: ColumnMapping, scales: SurveyScales, vocabulary: ColumnVocabulary, dateOrder: DateOrder,
         zone: TimeZone? = nil, channel: FeedbackChannel = .survey) {
        self.channel = channel
        self.columns = columns
        self.mapping = mapping
        self.scales = scales
        self.vocabulary = vocabulary
        self.timestamps = TimestampParser(order: dateOrder, zone: zone)
        self.scores = ScoreParser(notApplicable: vocabulary.notApplicable)
        var namespace = StableHasher()
        for column in columns { namespace.combine(column.matchTexts.joined(separator: "\u{1F}")) }
        self.namespace = namespace
        responseIDColumn = mapping.column(for: .responseID)
        accountIDColumn = mapping.column(for: .accountID)
        accountNameColumn = mapping.column(for: .accountName)
        emailColumn = mapping.column(for: .email)
        timestampColumn = mapping.column(for: .timestamp)
        languageColumn = mapping.column(for: .language)
        npsColumn = mapping.column(for: .nps)
        recommendColumn = mapping.column(for: .recommend)
        csatColumn = mapping.column(for: .csat)
        cesColumn = mapping.column(for: .ces)
        commentColumns = mapping.columns(for: .comment)
        questions = columns.map(\.question)
        longestNotApplicable = vocabulary.notApplicable.map(\.utf8.count).max() ?? 0
        npsLabels = mapping.fits[.nps]?.labels ?? [:]
        // A column given by the user has no fit: every yes/no word is read then.
        recommendLabels = mapping.fits[.recommend]?.labels ?? vocabulary.ratingLabels.values(of: .binary)
        csatLabels = mapping.fits[.csat]?.labels ?? [:]
        cesLabels = mapping.fits[.ces]?.labels ?? [:]
    }

    func map(_ record: some FieldRow, decoder: FieldDecoder, position: SourcePosition) -> Result<FeedbackRecord, Rejection> {
        do {
            return .success(try build(record, decoder: decoder, position: position))
        } catch {
            return .failure(error)
        }
    }

    private func build(_ record: some FieldRow, decoder: FieldDecoder, position: SourcePosition) throws(Rejection) -> FeedbackRecord {
        if record.count != columns.count {
            let extraAreEmpty = record.count > columns.count && (columns.count..<record.count).allSatisfy(record.isEmpty)
            if !extraAreEmpty {
                throw Rejection(reason: .raggedRow, field: nil, detail: "expected \(columns.count) fields, found \(record.count)")
            }
        }
        if record.bytes.contains(0) {
            throw Rejection(reason: .nulByte, field: nil, detail: "NUL bytes mean a corrupted export")
        }
        func field(_ column: Int) throws(Rejection) -> String {
            guard let value = record.withField(column, decoder.string) else {
                throw Rejection(reason: .invalidEncoding, field: columns[column].name, detail: "bytes are not valid \(decoder.encoding?.rawValue ?? "UTF-8")")
            }
            return value
        }
        /// The field trimmed, nil when empty. UTF-8 is trimmed on its bytes before it is decoded: trimming the
        /// decoded string would make a second copy of every field.
        func text(_ column: Int?) throws(Rejection) -> String? {
            guard let column else { return nil }
            guard decoder.encoding == .utf8 else { return Self.nonEmpty(try field(column)) }
            let trimmed = record.withField(column) { bytes in
                bytes.isEmpty ? "" : UTF8Validation.string(UnsafeBufferPointer(rebasing: bytes[bytes.spaceTrimmedBounds]))
            }
            guard let trimmed else {
                throw Rejection(reason: .invalidEncoding, field: columns[column].name, detail: "bytes are not valid UTF-8")
            }
            return trimmed.isEmpty ? nil : trimmed
        }
        func score(_ column: Int?, _ role: ColumnRole, scale: RatingScale, labels: [String: Int]) throws(Rejection) -> ScaledAnswer? {
            guard let column else { return nil }
            let parsed = record.withField(column) { bytes in scores.parse(bytes, scale: scale, labels: labels) { decoder.string(bytes) } }
            switch parsed {
            case .success(let answer): return ScaledAnswer(answer, on: scale)
            case .failure(.notAWholeNumber):
                throw Rejection(reason: .nonIntegerScore, field: columns[column].name, detail: "\(role.rawValue) answers are whole numbers \(scale.minimum)-\(scale.maximum); this one has a fraction")
            case .failure(.notANumber):
                throw Rejection(reason: .nonIntegerScore, field: columns[column].name, detail: "\(role.rawValue) answer is not a number or a known answer label")
            case .failure(.outOfScale(let value)):
                throw Rejection(reason: .scoreOutOfScale, field: columns[column].name, detail: "\(role.rawValue) \(value) is outside \(scale.minimum)-\(scale.maximum)")
            }
        }

        var output = FeedbackRecord(key: "", channel: channel, position: position)
        output.nps = try score(npsColumn, .nps, scale: .nps, labels: npsLabels)
        output.recommend = try score(recommendColumn, .recommend, scale: .yesNo, labels: recommendLabels)?.answer
        for aspect in mapping.aspects {
            guard let answer = try score(aspect.column, aspect.kind == .csat ? .csat : .ces, scale: aspect.scale, labels: aspect.fit.labels),
                  answer.answer != .blank else { continue }
            output.aspects.append(AspectRating(question: aspect.question, aspect: aspect.aspect, kind: aspect.kind, answer: answer))
        }
        output.csat = try score(csatColumn, .csat, scale: scales.csat, labels: csatLabels)
        output.ces = try score(cesColumn, .ces, scale: scales.ces, labels: cesLabels)
        if let column = timestampColumn, !record.withField(column, { $0.trimmingASCIISpaces.isEmpty }) {
            guard let date = record.withField(column, timestamps.parse) else {
                throw Rejection(reason: .unparseableDate, field: columns[column].name,
                                detail: "expected an ISO 8601 date or \(timestamps.order == .mdy ? "M/D/YYYY" : "D/M/YYYY")")
            }
            output.submittedAt = date
        }
        output.responseID = try text(responseIDColumn)
        output.accountID = try text(accountIDColumn)
        output.accountName = try text(accountNameColumn)
        output.respondentEmail = try text(emailColumn)?.lowercased()
        if output.accountID == nil, let email = output.respondentEmail {
            output.accountID = EmailDomain.accountKey(forEmail: email, freemail: vocabulary.freemailDomains)
        }
        output.language = try text(languageColumn).flatMap(vocabulary.languageCode)
        var comments: [String] = []
        for column in commentColumns {
            guard let value = try text(column), !isNotApplicable(value) else { continue }
            comments.append(value)
            if commentColumns.count > 1 { output.answers.append(OpenAnswer(question: questions[column], text: value)) }
        }
        output.comment = comments.isEmpty ? nil : comments.joined(separator: "\n\n")

        var hasher = namespace
        if let responseID = output.responseID {
            hasher.combine("id")
            hasher.combine(responseID)
        } else {
            hasher.combine("row")
            for field in 0..<min(record.count, columns.count) { record.withField(field) { hasher.combine($0) } }
        }
        output.key = hasher.finalizeHex()
        return output
    }

    /// A comment that says nothing: `NA` (as R writes a missing value), `N/A`, `-`, "prefer not to say"
    /// (`not-applicable.txt`). Only short texts are lowercased to look them up.
    private func isNotApplicable(_ comment: String) -> Bool {
        comment.utf8.count <= longestNotApplicable && vocabulary.notApplicable.contains(comment.lowercased())
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
    }
}
