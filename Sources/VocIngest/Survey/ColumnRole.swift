/// What a survey column means to voc. The raw value is the name used in lexicon files, mapping files and flags.
public enum ColumnRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case responseID = "response-id"
    case accountID = "account-id"
    case accountName = "account-name"
    case email
    case timestamp
    case language
    case nps
    /// A yes/no "would you recommend us?" question: its own measure (would recommend %), never NPS.
    case recommend
    case csat
    case ces
    case comment

    /// Score questions: offered by their header, taken only when their answers fit the scale (`ScoreEvidence`).
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

extension DateOrder {
    /// The order that slash dates prove: a first number over 12 is a day (`13/03/2024` is day first), a second one
    /// over 12 is too (`3/13/2024` is month first). Nil when no date settles it, or dates contradict each other.
    /// Returns an example that proves it.
    static func proven(by dates: [String]) -> (DateOrder, String)? {
        var dayFirst: String?, monthFirst: String?
        for date in dates {
            let numbers = date.split { !$0.isNumber }.prefix(3)
            guard numbers.count == 3, numbers[numbers.startIndex].count <= 2, date.contains("/") || date.contains("."),
                  let first = Int(numbers[numbers.startIndex]), let second = Int(numbers[numbers.startIndex + 1]) else { continue }
            // Only a date that is valid in the order it proves counts (`31/02/2024` proves nothing).
            if first > 12, second <= 12, TimestampParser(order: .dmy).parse(date) != nil { dayFirst = dayFirst ?? date.trimmingSpaces }
            if second > 12, first <= 12, TimestampParser(order: .mdy).parse(date) != nil { monthFirst = monthFirst ?? date.trimmingSpaces }
        }
        switch (dayFirst, monthFirst) {
        case (let example?, nil): return (.dmy, example)
        case (nil, let example?): return (.mdy, example)
        default: return nil
        }
    }
}
