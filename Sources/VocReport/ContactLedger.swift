public import Foundation
public import VocCore
public import VocHealth
public import VocScore
public import VocStore

/// The store's e-mail contacts as of one instant, each matched to its directory account as its feedback is
/// (`AccountResolver`): what first-contact resolution is reported and scored from.
public struct ContactLedger: Sendable {
    /// Contacts per directory account (nil: matched to no account).
    public let byAccount: [String?: [FirstContact]]

    /// Reads every stored message (the team's replies included) and decides each customer thread as of `asOf`.
    public init(view: AccountDirectoryView, asOf: Date, windowDays: Double) async throws(VocError) {
        self.init(try await Self.log(of: view.store), resolver: view.resolver, asOf: asOf, windowDays: windowDays)
    }

    /// Every stored message, in the compact form threading reads.
    public static func log(of store: any FeedbackStore) async throws(VocError) -> MailLog {
        var log = MailLog()
        try await store.forEachMailMessage { log.append($0) }
        return log
    }

    /// Decides the threads of `log` as of `asOf`, each matched to an account by `resolver`.
    public init(_ log: MailLog, resolver: AccountResolver, asOf: Date, windowDays: Double) {
        var byAccount: [String?: [FirstContact]] = [:]
        for contact in FirstContactResolution(windowDays: windowDays).contacts(log, asOf: asOf) {
            byAccount[resolver.resolve(accountID: contact.accountID, email: contact.customerEmail).account, default: []].append(contact)
        }
        self.byAccount = byAccount
    }

    public var isEmpty: Bool { byAccount.isEmpty }

    /// A hash of every contact's account and outcome: it changes when a message (the team's too) changes an outcome.
    public var fingerprint: String {
        var hasher = StableHasher()
        let lines = byAccount.flatMap { account, contacts in contacts.map { "\(account ?? "-") \($0.thread) \($0.outcome.rawValue)" } }
        for line in lines.sorted() { hasher.combine(line) }
        return hasher.finalizeHex()
    }

    /// The FCR of one account's contacts (nil: those matched to no account); nil when it has none.
    public func result(of account: String?, minimumSample: Int) -> ResolutionResult? {
        byAccount[account].map { ResolutionResult($0, minimumSample: minimumSample) }
    }

    /// The FCR of every contact; nil when there is none.
    public func portfolio(minimumSample: Int) -> ResolutionResult? {
        isEmpty ? nil : ResolutionResult(byAccount.values.joined(), minimumSample: minimumSample)
    }
}

extension HealthPass {
    /// Counts every account's contacts for the first-contact-resolution measure (`add(contacts:account:)`).
    public mutating func add(_ ledger: ContactLedger) {
        for (account, contacts) in ledger.byAccount { add(contacts: contacts, account: account) }
    }
}
