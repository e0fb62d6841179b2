/// The output formats every listing command offers.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns fitted to the terminal, for people.
    case table
    /// One JSON document.
    case json
    /// One JSON object per line, each with a `type` field.
    case ndjson
    /// RFC 4180 CSV with spreadsheet-formula neutralization.
    case csv
}
