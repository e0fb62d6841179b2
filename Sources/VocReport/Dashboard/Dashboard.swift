public import Foundation
public import VocCore
public import VocHealth
public import VocScore
public import VocStore

/// What the dashboard, its JSON API and the HTML report show: a store read once, as of one instant.
///
/// `init` reads the store's rollups, never its records: the tallies, and one pass over every group's day series for
/// health and its weekly history for every account and the charts' counts, in memory that grows with accounts, not
/// records. The pages are derived from it; only an account page reads that account's records (by index), for its
/// strongest drivers and its comments. The server keeps one `Dashboard`
/// while the store's contents are unchanged (see `DashboardServer`).
public struct Dashboard: Sendable {
    public let view: AccountDirectoryView
    public let model: HealthModel
    /// Recomputes the sentiment trace of the comments shown; nil shows comments without trace. Settable so that a
    /// caller can load the lexicons while `init` reads the store.
    public var analyzer: SentimentAnalyzer?
    public let asOf: Date
    /// How many periods the charts cover.
    public let periods: Int
    public let minimumSample: Int
    private let tallies: [AccountTally]
    private let activity: ActivityTally
    private let health: [AccountHealth]
    /// How many of an account's strongest drivers its page shows.
    private let driverLimit: Int
    private let history: [HealthPoint]
    private let rows: [AccountRow]
    private let totals: (feedback: Int, quarantined: Int)
    /// The CRM snapshots dated by `asOf` (none for a page about one account).
    private let snapshots: [AccountSnapshot]
    /// The e-mail contacts as of `asOf`, for first-contact resolution.
    public let contacts: ContactLedger

    /// - Parameters:
    ///   - drivers: how many of each account's strongest drivers its page shows.
    ///   - account: only this account's page is wanted (its id, or nil for the feedback matched to no account): only
    ///     its tally is read, and the overview and lists cover it alone. Its health is the same, as the health pass
    ///     still reads every group for the portfolio's and segments' priors.
    public init(store: any FeedbackStore, model: HealthModel = HealthModel(), analyzer: SentimentAnalyzer?, asOf: Date,
                periods: Int = 12, drivers: Int = 5, minimumSample: Int = Confidence.defaultMinimumSample,
                only account: String?? = nil) async throws(VocError) {
        view = try await AccountDirectoryView(store: store)
        self.model = model
        self.analyzer = analyzer
        self.asOf = asOf
        self.periods = max(2, periods)
        self.minimumSample = minimumSample
        totals = try await store.totals()
        snapshots = account == nil ? try await store.snapshots().filter { $0.date <= asOf } : []
        if let account {
            tallies = try await view.tally(of: account).map { [$0] } ?? []
        } else {
            tallies = try await view.tallies()
        }
        var pass = HealthPass(model: model, directory: view.accounts, asOf: asOf, historyPeriods: self.periods)
        var activity = ActivityTally(ends: pass.historyEnds, periodDays: model.configuration.periodDays)
        try await view.forEachRollup { rollup, account in
            pass.add(rollup, account: account)
            activity.add(rollup, account: account)
        }
        contacts = try await ContactLedger(view: view, asOf: asOf, model: model)
        pass.add(contacts)
        self.activity = activity
        // A page about one account scores that account alone (the others still count toward the priors).
        let among = account.map { Set([$0].compactMap { $0 }) }
        health = pass.accounts(among: among)
        history = pass.history(among: among)
        driverLimit = drivers
        rows = Self.accountRows(tallies: tallies, activity: activity, health: health, view: view, contacts: contacts, minimumSample: minimumSample,
                                asOf: asOf)
    }

    public func overview() -> PortfolioOverview {
        let pooled = AccountTally.pooled(tallies)
        var portfolio = AccountSummary(pooled, minimumSample: minimumSample)
        portfolio.account = nil
        portfolio.fcr = contacts.portfolio(minimumSample: minimumSample)
        var bands = BandCounts()
        for account in health { bands.add(account.band) }
        let red = health.filter { $0.band == .red }
        let thresholds = model.configuration.profile.bands
        return PortfolioOverview(
            asOf: asOf, store: view.store.location, responses: totals.feedback, quarantined: totals.quarantined,
            unmatched: tallies.first { $0.accountID == nil }?.responses ?? 0,
            latestResponse: pooled.lastResponse,
            stale: pooled.lastResponse.map { asOf.timeIntervalSince($0) > Double(model.configuration.periodDays) * 86_400 } ?? false,
            portfolio: portfolio, bands: bands,
            redBelow: thresholds.redBelow, greenAbove: thresholds.greenAbove,
            revenueAtRisk: red.reduce(0) { $0 + ($1.arr ?? 0) }, redWithoutARR: red.count { $0.arr == nil },
            periods: portfolioPeriods(), changes: activity.changes(of: nil),
            minimumSample: minimumSample, atRisk: AccountQuery(band: .red).apply(rows),
            retention: RetentionAnalysis().rows(snapshots, period: .quarter))
    }

    /// The distinct values of a directory field among the listed accounts, sorted: what a filter can take.
    private func values(_ path: KeyPath<AccountRow, String?>) -> [String] { Array(Set(rows.compactMap { $0[keyPath: path] })).sorted() }

    /// The key drivers of the accounts `query` selects, all time, and the aspects of their rating matrices, each with the
    /// accounts that mention it (rated it unfavourably) most.
    public func drivers(_ query: DriverQuery) -> DriverList {
        let selected = tallies.filter { query.scope.includes($0, directory: view.accounts) }
        let scope = AccountTally.pooled(selected)
        let analysis = DriverAnalysis(scope: scope, minimumSample: minimumSample)
        let aspects = DriverAnalysis(scope: scope, by: .aspect, minimumSample: minimumSample)
        let accounts = (analysis.drivers + aspects.drivers).map { driver in
            DriverAccounts(kind: driver.kind.rawValue, driver: driver.driver, question: driver.aspect?.question,
                           accounts: DriverAccount.top(driver.label, among: selected, limit: DriverList.accountsShown))
        }
        return DriverList(asOf: asOf, query: query, analysis: DriverReport(scope: query.scope, window: nil, analysis: analysis),
                          aspects: aspects.drivers.isEmpty ? nil : DriverReport(scope: query.scope, window: nil, analysis: aspects),
                          accounts: accounts, segments: values(\.segment), owners: values(\.owner))
    }

    public func accounts(_ query: AccountQuery) -> AccountList {
        let matching = query.apply(rows)
        return AccountList(asOf: asOf, query: query, total: rows.count, matched: matching.count, page: query.page,
                           pages: query.pages(matching: matching.count), rows: Array(query.page(of: matching)),
                           segments: values(\.segment), owners: values(\.owner), languages: values(\.language))
    }

    /// An account's summary as its page and `voc account` show it: its tally, what the directory knows, its FCR.
    public func summary(of tally: AccountTally) -> AccountSummary {
        AccountSummary(tally, minimumSample: minimumSample, view: view, contacts: contacts)
    }

    /// The tally of one account (nil: the feedback matched to no account), or nil when the store has no feedback for it.
    public func tally(of account: String?) -> AccountTally? {
        tallies.first { $0.accountID == account }
    }

    /// One account's page, or nil when the store has no feedback for it.
    public func account(_ id: String) async throws(VocError) -> AccountDetail? {
        guard let tally = tally(of: id) else { return nil }
        let summary = summary(of: tally)
        var health = self.health.first { $0.account == id }
        if health != nil { health?.drivers = model.drivers(try await view.signals(account: id), asOf: asOf, limit: driverLimit) }
        let drivers = try await evidence(for: health?.drivers ?? [])
        let ends = activity.ends
        let history = Dictionary(history.filter { $0.account == id }.map { ($0.periodEnd, $0) }, uniquingKeysWith: { first, _ in first })
        let buckets = activity.accounts[id] ?? Array(repeating: ActivityTally.Bucket(), count: ends.count)
        let accountPeriods = ends.indices.map { index in
            AccountPeriod(end: ends[index], responses: buckets[index].responses, sentiment: buckets[index].meanSentiment, scoredComments: buckets[index].scored,
                          score: history[ends[index]]?.score, band: history[ends[index]]?.band)
        }
        let latest = try await latestFeedback(of: id, limit: Self.detractorWindow)
        let detractors = latest.filter { record in
            if case .rating(let value)? = record.nps, NPSBand(score: value) == .detractor, record.comment != nil { return true }
            return false
        }.prefix(5).map(commentEvidence)
        let bands = model.configuration.profile(forSegment: health?.segment ?? summary.segment).bands
        return AccountDetail(account: summary, health: health, drivers: drivers, periods: accountPeriods,
                             changes: activity.changes(of: id), detractorComments: detractors,
                             keyDrivers: DriverAnalysis(scope: tally, minimumSample: minimumSample).drivers,
                             aspectDrivers: DriverAnalysis(scope: tally, by: .aspect, minimumSample: minimumSample).drivers,
                             redBelow: bands.redBelow, greenAbove: bands.greenAbove, minimumSample: minimumSample)
    }

    /// How many of an account's latest responses its comment list reads (by index).
    public static let commentWindow = 5_000
    /// How many of an account's latest responses its page reads for its latest detractor comments.
    static let detractorWindow = 500

    /// One account's comments that match `query`, among its latest `commentWindow` responses; nil when the store has
    /// no feedback for it.
    public func comments(of id: String, _ query: CommentQuery) async throws(VocError) -> AccountComments? {
        guard tally(of: id) != nil else { return nil }
        let latest = try await latestFeedback(of: id, limit: Self.commentWindow).filter { $0.comment != nil }
        let matching = latest.filter(query.matches)
        let values = { (value: (StoredFeedback) -> [String]) in Array(Set(latest.flatMap(value))).sorted() }
        return AccountComments(account: id, query: query, read: latest.count, matched: matching.count,
                               pages: max(1, (matching.count + query.pageSize - 1) / query.pageSize),
                               comments: AccountQuery.page(query.page, of: matching, size: query.pageSize).map(CommentRow.init),
                               topics: values { $0.sentiment?.topics ?? [] }, languages: values { $0.language.map { [$0] } ?? [] },
                               channels: values { [$0.channel] })
    }

    /// The account's latest `limit` responses, with the topics of their comments (which the store keeps apart).
    private func latestFeedback(of id: String, limit: Int) async throws(VocError) -> [StoredFeedback] {
        var latest = try await view.feedback(account: id, limit: limit)
        let topics = try await view.store.topics(keys: latest.filter { $0.comment != nil }.map(\.key))
        for index in latest.indices { if let found = topics[latest[index].key] { latest[index].sentiment?.topics = found } }
        return latest
    }

    public func quarantine(reason: QuarantineReason? = nil, limit: Int = 500) async throws(VocError) -> QuarantineList {
        let entries = try await view.store.quarantine(file: nil, reason: reason)
        var reasons: [String: Int] = [:]
        for entry in entries { reasons[entry.record.reason.rawValue, default: 0] += 1 }
        return QuarantineList(total: entries.count, reasons: reasons, entries: entries.prefix(limit).map { QuarantineRow($0, showValues: false) })
    }

    /// Each driver with its record's text and its four strongest trace items.
    public func evidence(for drivers: [HealthDriver]) async throws(VocError) -> [DriverEvidence] {
        let records = Dictionary(try await view.store.feedback(keys: drivers.map(\.key)).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        return drivers.map { driver in
            let record = records[driver.key]
            return DriverEvidence(driver: driver, source: record.map(Self.source), origin: record.map(Self.origin), comment: record?.comment,
                                  trace: record.flatMap { record in record.comment.map { trace($0, language: record.language) } } ?? [])
        }
    }

    private func commentEvidence(_ record: StoredFeedback) -> CommentEvidence {
        var nps: Int?
        if case .rating(let value)? = record.nps { nps = value }
        return CommentEvidence(key: record.key, source: Self.source(record), origin: Self.origin(record), submittedAt: record.submittedAt, nps: nps,
                               comment: record.comment ?? "", sentiment: record.sentiment?.compound, label: record.sentiment?.label.rawValue,
                               trace: trace(record.comment ?? "", language: record.language))
    }

    private func trace(_ comment: String, language: String?) -> [String] {
        guard let analyzer else { return [] }
        return analyzer.analyze(comment, language: language).trace.items
            .sorted { abs($0.contribution) > abs($1.contribution) }.prefix(4)
            .map { "\($0.text) \(String(format: "%+.2f", $0.contribution))" }
    }

    private static func source(_ record: StoredFeedback) -> String { "\(record.position.file):\(record.position.line ?? 0)" }

    /// "survey · ana@northwind.com": what a CSM can tell a response by, where the server's file path means nothing.
    private static func origin(_ record: StoredFeedback) -> String { ([record.channel] + [record.respondentEmail].compactMap { $0 }).joined(separator: " · ") }

    private static func accountRows(tallies: [AccountTally], activity: ActivityTally, health: [AccountHealth],
                                    view: AccountDirectoryView, contacts: ContactLedger, minimumSample: Int, asOf: Date) -> [AccountRow] {
        let health = Dictionary(health.map { ($0.account, $0) }, uniquingKeysWith: { first, _ in first })
        return tallies.compactMap { tally in
            guard let account = tally.accountID else { return nil }
            return AccountRow(summary: AccountSummary(tally, minimumSample: minimumSample, view: view, contacts: contacts), account: account,
                              health: health[account], language: activity.language(of: account), renewal: view.accounts[account]?.renewal, asOf: asOf)
        }
    }

    private func portfolioPeriods() -> [PortfolioPeriod] {
        let ends = activity.ends
        var bands = Array(repeating: BandCounts(), count: ends.count)
        let index = Dictionary(ends.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for point in history {
            if let period = index[point.periodEnd] { bands[period].add(point.band) }
        }
        return ends.indices.map { period in
            let tally = activity.portfolio[period]
            let answered = tally.nps.answered
            return PortfolioPeriod(
                start: period == 0 ? ends[0].addingTimeInterval(-activity.periodSeconds) : ends[period - 1], end: ends[period],
                responses: tally.responses, npsAnswered: answered,
                nps: answered > 0 ? 100 * Double(tally.nps.promoters - tally.nps.detractors) / Double(answered) : nil,
                sentiment: tally.meanSentiment, scoredComments: tally.scored, bands: bands[period])
        }
    }
}
