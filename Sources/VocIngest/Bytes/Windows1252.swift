/// Windows-1252 decoding. Bytes 0x80-0x9F map to the CP1252 punctuation; the five undefined ones
/// map to the C1 controls of the same value, as the WHATWG Encoding Standard specifies.
enum Windows1252 {
    private static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(high[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }

    /// The byte that decodes to `scalar`, or nil when Windows-1252 has none.
    static func byte(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value < 0x80 || (scalar.value >= 0xA0 && scalar.value <= 0xFF) { return UInt8(scalar.value) }
        return high.firstIndex(of: UInt16(truncatingIfNeeded: scalar.value)).flatMap { scalar.value <= 0xFFFF ? UInt8(0x80 + $0) : nil }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text = String()
        text.reserveCapacity(bytes.count + bytes.count / 4)
        text.unicodeScalars.append(contentsOf: bytes.lazy.map(scalar))
        return text
    }
}
