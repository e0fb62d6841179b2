/// Writes RFC 4180 CSV that is safe to open in a spreadsheet.
///
/// A cell starting with `=`, `+`, `-`, `@`, TAB or CR is prefixed with `'` so spreadsheets show it as text
/// instead of running it as a formula (OWASP "CSV injection"); plain numbers such as `-12.5` are left as they are.
/// With `excel`, the output starts with a UTF-8 byte-order mark and uses `;`, as Spanish and Portuguese Excel expects.
public struct CSVWriter: Sendable {
    public let delimiter: Character
    public let excel: Bool

    public init(excel: Bool = false) {
        self.excel = excel
        self.delimiter = excel ? ";" : ","
    }

    /// The byte-order mark to write once before the first row, if any.
    public var preamble: String { excel ? "\u{FEFF}" : "" }

    public func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: String(delimiter)) + "\r\n"
    }

    /// On the UTF-8 bytes (every byte looked at is ASCII): a `Character` walk per cell was a third of
    /// `voc export records --format csv` (perf), and missed a CRLF (one `Character`) or a quote carrying a combining
    /// accent, which left such cells unquoted.
    public func cell(_ value: String) -> String {
        let utf8 = value.utf8
        let delimiter = self.delimiter.asciiValue ?? UInt8(ascii: ",")
        let mayRunAsFormula = utf8.first.map(Self.formulaStarts.contains) ?? false
        let text = mayRunAsFormula && Double(value) == nil ? "'" + value : value
        guard utf8.contains(where: { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return text
        }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }

    /// `=`, `+`, `-`, `@`, TAB and CR: a cell starting with one may run as a spreadsheet formula.
    private static let formulaStarts: [UInt8] = Array("=+-@\t\r".utf8)
}
