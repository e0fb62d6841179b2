import VocCore

/// Turns a UTF-16 byte stream into UTF-8 chunk by chunk, so the CSV scanner only ever sees UTF-8.
/// Odd bytes and surrogate halves split across chunks are carried over; unpaired surrogates become U+FFFD.
struct UTF16TranscodingSource: ByteSource {
    private var base: any ByteSource
    private let bigEndian: Bool
    private var input = [UInt8](repeating: 0, count: 64 * 1024)
    private var carry: [UInt8] = []
    private var pendingHighSurrogate: UInt16?
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var finished = false

    init(base: any ByteSource, bigEndian: Bool) {
        self.base = base
        self.bigEndian = bigEndian
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(VocError) -> Int {
        while outputOffset == output.count {
            if finished { return 0 }
            try refill()
        }
        let count = min(buffer.count, output.count - outputOffset)
        output.withUnsafeBytes { bytes in
            buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + outputOffset, byteCount: count)
        }
        outputOffset += count
        return count
    }

    private mutating func refill() throws(VocError) {
        output.removeAll(keepingCapacity: true)
        outputOffset = 0
        let read = try input.withUnsafeMutableBytes { bytes in
            Result { () throws(VocError) in try base.read(into: bytes) }
        }.get()
        if read == 0 {
            finished = true
            if pendingHighSurrogate != nil || !carry.isEmpty { appendScalar(0xFFFD) }
            pendingHighSurrogate = nil
            return
        }
        var units = carry + input[0..<read]
        if units.count % 2 == 1 { carry = [units.removeLast()] } else { carry = [] }
        var index = 0
        while index < units.count {
            let unit = bigEndian ? UInt16(units[index]) << 8 | UInt16(units[index + 1]) : UInt16(units[index + 1]) << 8 | UInt16(units[index])
            index += 2
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if unit >= 0xDC00 && unit <= 0xDFFF {
                    appendScalar(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00))
                    continue
                }
                appendScalar(0xFFFD)
            }
            switch unit {
            case 0xD800...0xDBFF: pendingHighSurrogate = unit
            case 0xDC00...0xDFFF: appendScalar(0xFFFD)
            default: appendScalar(UInt32(unit))
            }
        }
    }

    private mutating func appendScalar(_ value: UInt32) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        output.append(contentsOf: UTF8.encode(scalar)!)
    }
}
