/// JSON written by hand, for output written line by line at volume: the same bytes as `JSONOutput.encode(_, pretty:
/// false)` (string escapes, number forms), provided the caller writes keys in sorted order, as that encoder does.
///
/// `JSONEncoder` took 4.4 of the 4.8 s `voc sentiment - --format ndjson` spent on 100,000 comments (one core,
/// BENCHMARKS.md); the tests compare this writer's bytes with the encoder's.
public struct JSONText: Sendable {
    /// Bytes, not a `String`: appending string slices was a third of the writer's time (perf).
    private var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(512) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Punctuation or a key written as is: `{"text":`.
    public mutating func raw(_ json: String) { bytes.append(contentsOf: json.utf8) }

    /// A string with JSON's escapes: `"`, `\`, and control characters (`\n`, `\t`, `\u0001`); `/` and all other
    /// characters as they are.
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: Self.escape(byte).utf8)
            } else {
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A number as Swift prints it, without a trailing `.0` (`0`, `-1.8`, `2.5e-17`); `null` when not finite.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        let printed = value.description.utf8
        bytes.append(contentsOf: printed.count > 2 && printed.suffix(2).elementsEqual(".0".utf8) ? printed.dropLast(2) : printed[...])
    }

    public mutating func number(_ value: Int) { raw(String(value)) }

    /// `["a","b"]`.
    public mutating func strings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        default:
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}

/// A value whose one-line JSON is written by hand (`JSONText`), byte for byte what `JSONOutput.encode(_, pretty: false)`
/// writes for it.
public protocol JSONLineConvertible: Encodable {
    var jsonLine: String { get }
}
