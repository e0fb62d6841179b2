import Foundation
public import VocCore

/// User choices that beat header detection: `--nps-column "Q5"`, `--comment-column "#7"`, or a mapping file.
///
/// A column is named by its header (any header row, case-insensitive) or by `#N` (1-based);
/// `none` tells voc the export has no such column.
public struct ColumnOverrides: Sendable, Hashable {
    public var columns: [ColumnRole: [String]] = [:]
    public var csatScale: String?
    public var cesScale: String?
    public var cesDirection: CESDirection?
    public var dateOrder: DateOrder?

    public init() {}

    /// Flags win over the file: `merged(over:)` keeps self's entries and fills the rest from `base`.
    public func merged(over base: ColumnOverrides) -> ColumnOverrides {
        var result = base
        result.columns.merge(columns) { _, mine in mine }
        result.csatScale = csatScale ?? base.csatScale
        result.cesScale = cesScale ?? base.cesScale
        result.cesDirection = cesDirection ?? base.cesDirection
        result.dateOrder = dateOrder ?? base.dateOrder
        return result
    }

    /// Reads a mapping file: one `key = value` per line, `#` comments. Keys are column roles
    /// (`nps = How likely are you to recommend us?`, `comment = #7`, repeatable for comment) and
    /// `csat-scale`, `ces-scale`, `ces-direction`, `date-order`.
    public static func load(contentsOf path: String) throws(VocError) -> ColumnOverrides {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw VocError(.fileUnreadable, "cannot read mapping file", at: SourcePosition(file: path), cause: error)
        }
        var overrides = ColumnOverrides()
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.trimmingSpaces
            if content.isEmpty || content.hasPrefix("#") { continue }
            let position = SourcePosition(file: path, line: offset + 1)
            guard let equals = content.firstIndex(of: "=") else {
                throw VocError(.invalidConfiguration, "expected 'key = value'", at: position)
            }
            let key = content[..<equals].trimmingSpaces.lowercased()
            let value = content[content.index(after: equals)...].trimmingSpaces
            guard !value.isEmpty else { throw VocError(.invalidConfiguration, "'\(key)' has no value", at: position) }
            switch key {
            case "csat-scale": overrides.csatScale = value
            case "ces-scale": overrides.cesScale = value
            case "ces-direction":
                guard let direction = CESDirection(rawValue: value) else {
                    throw VocError(.invalidConfiguration, "CES direction '\(value)' must be higher-is-easier or lower-is-easier", at: position)
                }
                overrides.cesDirection = direction
            case "date-order":
                guard let order = DateOrder(rawValue: value.lowercased()) else {
                    throw VocError(.invalidConfiguration, "date-order must be mdy or dmy", at: position)
                }
                overrides.dateOrder = order
            default:
                guard let role = ColumnRole(rawValue: key) else {
                    let keys = ColumnRole.allCases.map(\.rawValue) + ["csat-scale", "ces-scale", "ces-direction", "date-order"]
                    throw VocError(.invalidConfiguration, "unknown key '\(key)'; expected one of \(keys.joined(separator: ", "))", at: position)
                }
                if role.allowsSeveralColumns {
                    overrides.columns[role, default: []].append(value)
                } else {
                    overrides.columns[role] = [value]
                }
            }
        }
        return overrides
    }
}
