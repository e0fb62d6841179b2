public import Foundation
public import VocCore

/// What voc needs from a store, implemented by the embedded `SQLiteStore` and by the PostgreSQL store.
///
/// Asynchronous, as PostgreSQL's client is; the SQLite store answers synchronously (GRDB), which fulfils it.
///
/// Every write is idempotent: records are keyed by their source id or content hash, alerts by their stable id,
/// so re-running a command on the same data stores and emits nothing new.
public protocol FeedbackStore: Sendable {
    /// The store's path or URL (without password), for messages.
    var location: String { get }

    func startRun(command: String, at date: Date) async throws(VocError) -> Int64
    func finishRun(_ run: Int64, status: RunStatus, at date: Date) async throws(VocError)
    func logFile(_ summary: IngestFileSummary, run: Int64) async throws(VocError)
    /// The latest `limit` ingest runs, newest first.
    func ingestLog(limit: Int) async throws(VocError) -> [IngestRunLog]
    /// Stores a batch in one transaction, with the team's messages (`mail`; each kept once, for threading: a
    /// customer's message keeps its threading facts in its record); returns how many records were already stored.
    func insert(records: [FeedbackRecord], quarantined: [QuarantinedRecord], mail: [MailEnvelope], run: Int64) async throws(VocError) -> Int
    /// Hands every e-mail message's threading facts to `body`, the customers' and the team's, in no particular order
    /// (streamed: a large mailbox is never held whole).
    func forEachMailMessage(_ body: (MailEnvelope) -> Void) async throws(VocError)

    /// Hands every rollup group to `body`, in an order of the store's choosing (each group once, whole: the parts
    /// ingests added since the last compaction merged in); without `days`, the day series are left empty (not read).
    func forEachRollup(days: Bool, _ body: (RollupKey, GroupRollup) -> Void) async throws(VocError)
    /// The rollup groups stored under `accountID` (nil: none) or from a respondent at one of `domains`: every group
    /// that can belong to one account, read by index, without their day series.
    func rollups(accountID: String?, domains: [String]) async throws(VocError) -> [(key: RollupKey, rollup: GroupRollup)]
    /// The rollups of the stored records summed from the records anew: what the rollup tables must hold. With a
    /// `window`, of the records submitted within it only (undated ones left out).
    func rollupsFromRecords(within window: DateInterval?) async throws(VocError) -> RollupBatch
    /// Replaces the rollup tables' contents with the records' sums, in one transaction.
    func rebuildRollups() async throws(VocError)
    /// The signals of the records whose stored account key is `accountID` (nil: none) or whose respondent domain is
    /// one of `domains`: one account's records, read by index.
    func signals(accountID: String?, domains: [String]) async throws(VocError) -> [FeedbackSignal]
    /// Records whose stored account key is `accountID` (nil: none) or whose respondent domain is one of `domains`.
    func feedback(accountID: String?, domains: [String], limit: Int) async throws(VocError) -> [StoredFeedback]
    func feedback(keys: [String]) async throws(VocError) -> [StoredFeedback]
    /// Per open question of surveys with several (`OpenAnswer`), the tally of every record's answers, in
    /// `QuestionTally.ordered` order.
    func questionTallies() async throws(VocError) -> [QuestionTally]
    /// The open answers of the records whose stored account key is `accountID` (nil: none) or whose respondent domain
    /// is one of `domains`.
    func openAnswers(accountID: String?, domains: [String]) async throws(VocError) -> [StoredOpenAnswer]
    /// Per question, aspect and kind of rating matrices (`AspectRating`), the tally of every record's ratings, in
    /// `AspectTally.ordered` order.
    func aspectTallies() async throws(VocError) -> [AspectTally]
    /// The aspect ratings of the records whose stored account key is `accountID` (nil: none) or whose respondent
    /// domain is one of `domains`, in record and place order.
    func aspectRatings(accountID: String?, domains: [String]) async throws(VocError) -> [StoredAspectRating]
    /// The topics of the records with these keys (kept apart from the records), by key; records without topics are absent.
    func topics(keys: [String]) async throws(VocError) -> [String: [String]]
    /// Up to `limit` commented records submitted within any of `windows` (both ends included) that arrived after
    /// position `after`, in arrival order: periods' comments in pages of bounded memory.
    func comments(within windows: [DateInterval], after: Int64, limit: Int) async throws(VocError) -> [WindowComment]
    /// Up to `limit` commented records submitted within `window` (both ends included) that arrived after position
    /// `after` and at or before `through`, in arrival order: what the phrase index has yet to count.
    func comments(within window: DateInterval, arrivedAfter after: Int64, through: Int64, limit: Int) async throws(VocError) -> [WindowComment]
    /// The phrase index's marks on `days`.
    func phraseIndexMarks(days: ClosedRange<Int>) async throws(VocError) -> PhraseIndexMarks
    /// Adds `counts` (of comments on `days` that arrived after their day's mark in `from` and at or before `through`)
    /// to the phrase index and moves the marks of those days to `through`, in one transaction; unless the stored
    /// marks of `days` are no longer `from` (another run counted meanwhile): then nothing is written and the answer is
    /// false. When the index was counted with another extractor than `extractor`, it is emptied first (`from` is
    /// then empty: the counts are of every comment).
    func addPhraseCounts(_ counts: [PhraseDayCount], days: ClosedRange<Int>, from: PhraseIndexMarks, through: Int64,
                         extractor: String) async throws(VocError) -> Bool
    /// The phrase index summed over `days`, per phrase and language: of `phrases` only, or of every phrase when nil.
    func phraseCounts(days: ClosedRange<Int>, phrases: [String]?) async throws(VocError) -> [PhraseCount]
    /// Up to `limit` records with keys after `key` (nil: from the start), in key order: a whole store in pages of bounded memory.
    func feedback(after key: String?, limit: Int) async throws(VocError) -> [StoredFeedback]
    func quarantine(file: String?, reason: QuarantineReason?) async throws(VocError) -> [QuarantineEntry]
    func totals() async throws(VocError) -> (feedback: Int, quarantined: Int)
    /// The date of the most recent dated record; nil for a store without dated records.
    func latestResponse() async throws(VocError) -> Date?

    /// Replaces the account directory with a new CRM import.
    func replaceDirectory(_ accounts: [DirectoryAccount]) async throws(VocError)
    /// Keeps `accounts` as the CRM snapshot of the day starting at `date` (replacing one of the same day) and, when no
    /// later snapshot exists, as the directory too, in one transaction. Returns whether they became the directory.
    func importSnapshot(_ accounts: [DirectoryAccount], asOf date: Date) async throws(VocError) -> Bool
    /// Every CRM snapshot, oldest first, each with its accounts in id order.
    func snapshots() async throws(VocError) -> [AccountSnapshot]
    func directory() async throws(VocError) -> [DirectoryAccount]

    /// The arrival position through which every record is committed: no record at or below it can appear later.
    func arrivedThrough() async throws(VocError) -> Int64
    /// Up to `limit` records that arrived after position `after` and at or before `through`, in arrival order.
    func signals(arrivedAfter after: Int64, through: Int64, limit: Int) async throws(VocError) -> [ArrivedSignal]
    /// How far alerts have looked (empty for a store never alerted on).
    func alertProgress() async throws(VocError) -> AlertProgress
    /// Finds the alerts not emitted before and hands them to `deliver` inside the transaction that records them as
    /// emitted, with `progress` (when given) merged into the stored one (positions only move forward): if delivery
    /// fails (or the process dies), nothing is recorded and the next run delivers them again; concurrent runs
    /// deliver each alert once. Returns the alerts delivered, in the given order.
    func recordNewAlerts(_ alerts: [Alert], at date: Date, progress: AlertProgress?,
                         deliver: @escaping @Sendable ([Alert]) throws -> Void) async throws(VocError) -> [Alert]
    /// Up to `limit` emitted alerts of `kinds` after emission number `after`, oldest first, with their numbers.
    func emittedAlerts(kinds: Set<Alert.Kind>, after: Int64, limit: Int) async throws(VocError) -> [(sequence: Int64, alert: Alert)]
}

/// One group of `FeedbackStore.partialTallies()`: the tally of the records with one stored account key and one
/// respondent e-mail domain.
public struct PartialTally: Sendable {
    public var domain: String?
    public var tally: AccountTally

    public init(domain: String?, tally: AccountTally) {
        self.domain = domain
        self.tally = tally
    }
}

extension FeedbackStore {
    /// Stores a batch without team messages.
    public func insert(records: [FeedbackRecord], quarantined: [QuarantinedRecord], run: Int64) async throws(VocError) -> Int {
        try await insert(records: records, quarantined: quarantined, mail: [], run: run)
    }

    public func recordNewAlerts(_ alerts: [Alert], at date: Date, deliver: @escaping @Sendable ([Alert]) throws -> Void) async throws(VocError) -> [Alert] {
        try await recordNewAlerts(alerts, at: date, progress: nil, deliver: deliver)
    }

    /// Every alert ever emitted (of `kinds`), oldest first.
    public func emittedAlerts(kinds: Set<Alert.Kind> = Set(Alert.Kind.allCases)) async throws(VocError) -> [Alert] {
        var alerts: [Alert] = []
        var after: Int64 = 0
        while true {
            let page = try await emittedAlerts(kinds: kinds, after: after, limit: 10_000)
            alerts += page.map(\.alert)
            guard let last = page.last, page.count == 10_000 else { return alerts }
            after = last.sequence
        }
    }

    /// Tallies per stored account key and respondent domain, from the rollups; `AccountDirectoryView` folds them into
    /// accounts.
    public func partialTallies() async throws(VocError) -> [PartialTally] {
        var tallies: [PartialTally] = []
        try await forEachRollup(days: false) { key, rollup in tallies.append(PartialTally(domain: key.domain, tally: rollup.tally(accountID: key.accountID))) }
        return tallies
    }

    /// The groups of `partialTallies()` that can belong to one account (see `rollups(accountID:domains:)`).
    public func partialTallies(accountID: String?, domains: [String]) async throws(VocError) -> [PartialTally] {
        try await rollups(accountID: accountID, domains: domains).map { PartialTally(domain: $0.key.domain, tally: $0.rollup.tally(accountID: $0.key.accountID)) }
    }

    /// The account name the records give for each stored account key (the greatest, in byte order), for accounts the
    /// directory does not name.
    public func accountNames() async throws(VocError) -> [String: String] {
        var names: [String: String] = [:]
        try await forEachRollup(days: false) { key, rollup in
            guard let account = key.accountID, let name = rollup.totals.accountName, !name.isEmpty else { return }
            if let known = names[account], !known.utf8.lexicographicallyPrecedes(name.utf8) { return }
            names[account] = name
        }
        return names
    }

    /// What the rollup tables hold, every group whole.
    public func storedRollups() async throws(VocError) -> RollupBatch {
        var stored = RollupBatch()
        try await forEachRollup(days: true) { key, rollup in stored.add(rollup, at: key) }
        return stored
    }

    public func startRun(command: String) async throws(VocError) -> Int64 { try await startRun(command: command, at: Date()) }
    public func finishRun(_ run: Int64, status: RunStatus) async throws(VocError) { try await finishRun(run, status: status, at: Date()) }
}
