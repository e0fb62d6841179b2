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
    /// Stores a batch in one transaction; returns how many records were already stored.
    func insert(records: [FeedbackRecord], quarantined: [QuarantinedRecord], run: Int64) async throws(VocError) -> Int

    /// Tallies per stored account key and respondent domain; `AccountDirectoryView` folds them into accounts.
    func partialTallies() async throws(VocError) -> [PartialTally]
    /// The groups of `partialTallies()` whose records are stored under `accountID` (nil: none) or come from a
    /// respondent at one of `domains`: every group that can belong to one account, read without the others.
    func partialTallies(accountID: String?, domains: [String]) async throws(VocError) -> [PartialTally]
    /// Records whose stored account key is `accountID` (nil: none) or whose respondent domain is one of `domains`.
    func feedback(accountID: String?, domains: [String], limit: Int) async throws(VocError) -> [StoredFeedback]
    func feedback(keys: [String]) async throws(VocError) -> [StoredFeedback]
    /// Up to `limit` records with keys after `key` (nil: from the start), in key order: a whole store in pages of bounded memory.
    func feedback(after key: String?, limit: Int) async throws(VocError) -> [StoredFeedback]
    /// Hands every record's scores and signals, dated on or before `through` (undated ones included), to `body` one
    /// at a time, in an order of the store's choosing, holding a bounded number of them at once.
    func forEachSignal(through: Date?, _ body: (FeedbackSignal) -> Void) async throws(VocError)
    func quarantine(file: String?, reason: QuarantineReason?) async throws(VocError) -> [QuarantineEntry]
    func totals() async throws(VocError) -> (feedback: Int, quarantined: Int)
    /// The account name the records give for each stored account key, for accounts the directory does not name.
    func accountNames() async throws(VocError) -> [String: String]
    /// The date of the most recent dated record; nil for a store without dated records.
    func latestResponse() async throws(VocError) -> Date?

    /// Replaces the account directory with a new CRM import.
    func replaceDirectory(_ accounts: [DirectoryAccount]) async throws(VocError)
    func directory() async throws(VocError) -> [DirectoryAccount]

    /// Finds the alerts not emitted before and hands them to `deliver` inside the transaction that records them as
    /// emitted: if delivery fails (or the process dies), nothing is recorded and the next run delivers them again;
    /// concurrent runs deliver each alert once. Returns the alerts delivered, in the given order.
    func recordNewAlerts(_ alerts: [Alert], at date: Date, deliver: @escaping @Sendable ([Alert]) throws -> Void) async throws(VocError) -> [Alert]
    /// Every alert ever emitted, oldest first.
    func emittedAlerts() async throws(VocError) -> [Alert]
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
    public func startRun(command: String) async throws(VocError) -> Int64 { try await startRun(command: command, at: Date()) }
    public func finishRun(_ run: Int64, status: RunStatus) async throws(VocError) { try await finishRun(run, status: status, at: Date()) }
}
