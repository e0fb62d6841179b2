/// The cell a record's counts go to: its stored account key, its respondent's e-mail domain and its UTC day.
///
/// Account keys and domains are kept as stored, not resolved through the account directory, so a new CRM import
/// regroups the cells without rebuilding them (`AccountDirectoryView` folds them into accounts when read).
public struct RollupKey: Hashable, Sendable, Comparable {
    public var accountID: String?
    /// The respondent's e-mail domain, by the rule of the stores' SQL (`SQLDialect.domain`).
    public var domain: String?
    /// Days since 1970-01-01 in UTC; nil for an undated record.
    public var day: Int?

    public init(accountID: String?, domain: String?, day: Int?) {
        self.accountID = accountID
        self.domain = domain
        self.day = day
    }

    /// The key of a record with this account key, respondent address and submission time (seconds since 1970).
    public init(accountID: String?, respondentEmail: String?, submittedAt: Double?) {
        self.init(accountID: accountID, domain: respondentEmail.flatMap(Self.domain(ofEmail:)), day: submittedAt.map(Self.day(of:)))
    }

    /// What follows the first `@`, with ASCII letters lower-cased; nil without `@`. The same rule as the stores' SQL
    /// uses to find an account's records by domain, so a cell and a record query agree on which records are whose.
    public static func domain(ofEmail email: String) -> String? {
        guard let at = email.utf8.firstIndex(of: UInt8(ascii: "@")) else { return nil }
        let domain = email[email.utf8.index(after: at)...]
        guard domain.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return String(domain) }
        return String(decoding: domain.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The UTC day of an instant given in seconds since 1970.
    public static func day(of seconds: Double) -> Int { Int((seconds / 86_400).rounded(.down)) }

    public static func < (lhs: RollupKey, rhs: RollupKey) -> Bool {
        (lhs.accountID ?? "", lhs.domain ?? "", lhs.day ?? Int.min) < (rhs.accountID ?? "", rhs.domain ?? "", rhs.day ?? Int.min)
    }
}
