/// What a survey column means to voc. The raw value is the name used in lexicon files, mapping files and flags.
public enum ColumnRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case responseID = "response-id"
    case accountID = "account-id"
    case accountName = "account-name"
    case email
    case timestamp
    case language
    case nps
    case csat
    case ces
    case comment

    /// Score questions: mapped from headers only, never from the look of their values.
    public var isScore: Bool { self == .nps || self == .csat || self == .ces }

    /// Comments may span several columns (e.g. "why that score?" and "anything else?"); every other role takes one.
    public var allowsSeveralColumns: Bool { self == .comment }

    public static func < (lhs: ColumnRole, rhs: ColumnRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The order in which a day, month and year appear in slash dates such as `03/04/2024`.
public enum DateOrder: String, Sendable, Hashable, Codable, CaseIterable {
    /// Month first, as in US exports: `3/4/2024` is 4 March.
    case mdy
    /// Day first, as in Spanish and Portuguese exports: `3/4/2024` is 3 April.
    case dmy
}
