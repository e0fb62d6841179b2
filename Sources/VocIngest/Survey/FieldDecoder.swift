import VocCore

/// Turns field bytes into strings in the file's encoding. While a file has shown only ASCII its encoding
/// is open; the first record with other bytes settles it (valid UTF-8, else Windows-1252).
struct FieldDecoder {
    private(set) var encoding: TextEncoding?

    init(encoding: TextEncoding?) {
        // UTF-16 input is transcoded to UTF-8 before scanning.
        switch encoding {
        case .utf16LittleEndian?, .utf16BigEndian?: self.encoding = .utf8
        default: self.encoding = encoding
        }
    }

    /// Settles an open encoding from a record's bytes.
    mutating func settle(with bytes: [UInt8]) {
        guard encoding == nil, bytes.contains(where: { $0 >= 0x80 }) else { return }
        encoding = looksLikeUTF8(bytes) ? .utf8 : .windows1252
    }

    /// The field as text, or nil when its bytes are not valid in the file's encoding.
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        switch encoding {
        case .windows1252?: Windows1252.decode(bytes)
        default: UTF8Validation.string(bytes)
        }
    }
}
