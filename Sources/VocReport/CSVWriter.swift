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

    public func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        if text.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
