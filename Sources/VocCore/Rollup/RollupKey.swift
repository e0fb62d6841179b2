/// The rollup group a record's counts go to: its stored account key and its respondent's e-mail domain.
///
/// Account keys and domains are kept as stored, not resolved through the account directory, so a new CRM import
/// regroups the rollups without rebuilding them (`AccountDirectoryView` folds them into accounts when read).
public struct RollupKey: Hashable, Sendable, Comparable {
    public var accountID: String?
    /// The respondent's e-mail domain, by the rule of the stores' SQL (`SQLDialect.domain`).
    public var domain: String?

    /// An empty account key or domain is none (the stores keep none as '').
    public init(accountID: String?, domain: String?) {
        self.accountID = accountID?.isEmpty == false ? accountID : nil
        self.domain = domain?.isEmpty == false ? domain : nil
    }

    /// The key of a record with this account key and respondent address.
    public init(accountID: String?, respondentEmail: String?) {
        self.init(accountID: accountID, domain: respondentEmail.flatMap(Self.domain(ofEmail:)))
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
        (lhs.accountID ?? "", lhs.domain ?? "") < (rhs.accountID ?? "", rhs.domain ?? "")
    }
}
