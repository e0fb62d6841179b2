#if canImport(Glibc)
import Glibc
#endif
import Foundation
import VocCore

/// Decodes text in a declared charset. UTF-8, ASCII and the Latin-1 family are decoded here (ISO-8859-1 and
/// unlabelled 8-bit text as Windows-1252, as mail clients do; ISO-8859-15 with its eight differences); every other
/// charset goes through glibc `iconv`. A missing, unknown or lying charset never fails: invalid UTF-8 falls back to
/// Windows-1252, and iconv failures to lossy UTF-8.
enum CharsetDecoder {
    private static let windows1252Names: Set<String> = ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "x-cp1252", "iso8859-1", "l1"]

    private static let utf8Name = Array("utf-8".utf8)

    /// Whether a charset is decoded as Windows-1252 (ISO-8859-1 and its aliases).
    static func isWindows1252Family(_ charset: String) -> Bool { windows1252Names.contains(normalizedName(charset)) }

    /// Trimmed, ASCII letters lower-cased, `_` read as `-`: on bytes, as every header and part is decoded.
    private static func normalizedName(_ charset: String) -> String {
        String(decoding: charset.trimmingSpaces.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : $0.asciiLowercased }, as: UTF8.self)
    }

    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        bytes.withUnsafeBufferPointer { decode($0, charset: charset) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, charset: String?) -> String {
        // Header values (no charset) and UTF-8 bodies, most of what is decoded, without normalizing the name and
        // hashing it into the set.
        if charset == nil || charset!.utf8.elementsEqual(utf8Name, by: { $0.asciiLowercased == $1 }) {
            return UTF8Validation.string(bytes) ?? Windows1252.decode(bytes)
        }
        let name = charset.map(normalizedName) ?? ""
        if windows1252Names.contains(name) { return Windows1252.decode(bytes) }
        switch name {
        case "", "us-ascii", "ascii", "utf-8", "utf8", "unicode-1-1-utf-8":
            return UTF8Validation.string(bytes) ?? Windows1252.decode(bytes)
        case "iso-8859-15", "latin-9", "latin9", "iso8859-15":
            let latin9: [UInt8: Unicode.Scalar] = [0xA4: "€", 0xA6: "Š", 0xA8: "š", 0xB4: "Ž", 0xB8: "ž", 0xBC: "Œ", 0xBD: "œ", 0xBE: "Ÿ"]
            var text = String.UnicodeScalarView()
            for byte in bytes { text.append(latin9[byte] ?? Unicode.Scalar(byte)) }
            return String(text)
        default:
            if let text = iconv(bytes, from: name) { return text }
            return UTF8Validation.string(bytes) ?? Windows1252.decode(bytes)
        }
    }

    /// glibc iconv to UTF-8; nil when the charset is unknown or the bytes are invalid in it.
    private static func iconv(_ bytes: UnsafeBufferPointer<UInt8>, from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inputBuffer.baseAddress
                var inLeft = inputBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress
                var outLeft = outputBuffer.count
                let result = Glibc.iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 ? nil : outputBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return UTF8Validation.string(output[..<produced].map { UInt8(bitPattern: $0) })
    }
}
