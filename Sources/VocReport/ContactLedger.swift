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

    /// Reads every stored message (the team's replies included) and decides each customer thread as of `asOf`, with
    /// `model`'s window.
    public init(view: AccountDirectoryView, asOf: Date, model: HealthModel) async throws(VocError) {
        self.init(try await Self.log(of: view.store), resolver: view.resolver, asOf: asOf, model: model)
    }

    /// The contacts the health score needs: read only when some profile of `model` weighs first-contact resolution.
    public static func weighed(by model: HealthModel, view: AccountDirectoryView, asOf: Date) async throws(VocError) -> ContactLedger? {
        model.configuration.weighs(.firstContactResolution) ? try await ContactLedger(view: view, asOf: asOf, model: model) : nil
    }

    /// Every stored message, in the compact form threading reads.
    public static func log(of store: any FeedbackStore) async throws(VocError) -> MailLog {
        var log = MailLog()
        try await store.forEachMailMessage { log.append($0) }
        return log
    }

    /// Decides the threads of `log` as of `asOf` with `model`'s window, each matched to an account by `resolver`.
    public init(_ log: MailLog, resolver: AccountResolver, asOf: Date, model: HealthModel) {
        var byAccount: [String?: [FirstContact]] = [:]
        for contact in FirstContactResolution(windowDays: model.configuration.fcrWindowDays).contacts(log, asOf: asOf) {
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

extension AccountSummary {
    /// An account's summary as the account list, the dashboard and `voc account` show it: its tally, what `view`'s
    /// directory knows of it, and its first-contact resolution.
    public init(_ tally: AccountTally, minimumSample: Int, view: AccountDirectoryView, contacts: ContactLedger) {
        self.init(tally, minimumSample: minimumSample)
        attach(tally.accountID.flatMap { view.accounts[$0] }, directoryImported: !view.accounts.isEmpty)
        fcr = contacts.result(of: tally.accountID, minimumSample: minimumSample)
    }
}
