@testable import VocIngest
import VocCore
import VocTestSupport

/// A byte source that hands out its bytes in chunks of the given sizes (cycled), to test every split point.
struct ChunkedSource: ByteSource {
    let bytes: [UInt8]
    let chunkSizes: [Int]
    var offset = 0
    var call = 0

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(VocError) -> Int {
        guard offset < bytes.count else { return 0 }
        let size = min(chunkSizes[call % chunkSizes.count], buffer.count, bytes.count - offset)
        call += 1
        buffer.copyBytes(from: bytes[offset..<(offset + size)])
        offset += size
        return size
    }
}

/// What a reader produced, in a comparable form.
enum ReadItem: Equatable, CustomStringConvertible {
    case record(fields: [String], line: Int)
    case malformed(QuarantineReason, line: Int, raw: String)

    var description: String {
        switch self {
        case .record(let fields, let line): "line \(line): \(fields)"
        case .malformed(let reason, let line, let raw): "line \(line): \(reason) \(raw.debugDescription)"
        }
    }
}

func readAll(_ bytes: [UInt8], delimiter: Character = ",", chunkSizes: [Int] = [1 << 20], maximumRecordBytes: Int = 1 << 20) throws -> [ReadItem] {
    var reader = CSVReader(source: ChunkedSource(bytes: bytes, chunkSizes: chunkSizes), delimiter: delimiter.asciiValue!,
                           maximumRecordBytes: maximumRecordBytes, chunkSize: max(chunkSizes.max()!, 1))
    var items: [ReadItem] = []
    while let event = try reader.next() {
        switch event {
        case .record:
            let record = reader.record
            items.append(.record(fields: (0..<record.count).map { record.withField($0) { String(decoding: $0, as: UTF8.self) } }, line: record.line))
        case .malformed(let malformed):
            items.append(.malformed(malformed.reason, line: malformed.line, raw: String(decoding: malformed.raw, as: UTF8.self)))
        }
    }
    return items
}

/// The column vocabulary of the repository's lexicons, loaded once.
let vocabulary: ColumnVocabulary = try! ColumnVocabulary.load(from: Fixtures.lexicons)

/// Everything an ingester said about one file.
struct IngestResult {
    var inspection: SurveyInspection
    var counts: IngestCounts
    var accepted: [FeedbackRecord] = []
    var quarantined: [QuarantinedRecord] = []
    var skipped: [SkipReason] = []
}

func ingest(_ path: String, options: SurveyCSVOptions = SurveyCSVOptions()) throws -> IngestResult {
    var ingester = try SurveyCSVIngester(path: path, options: options, vocabulary: vocabulary)
    var accepted: [FeedbackRecord] = []
    var quarantined: [QuarantinedRecord] = []
    var skipped: [SkipReason] = []
    while let event = try ingester.next() {
        switch event {
        case .accepted(let record): accepted.append(record)
        case .quarantined(let record): quarantined.append(record)
        case .skipped(let reason, _): skipped.append(reason)
        case .teamMessage: break  // e-mail only
        }
    }
    return IngestResult(inspection: ingester.inspection, counts: ingester.counts, accepted: accepted, quarantined: quarantined, skipped: skipped)
}

func ingest(text: String, name: String = "input.csv", options: SurveyCSVOptions = SurveyCSVOptions()) throws -> IngestResult {
    try ingest(Fixtures.write(text, name: name), options: options)
}
