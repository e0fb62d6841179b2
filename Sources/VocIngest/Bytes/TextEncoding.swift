/// The character encodings voc reads. ISO-8859-1 is read as Windows-1252, as browsers and mail clients do:
/// real "Latin-1" exports carry CP1252 punctuation (curly quotes, €) in 0x80-0x9F.
public enum TextEncoding: String, Sendable, Hashable, Codable, CustomStringConvertible {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"

    /// Parses a user- or header-given label (`latin1`, `ISO-8859-1`, `cp1252`, `utf8`, ...).
    public init?(label: String) {
        switch label.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso-8859-15", "latin-9", "us-ascii", "ascii":
            self = .windows1252
        case "utf-16le", "utf16le": self = .utf16LittleEndian
        case "utf-16be", "utf16be", "utf-16", "utf16": self = .utf16BigEndian
        default: return nil
        }
    }

    public var description: String { rawValue }
}

/// What the sniffer found at the start of a byte stream.
struct EncodingSniff: Equatable {
    /// `nil` while only ASCII has been seen: decided later, at the first non-ASCII record.
    var encoding: TextEncoding?
    var byteOrderMarkLength: Int
    var hadByteOrderMark: Bool { byteOrderMarkLength > 0 }

    /// Decides from a byte-order mark, UTF-16 NUL patterns, or UTF-8 validity of the sample.
    static func sniff(_ sample: [UInt8]) -> EncodingSniff {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return EncodingSniff(encoding: .utf8, byteOrderMarkLength: 3) }
        if sample.starts(with: [0xFF, 0xFE]) { return EncodingSniff(encoding: .utf16LittleEndian, byteOrderMarkLength: 2) }
        if sample.starts(with: [0xFE, 0xFF]) { return EncodingSniff(encoding: .utf16BigEndian, byteOrderMarkLength: 2) }
        if let utf16 = utf16WithoutMark(sample) { return EncodingSniff(encoding: utf16, byteOrderMarkLength: 0) }
        guard sample.contains(where: { $0 >= 0x80 }) else { return EncodingSniff(encoding: nil, byteOrderMarkLength: 0) }
        return EncodingSniff(encoding: looksLikeUTF8(sample) ? .utf8 : .windows1252, byteOrderMarkLength: 0)
    }

    /// Text of mostly ASCII in UTF-16 has a NUL in every other byte.
    private static func utf16WithoutMark(_ sample: [UInt8]) -> TextEncoding? {
        let pairs = min(sample.count / 2, 512)
        guard pairs >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for index in 0..<pairs {
            if sample[2 * index] == 0 { evenZeros += 1 }
            if sample[2 * index + 1] == 0 { oddZeros += 1 }
        }
        if oddZeros * 10 >= pairs * 8 && evenZeros * 10 < pairs { return .utf16LittleEndian }
        if evenZeros * 10 >= pairs * 8 && oddZeros * 10 < pairs { return .utf16BigEndian }
        return nil
    }
}

/// Whether non-ASCII bytes look like UTF-8: valid multi-byte sequences at least match invalid bytes (ties go to
/// UTF-8, the default of every modern export tool).
/// A UTF-8 export with one corrupt sequence stays UTF-8 (that record is quarantined) instead of
/// turning every accent into mojibake; Windows-1252 text almost never forms valid UTF-8 sequences.
func looksLikeUTF8(_ bytes: [UInt8]) -> Bool {
    var valid = 0
    var invalid = 0
    var index = 0
    while index < bytes.count {
        let lead = bytes[index]
        if lead < 0x80 {
            index += 1
            continue
        }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
        if length > 0, index + length <= bytes.count, bytes[index..<(index + length)].withUnsafeBufferPointer(UTF8Validation.isValid) {
            valid += 1
            index += length
        } else {
            // A sequence cut by the end of a sample is not evidence either way.
            if length > 0 && index + length > bytes.count { break }
            invalid += 1
            index += 1
        }
    }
    return valid > 0 && valid >= invalid
}
