/// The quarantine table, one case per column in the order both stores declare it.
public enum QuarantineColumn: Int, StoreColumn {
    case key, runID, sourceFile, line, byte, record, field, reason, detail, raw, truncated

    public var definition: (name: String, type: StoreValueType) {
        switch self {
        case .key: ("key", .text)
        case .runID: ("run_id", .integer)
        case .sourceFile: ("source_file", .text)
        case .line: ("line", .integer)
        case .byte: ("byte", .integer)
        case .record: ("record", .integer)
        case .field: ("field", .text)
        case .reason: ("reason", .text)
        case .detail: ("detail", .text)
        case .raw: ("raw", .bytes)
        case .truncated: ("truncated", .boolean)
        }
    }
}
