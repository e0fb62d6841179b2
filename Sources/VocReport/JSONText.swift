/// JSON written by hand, for output written line by line at volume: the same bytes as `JSONOutput.encode(_, pretty:
/// false)` (string escapes, number forms, no spaces), provided the caller writes keys in sorted order, as that encoder
/// does. Commas are placed by the writer.
///
/// `JSONEncoder` took 4.4 of the 4.8 s `voc sentiment - --format ndjson` spent on 100,000 comments (one core,
/// BENCHMARKS.md); the tests compare this writer's bytes with the encoder's.
public struct JSONText: Sendable {
    /// Bytes, not a `String`, which appending string slices to would re-validate and grow.
    private var bytes: [UInt8] = []
    /// Whether the next value or key follows another in the same object or array, and so needs a comma.
    private var needsComma = false

    public init() { bytes.reserveCapacity(512) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// An object's key, a literal that needs no escapes (`"language_confidence"`); its value is written next.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    /// A string with JSON's escapes: `"`, `\`, and control characters (`\n`, `\t`, `\u0001`); `/` and all other
    /// characters as they are.
    public mutating func string(_ value: String) {
        separate()
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

    /// A key and its string value; nothing when the value is nil, as the encoder leaves absent optionals out.
    public mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// A key and its number, boolean or list of strings.
    public mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        number(value)
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    public mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        strings(values)
    }

    /// A key and its value, or `null` when there is none: for records whose every key is always present.
    public mutating func field(_ name: StaticString, orNull value: String?) { nullable(name, value) { $0.string($1) } }
    public mutating func field(_ name: StaticString, orNull value: Int?) { nullable(name, value) { $0.number($1) } }
    public mutating func field(_ name: StaticString, orNull value: Double?) { nullable(name, value) { $0.number($1) } }
    public mutating func field(_ name: StaticString, orNull value: Bool?) { nullable(name, value) { $0.bool($1) } }
    public mutating func field(_ name: StaticString, orNull values: [String]?) { nullable(name, values) { $0.strings($1) } }

    private mutating func nullable<T>(_ name: StaticString, _ value: T?, _ write: (inout JSONText, T) -> Void) {
        key(name)
        if let value { write(&self, value) } else { null() }
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// A number as Swift prints it, without a trailing `.0` (`0`, `-1.8`, `2.5e-17`); `null` when not finite.
    public mutating func number(_ value: Double) {
        separate()
        bytes.append(contentsOf: Self.numberText(value).utf8)
    }

    /// The text `number(_:)` writes.
    public static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let printed = value.description
        return printed.hasSuffix(".0") && printed.count > 2 ? String(printed.dropLast(2)) : printed
    }

    public mutating func number(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// `["a","b"]`.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// A comma when this value or key follows another.
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
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
