import Foundation

/// Content-Transfer-Encoding decoders: base64 (garbage and line breaks ignored) and quoted-printable
/// (soft line breaks, `=XX` escapes; malformed escapes kept as written).
enum TransferDecoding {
    /// The decoded bytes; `bytes` themselves, without a copy, for 7bit, 8bit and binary parts.
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String?) -> ArraySlice<UInt8> {
        switch encoding?.lowercasedByBytes().trimmingSpaces {
        case "base64"?:
            let cleaned = bytes.filter { $0 > 0x20 }
            var padded = cleaned
            while padded.count % 4 != 0 { padded.append(UInt8(ascii: "=")) }
            return ArraySlice(Data(base64Encoded: Data(padded), options: .ignoreUnknownCharacters).map { [UInt8]($0) } ?? cleaned)
        case "quoted-printable"?:
            return ArraySlice(quotedPrintable(Array(bytes), underscoreIsSpace: false))
        default:
            return bytes
        }
    }

    static func quotedPrintable(_ bytes: [UInt8], underscoreIsSpace: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x41 + 10
            case 0x61...0x66: byte - 0x61 + 10
            default: nil
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 2; continue }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { index += 3; continue }
                if index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            output.append(underscoreIsSpace && byte == UInt8(ascii: "_") ? 0x20 : byte)
            index += 1
        }
        return output
    }
}
