/// A plain-text table with a header row, right-aligned numeric columns and a width budget.
///
/// When the table is wider than the terminal it first drops optional columns (highest `dropOrder` first), then cuts
/// the widest shrinkable column: text loses its end, a path its beginning (`…/surveys/generic_en.csv`). Columns of
/// identifiers are never cut: a user types them into the next command.
public struct TextTable: Sendable {
    /// How a cell may be cut when the table must shrink.
    public enum Cut: Sendable {
        /// Never cut (identifiers, numbers).
        case never
        /// Keep the beginning: `Northwind Tra…`.
        case end
        /// Keep the end, where a path names its file: `…surveys/generic_en.csv`.
        case start
    }

    public struct Column: Sendable {
        public var title: String
        public var alignRight: Bool
        public var cut: Cut
        /// nil: always shown; otherwise dropped when the table does not fit, highest order first.
        public var dropOrder: Int?

        public init(_ title: String, alignRight: Bool = false, cut: Cut = .never, dropOrder: Int? = nil) {
            self.title = title
            self.alignRight = alignRight
            self.cut = cut
            self.dropOrder = dropOrder
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
        var shown = Array(columns.indices)
        var widths = columns.indices.map { index in
            rows.reduce(columns[index].title.count) { max($0, $1[index].count) }
        }
        func total() -> Int { shown.reduce(2 * (shown.count - 1)) { $0 + widths[$1] } }
        if let maxWidth {
            while total() > maxWidth,
                  let dropped = shown.filter({ columns[$0].dropOrder != nil }).max(by: { columns[$0].dropOrder! < columns[$1].dropOrder! }) {
                shown.removeAll { $0 == dropped }
            }
            while total() > maxWidth,
                  let widest = shown.filter({ columns[$0].cut != .never && widths[$0] > 8 }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
        }
        func line(_ cells: [String]) -> String {
            shown.map { index in
                let cell = cells[index], width = widths[index]
                var text = cell
                if cell.count > width {
                    text = columns[index].cut == .start ? "…" + String(cell.suffix(width - 1)) : String(cell.prefix(width - 1)) + "…"
                }
                let padding = String(repeating: " ", count: width - text.count)
                if index == shown.last && !columns[index].alignRight { return text }
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
