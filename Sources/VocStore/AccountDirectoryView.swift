public import Foundation
public import VocCore

/// A store seen through its account directory: tallies and records grouped by directory account
/// (matched by id, else by e-mail domain), with feedback the directory does not know kept under its own key.
public struct AccountDirectoryView: Sendable {
    public let store: any FeedbackStore
    public let accounts: [String: DirectoryAccount]
    public let resolver: AccountResolver

    public init(store: any FeedbackStore) async throws(VocError) {
        self.store = store
        let directory = try await store.directory()
        accounts = Dictionary(directory.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        resolver = AccountResolver(directory)
    }

    /// One tally per account, ordered by account id (feedback without any account last). Directory accounts
    /// without feedback are not listed; names come from the directory when it has them.
    public func tallies() async throws(VocError) -> [AccountTally] {
        Self.ordered(merged(try await store.partialTallies()))
    }

    /// The tally of one account (nil: the feedback matched to no account), as `tallies()` has it, read from the
    /// records that can be its own only; nil when it has none.
    public func tally(of account: String?) async throws(VocError) -> AccountTally? {
        let domains = account.flatMap { accounts[$0]?.domains } ?? []
        return merged(try await store.partialTallies(accountID: account, domains: domains))[account]
    }

    /// One tally per account, as `tallies()` has them, of the records submitted within `window` only: summed from the
    /// records (the rollups are all-time), in memory that grows with the groups, not the records.
    public func tallies(within window: DateInterval) async throws(VocError) -> [AccountTally] {
        let batch = try await store.rollupsFromRecords(within: window)
        return Self.ordered(merged(batch.groups.map { PartialTally(domain: $0.key.domain, tally: $0.value.tally(accountID: $0.key.accountID)) }))
    }

    /// Tallies by account id, feedback without any account last.
    private static func ordered(_ tallies: [String?: AccountTally]) -> [AccountTally] {
        tallies.values.sorted { ($0.accountID == nil ? 1 : 0, $0.accountID ?? "") < ($1.accountID == nil ? 1 : 0, $1.accountID ?? "") }
    }

    /// The partial tallies folded by the directory account their records resolve to.
    private func merged(_ partials: [PartialTally]) -> [String?: AccountTally] {
        var merged: [String?: AccountTally] = [:]
        for partial in partials {
            let account = resolver.resolve(accountID: partial.tally.accountID, email: partial.domain.map { "@" + $0 }).account
            var tally = partial.tally
            tally.accountID = account
            if let known = account.flatMap({ accounts[$0]?.name }) { tally.accountName = known }
            if merged[account] == nil { merged[account] = tally } else { merged[account]!.merge(tally) }
        }
        return merged
    }

    /// Whether the directory knows `account`.
    public func contains(_ account: String?) -> Bool { account.map { accounts[$0] != nil } ?? false }

    /// An account's records, newest first.
    public func feedback(account: String?, limit: Int) async throws(VocError) -> [StoredFeedback] {
        let domains = account.flatMap { accounts[$0]?.domains } ?? []
        let candidates = try await store.feedback(accountID: account, domains: domains, limit: resolver.isEmpty ? limit : Int.max)
        let matching = candidates.filter { resolver.resolve(accountID: $0.accountID, email: $0.respondentEmail).account == account }
        return Array(matching.prefix(limit))
    }

    /// The answers to each open question (of surveys with several) of one account (nil: those matched to no account),
    /// or of every record when `account` is `.none`.
    public func questions(of account: String??) async throws(VocError) -> [QuestionTally] {
        guard let account else { return try await store.questionTallies() }
        let domains = account.flatMap { accounts[$0]?.domains } ?? []
        let answers = try await store.openAnswers(accountID: account, domains: domains)
        return QuestionTally.tallies(of: answers.filter { resolver.resolve(accountID: $0.accountID, email: $0.respondentEmail).account == account })
    }

    /// The ratings of each aspect of rating matrices of one account (nil: those matched to no account), or of every
    /// record when `account` is `.none`.
    public func aspects(of account: String??) async throws(VocError) -> [AspectTally] {
        guard let account else { return try await store.aspectTallies() }
        let domains = account.flatMap { accounts[$0]?.domains } ?? []
        let ratings = try await store.aspectRatings(accountID: account, domains: domains)
        return AspectTally.tallies(of: ratings.filter { resolver.resolve(accountID: $0.accountID, email: $0.respondentEmail).account == account })
    }

    /// Hands every rollup group (see `FeedbackStore.forEachRollup`) to `body` with the directory account its records
    /// resolve to (nil: none).
    public func forEachRollup(_ body: (GroupRollup, _ account: String?) -> Void) async throws(VocError) {
        try await store.forEachRollup(days: true) { key, rollup in
            body(rollup, resolver.resolve(accountID: key.accountID, email: key.domain.map { "@" + $0 }).account)
        }
    }

    /// The signals of one account's records (nil: those matched to no account), read by index.
    public func signals(account: String?) async throws(VocError) -> [FeedbackSignal] {
        let domains = account.flatMap { accounts[$0]?.domains } ?? []
        return try await store.signals(accountID: account, domains: domains).compactMap { signal in
            var signal = signal
            signal.accountID = resolver.resolve(accountID: signal.accountID, email: signal.respondentEmail).account
            signal.respondentEmail = nil
            return signal.accountID == account ? signal : nil
        }
    }
}
