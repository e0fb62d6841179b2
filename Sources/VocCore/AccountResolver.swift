/// Matches feedback to directory accounts: by account id, else by the respondent's e-mail domain.
///
/// Feedback whose id and domain are both unknown keeps the key it was ingested with (its declared id, or its
/// company domain), so it can be reported as "not in the directory" rather than dropped.
public struct AccountResolver: Sendable {
    private let ids: Set<String>
    private let domains: [String: String]

    public init(_ accounts: [DirectoryAccount]) {
        ids = Set(accounts.map(\.id))
        var domains: [String: String] = [:]
        for account in accounts {
            for domain in account.domains where domains[domain] == nil { domains[domain] = account.id }
        }
        self.domains = domains
    }

    public var isEmpty: Bool { ids.isEmpty }

    /// The directory account of a record, and whether the directory knows it.
    public func resolve(accountID: String?, email: String?) -> (account: String?, inDirectory: Bool) {
        if let accountID, ids.contains(accountID) { return (accountID, true) }
        if !domains.isEmpty, let domain = email.flatMap(EmailDomain.of), let account = domains[domain] { return (account, true) }
        return (accountID, false)
    }
}
