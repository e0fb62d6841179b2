import Foundation
public import VocCore

/// Streams a survey export (CSV/TSV from Qualtrics, SurveyMonkey, LimeSurvey, Google Forms or any tool)
/// into ingest events: one per data record, accepted, quarantined or skipped, with memory flat in file size.
///
/// ```swift
/// var ingester = try SurveyCSVIngester(path: "surveys.csv", vocabulary: vocabulary)
/// while let event = try ingester.next() { … }
/// assert(ingester.counts.isBalanced)
/// ```
public struct SurveyCSVIngester {
    private enum Pending {
        case record(CSVRecord, raw: [UInt8])
        case malformed(CSVReader.Malformed)
    }

    public private(set) var inspection: SurveyInspection
    public private(set) var counts = IngestCounts()
    private var reader: CSVReader
    private var decoder: FieldDecoder
    private let mapper: SurveyRowMapper
    private var pending: [Pending]
    private var recordOrdinal = 0
    public let file: String

    /// Data records read ahead to profile each column's values before the mapping is decided.
    static let profileRecords = 1_000

    public init(path: String, options: SurveyCSVOptions = SurveyCSVOptions(), vocabulary: ColumnVocabulary) throws(VocError) {
        let file = options.displayName ?? (path == "-" ? "<stdin>" : path)
        self.file = file
        let opened = try DelimitedTextFile(path: path, encoding: options.encoding, delimiter: options.delimiter,
                                           maximumRecordBytes: options.maximumRecordBytes, chunkSize: options.chunkSize)
        let (sniff, encoding, delimiter) = (opened.sniff, opened.encoding, opened.delimiter)
        let encodingSource = options.encoding != nil ? "given by the user" : sniff.hadByteOrderMark ? "byte-order mark" : encoding == nil ? "only ASCII so far" : "sniffed from the first 64 KiB"
        var reader = opened.reader
        var decoder = FieldDecoder(encoding: encoding)
        var pending: [Pending] = []

        // Read up to three records to recognize the dialect; the ones that turn out to be data are replayed.
        var headerRows: [[String]] = []
        var headerQuoted = false
        while pending.count < 3, let event = try reader.next() {
            switch event {
            case .record:
                if reader.record.isBlankLine && pending.isEmpty { continue }
                decoder.settle(with: reader.record.bytes)
                let record = reader.record
                pending.append(.record(record, raw: reader.rawRecord))
                if headerRows.isEmpty { headerQuoted = record.quotedFieldCount == record.count }
                headerRows.append((0..<record.count).map { record.withField($0) { decoder.string($0) ?? Windows1252.decode($0) } })
            case .malformed(let malformed):
                pending.append(.malformed(malformed))
            }
        }
        let detection = DialectDetector(vocabulary: vocabulary).detect(
            rows: headerRows, hadByteOrderMark: sniff.hadByteOrderMark, delimiter: delimiter, allHeaderFieldsQuoted: headerQuoted)
        if let first = headerRows.first, options.overrides.columns.isEmpty,
           let dated = first.first(where: { $0.count >= 10 && TimestampParser(order: .mdy).parse($0) != nil }) {
            throw VocError(.invalidInput, "no header row: the first line is already a response (it holds the date '\(dated)'); "
                           + "add a header row with the questions, or name the columns with --mapping", at: SourcePosition(file: file, line: 1))
        }
        var headersToDrop = min(detection.dialect.headerRowCount, headerRows.count)
        pending.removeAll { item in
            guard headersToDrop > 0, case .record = item else { return false }
            headersToDrop -= 1
            return true
        }

        // Read ahead up to `profileRecords` data records (or 8 MiB) and profile their values: the mapping needs
        // answers that fit a role as well as a header. They are replayed like the header candidates.
        var bufferedBytes = pending.reduce(0) { total, item in if case .record(_, let raw) = item { total + raw.count } else { total } }
        while pending.count < Self.profileRecords, bufferedBytes < 8 << 20, let event = try reader.next() {
            switch event {
            case .record:
                decoder.settle(with: reader.record.bytes)
                bufferedBytes += reader.rawRecord.count
                pending.append(.record(reader.record, raw: reader.rawRecord))
            case .malformed(let malformed):
                pending.append(.malformed(malformed))
            }
        }
        /// One column's text in every buffered record (empty where a record is short).
        func texts(_ column: Int) -> [String] {
            pending.compactMap { item in
                guard case .record(let record, _) = item, !record.isBlankLine else { return nil }
                return column < record.count ? record.withField(column) { decoder.string($0) ?? Windows1252.decode($0) } : ""
            }
        }
        let profiles = detection.columns.indices.map { column in
            texts(column).reduce(into: ColumnProfile()) { profile, text in profile.add(text) { vocabulary.notApplicable.contains($0) } }
        }
        var mapping = try ColumnMapper(vocabulary: vocabulary).map(detection.columns, overrides: options.overrides, file: file, profiles: profiles)
        let scales = try SurveyScales.resolve(overrides: options.overrides, mapping: mapping, columns: detection.columns, vocabulary: vocabulary)
        if let categories = mapping.npsCategoryColumn, let scores = mapping.column(for: .nps) {
            mapping.npsCrossCheck = NPSBand.agreement(scores: texts(scores), categories: texts(categories),
                                                      labels: vocabulary.ratingLabels.values(of: .npsCategory))
        }
        let dates = mapping.column(for: .timestamp).map(texts) ?? []
        let dateOrder: DateOrder
        let dateOrderSource: String
        if let given = options.overrides.dateOrder {
            (dateOrder, dateOrderSource) = (given, "given by the user")
        } else if let (proven, example) = DateOrder.proven(by: dates) {
            (dateOrder, dateOrderSource) = (proven, "the dates show it: '\(example)'")
        } else if let implied = detection.dateOrder {
            (dateOrder, dateOrderSource) = (implied, "implied by the \(detection.dialect.rawValue) dialect")
        } else if let language = mapping.headerLanguage, let order = vocabulary.dateOrders[language] {
            (dateOrder, dateOrderSource) = (order, "headers are in \(language)")
        } else {
            (dateOrder, dateOrderSource) = (.mdy, "default")
        }
        self.reader = reader
        self.decoder = decoder
        self.pending = pending
        // Qualtrics states the zone of its dates in the ImportId row (`"timeZone":"America/New_York"`).
        let zone = mapping.column(for: .timestamp).flatMap { column in
            detection.dialect == .qualtrics && headerRows.count > 2 && column < headerRows[2].count ? Self.qualtricsZone(headerRows[2][column]) : nil
        }
        mapper = SurveyRowMapper(columns: detection.columns, mapping: mapping, scales: scales, vocabulary: vocabulary, dateOrder: dateOrder,
                                 zone: zone)
        inspection = SurveyInspection(
            file: file, dialect: detection.dialect, dialectExplanation: detection.explanation, delimiter: delimiter,
            encoding: decoder.encoding, encodingSource: encodingSource, hadByteOrderMark: sniff.hadByteOrderMark,
            headerRowCount: detection.dialect.headerRowCount, columns: detection.columns.map(\.name), mapping: mapping,
            scales: scales, dateOrder: dateOrder, dateOrderSource: dateOrderSource, timeZone: zone?.identifier)
    }

    /// `America/New_York` from `{"ImportId":"startDate","timeZone":"America/New_York"}`, as a time zone.
    static func qualtricsZone(_ cell: String) -> TimeZone? {
        guard let range = cell.range(of: "\"timeZone\":\"") else { return nil }
        return TimeZone(identifier: String(cell[range.upperBound...].prefix { $0 != "\"" }))
    }

    /// The next event, or nil at the end of the file. Each call accounts for exactly one record read.
    public mutating func next() throws(VocError) -> IngestEvent? {
        let event: IngestEvent
        if !pending.isEmpty {
            switch pending.removeFirst() {
            case .record(let record, let raw): event = process(record, raw: raw)
            case .malformed(let malformed): event = quarantine(malformed)
            }
        } else {
            switch try reader.next() {
            case nil: return nil
            case .record?: event = process(reader.record, raw: nil)
            case .malformed(let malformed)?: event = quarantine(malformed)
            }
        }
        counts.count(event)
        return event
    }

    /// - Parameter raw: the record's raw bytes when already copied; otherwise they are read from the reader.
    private mutating func process(_ record: CSVRecord, raw: [UInt8]?) -> IngestEvent {
        recordOrdinal += 1
        let position = SourcePosition(file: file, line: record.line, byte: record.byteOffset, record: recordOrdinal)
        if record.isBlankLine { return .skipped(.blankLine, position) }
        if record.isAllEmpty { return .skipped(.emptyRow, position) }
        if decoder.encoding == nil {
            decoder.settle(with: record.bytes)
            inspection.encoding = decoder.encoding
            if decoder.encoding != nil { inspection.encodingSource = "settled at line \(record.line), the first non-ASCII record" }
        }
        switch mapper.map(record, decoder: decoder, position: position) {
        case .success(let feedback):
            return .accepted(feedback)
        case .failure(let rejection):
            var position = position
            position.field = rejection.field
            return .quarantined(QuarantinedRecord(reason: rejection.reason, position: position, detail: rejection.detail, raw: raw ?? reader.rawRecord))
        }
    }

    private mutating func quarantine(_ malformed: CSVReader.Malformed) -> IngestEvent {
        recordOrdinal += 1
        let position = SourcePosition(file: file, line: malformed.line, byte: malformed.byteOffset, record: recordOrdinal)
        let detail = malformed.reason == .recordTooLarge
            ? "record is over \(reader.maximumRecordBytes) bytes; its first line is kept\(malformed.isTruncated ? " (truncated to \(malformed.raw.count) bytes)" : "") and reading resumes on the next line"
            : "the quote opened on this line is never closed; this line is kept and reading resumes on the next line"
        return .quarantined(QuarantinedRecord(reason: malformed.reason, position: position, detail: detail, raw: malformed.raw, isTruncated: malformed.isTruncated))
    }
}
