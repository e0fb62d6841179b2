import VocCore

/// Streams CSV records from a byte source with a fixed memory ceiling.
///
/// Memory is one read chunk plus at most `maximumRecordBytes`: a record that grows past the limit, or a
/// quote that is never closed, is reported as a `Malformed` event holding the record's first physical line,
/// and reading resumes on the next line, so one bad byte cannot swallow the rest of a file.
struct CSVReader {
    /// A record the scanner could not complete.
    struct Malformed {
        var reason: QuarantineReason
        var line: Int
        var byteOffset: Int
        var raw: [UInt8]
        var isTruncated: Bool
    }

    enum Event {
        /// The record is available in `reader.record` until the next call.
        case record
        case malformed(Malformed)
    }

    static let defaultChunkSize = 1 << 20
    /// Bytes of an oversized line kept in the quarantine.
    static let quarantinedPrefixLimit = 64 * 1024

    let scanner: CSVScanner
    let maximumRecordBytes: Int
    private(set) var record = CSVRecord()
    private var source: any ByteSource
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var endOfInput = false
    private let chunkSize: Int
    private var line = 1
    private var streamOffset: Int
    private var lastRecordRange = 0..<0

    init(source: any ByteSource, delimiter: UInt8, maximumRecordBytes: Int, chunkSize: Int = CSVReader.defaultChunkSize, initialOffset: Int = 0) {
        self.source = source
        self.scanner = CSVScanner(delimiter: delimiter)
        self.maximumRecordBytes = maximumRecordBytes
        self.chunkSize = chunkSize
        self.streamOffset = initialOffset
        self.buffer = [UInt8](repeating: 0, count: chunkSize + maximumRecordBytes)
    }

    /// The raw bytes of the record last returned, exactly as they stood in the input.
    var rawRecord: [UInt8] { Array(buffer[lastRecordRange]) }

    /// The next record, or `nil` at the end of input.
    mutating func next() throws(VocError) -> Event? {
        while true {
            if start == end {
                if endOfInput { return nil }
                try refill()
                continue
            }
            let outcome = buffer.withUnsafeBufferPointer { bytes in
                scanner.scan(UnsafeBufferPointer(rebasing: bytes[start..<end]), isFinal: endOfInput, into: &record)
            }
            switch outcome {
            case .record(let length, let lineBreaks):
                record.line = line
                record.byteOffset = streamOffset
                lastRecordRange = start..<(start + length)
                advance(by: length, lineBreaks: lineBreaks)
                return .record
            case .incomplete:
                if end - start >= maximumRecordBytes {
                    return .malformed(try takeFirstLine(reason: .recordTooLarge))
                }
                try refill()
            case .unterminatedQuote:
                return .malformed(try takeFirstLine(reason: .unterminatedQuote))
            }
        }
    }

    private mutating func advance(by length: Int, lineBreaks: Int) {
        start += length
        streamOffset += length
        line += lineBreaks
    }

    /// Moves the unread bytes to the front and reads one more chunk.
    private mutating func refill() throws(VocError) {
        if start > 0 {
            buffer.withUnsafeMutableBytes { bytes in
                let base = bytes.baseAddress!
                base.copyMemory(from: base + start, byteCount: end - start)
            }
            end -= start
            start = 0
        }
        let room = buffer.count - end
        guard room > 0 else { return }
        let window = end..<min(end + chunkSize, buffer.count)
        let read = try buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(VocError) in try source.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[window])) }
        }.get()
        if read == 0 { endOfInput = true } else { end += read }
    }

    /// Quarantines the first physical line of the pending record and resumes after it.
    /// A line longer than the buffer is kept truncated and the rest of it is skipped while streaming.
    private mutating func takeFirstLine(reason: QuarantineReason) throws(VocError) -> Malformed {
        let firstLine = line
        let firstOffset = streamOffset
        if let lineEnd = lineEnd(from: start) {
            let raw = Array(buffer[start..<lineEnd])
            advance(by: lineEnd - start, lineBreaks: 1)
            return Malformed(reason: reason, line: firstLine, byteOffset: firstOffset, raw: raw, isTruncated: false)
        }
        if endOfInput {
            let raw = Array(buffer[start..<end])
            advance(by: end - start, lineBreaks: 0)
            return Malformed(reason: reason, line: firstLine, byteOffset: firstOffset, raw: raw, isTruncated: false)
        }
        let raw = Array(buffer[start..<min(end, start + Self.quarantinedPrefixLimit)])
        while true {
            if let lineEnd = lineEnd(from: start) {
                advance(by: lineEnd - start, lineBreaks: 1)
                break
            }
            advance(by: end - start, lineBreaks: 0)
            if endOfInput { break }
            try refill()
            if start == end && endOfInput { break }
        }
        return Malformed(reason: reason, line: firstLine, byteOffset: firstOffset, raw: raw, isTruncated: true)
    }

    /// The end (after the terminator) of the first line break at or after `offset`.
    private func lineEnd(from offset: Int) -> Int? {
        var index = offset
        while index < end {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\n") { return index + 1 }
            if byte == UInt8(ascii: "\r") {
                if index + 1 < end { return buffer[index + 1] == UInt8(ascii: "\n") ? index + 2 : index + 1 }
                if endOfInput { return index + 1 }
                return nil
            }
            index += 1
        }
        return nil
    }
}
