import VocCore

/// Splits an mbox (mboxo, mboxrd, with or without Content-Length) into messages while streaming, or reads a single
/// `.eml` as one message. Memory is one read chunk plus at most `maximumMessageBytes`: a larger message is returned
/// truncated (and quarantined by the caller) and the reader skips to the next `From ` line.
struct MboxReader {
    struct Message {
        var bytes: [UInt8]
        var line: Int
        var byteOffset: Int
        var isTruncated: Bool
    }

    private var source: any ByteSource
    private let isSingleMessage: Bool
    private let maximumMessageBytes: Int
    private var buffer: [UInt8] = []
    /// Where reads land before the bytes read are appended to `buffer` (zero-filling 1 MiB of `buffer` per read
    /// instead cost more than the read for small inputs).
    private var readArea = [UInt8](repeating: 0, count: Self.chunk)
    private var start = 0
    private var endOfInput = false
    private var line = 1
    private var offset = 0
    private static let chunk = 1 << 20
    private static let separator = Array("\nFrom ".utf8)

    init(source: any ByteSource, isSingleMessage: Bool, maximumMessageBytes: Int) {
        self.source = source
        self.isSingleMessage = isSingleMessage
        self.maximumMessageBytes = maximumMessageBytes
    }

    mutating func next() throws(VocError) -> Message? {
        var truncated = false
        var kept: [UInt8]?
        var searchFrom = start + 1
        while true {
            if !isSingleMessage, let boundary = findSeparator(from: searchFrom) {
                return take(upTo: boundary + 1, kept: kept, truncated: truncated)
            }
            if endOfInput {
                guard start < buffer.count || kept != nil else { return nil }
                return take(upTo: buffer.count, kept: kept, truncated: truncated)
            }
            // Resume the search where it stopped, relative to `start`: refill moves the bytes to the front.
            var scanned = max(1, buffer.count - start - Self.separator.count)
            if buffer.count - start > maximumMessageBytes {
                // Keep the start of the oversized message, drop the rest of it while streaming.
                if kept == nil { kept = Array(buffer[start..<(start + min(64 * 1024, buffer.count - start))]) }
                truncated = true
                let dropped = buffer.count - start - Self.separator.count
                countLines(buffer[start..<(start + dropped)])
                offset += dropped
                start += dropped
                scanned = 0
            }
            try refill()
            searchFrom = start + scanned
        }
    }

    /// Ends the current message at `end`; a message over the limit keeps only its first 64 KiB.
    private mutating func take(upTo end: Int, kept: [UInt8]?, truncated: Bool) -> Message {
        let isTruncated = truncated || end - start > maximumMessageBytes
        let bytes = kept ?? Array(buffer[start..<(isTruncated ? min(end, start + 64 * 1024) : end)])
        let message = Message(bytes: bytes, line: line, byteOffset: offset, isTruncated: isTruncated)
        countLines(buffer[start..<end])
        offset += end - start
        start = end
        return message
    }

    private mutating func countLines(_ bytes: ArraySlice<UInt8>) {
        line += bytes.withUnsafeBufferPointer(Self.lineFeeds)
    }

    /// The number of line feeds, eight bytes at a time (the compiler does not vectorize a byte loop, and this runs on
    /// the thread that splits the mbox).
    static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0
        var index = 0
        while index + 8 <= bytes.count {
            // Bytes equal to LF become zero; a zero byte is one whose low seven bits do not carry into its high bit
            // and whose high bit is clear.
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            let zeros = ~(((word & lows) &+ lows) | word | lows)
            count += zeros.nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == 0x0A { count += 1 }
            index += 1
        }
        return count
    }

    /// The offset of the next "\nFrom " at or after `position`.
    private func findSeparator(from position: Int) -> Int? {
        buffer.withUnsafeBufferPointer { $0.firstOffset(of: Self.separator, from: max(position, 0)) }
    }

    private mutating func refill() throws(VocError) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var source = self.source
        let read = try readArea.withUnsafeMutableBytes { bytes in
            Result { () throws(VocError) in try source.read(into: bytes) }
        }.get()
        self.source = source
        buffer.append(contentsOf: readArea[..<read])
        if read == 0 { endOfInput = true }
    }
}
