/// A plain-text table with a header row, right-aligned numeric columns and a width budget:
/// when the table is wider than the terminal, the widest shrinkable column is cut with `…`.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var alignRight: Bool
        /// Whether this column may be cut to fit (names and comments, never numbers).
        public var shrinkable: Bool

        public init(_ title: String, alignRight: Bool = false, shrinkable: Bool = false) {
            self.title = title
            self.alignRight = alignRight
            self.shrinkable = shrinkable
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(columns: [Column]) { self.columns = columns }

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// The table as lines joined by newlines; `maxWidth` nil means no limit (output to a pipe or file).
    public func render(maxWidth: Int? = nil) -> String {
        var widths = columns.indices.map { index in
            rows.reduce(columns[index].title.count) { max($0, $1[index].count) }
        }
        if let maxWidth {
            let separators = 2 * (columns.count - 1)
            while widths.reduce(separators, +) > maxWidth,
                  let widest = columns.indices.filter({ columns[$0].shrinkable && widths[$0] > 8 }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let text = cell.count > widths[index] ? String(cell.prefix(widths[index] - 1)) + "…" : cell
                let padding = String(repeating: " ", count: widths[index] - text.count)
                if index == cells.count - 1 && !columns[index].alignRight { return text }
                return columns[index].alignRight ? padding + text : text + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(columns.map(\.title))] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}
