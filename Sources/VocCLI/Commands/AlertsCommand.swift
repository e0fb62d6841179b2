public import ArgumentParser
import Foundation
public import VocCore
import VocHealth
import VocReport
import VocScore
import VocStore

/// `voc alerts`: new detractors, churn-intent mentions, accounts entering red and emerging themes, as NDJSON, each
/// emitted once.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Print new alerts as NDJSON (detractors, churn intent, accounts entering red, emerging themes); exit 1 when there are new ones.",
        discussion: """
            Each alert has a stable id and is emitted once: the store remembers what was emitted, and how far it has \
            looked, so a rerun on the same data, or after re-ingesting the same files, prints nothing and exits 0, and a \
            run after an ingest looks only at the records that arrived since. Alerts are printed as they are found, a \
            page of records at a time (oldest first within a page). --all lists every alert emitted so far. On a store \
            with a long history, --since limits record alerts to recent responses. An emerging theme (`voc themes` over \
            the portfolio, its default windows ending at the as-of instant) is alerted once per phrase.
            """)

    @Flag(name: .long, help: "List every alert emitted so far (and any new ones), not only new ones.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Only alert on responses submitted on or after this day (YYYY-MM-DD, UTC).", valueName: "date"))
    var since: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Alert kinds to look for: detractor, churn-intent, entered-red, emerging-theme (default: all).")
    var kind: [Alert.Kind] = Alert.Kind.allCases

    @OptionGroup var health: HealthOptions
    @OptionGroup var lexicons: LexiconOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let view = try await AccountDirectoryView(store: storeOptions.open())
        let model = try health.model()
        let asOf = try await health.date(for: view.store, model: model)
        let since = try self.since.map { try HealthOptions.parse($0, option: "--since", endOfDay: false) }
        let kinds = Set(kind)
        var listed = 0
        if all {
            var after: Int64 = 0
            while true {
                let page = try await view.store.emittedAlerts(kinds: kinds, after: after, limit: Self.pageSize)
                for line in try await lines(page.map(\.alert), view: view) { Console.out(line.text) }
                listed += page.count
                guard page.count == Self.pageSize, let last = page.last else { break }
                after = last.sequence
            }
        }
        let detector = AlertDetector(model: model)
        let through = try await view.store.arrivedThrough()
        let progress = try await view.store.alertProgress()
        var fresh = try await recordAlerts(detector: detector, view: view, asOf: asOf, since: since, through: through, progress: progress,
                                           kinds: kinds.intersection([.detractor, .churnIntent]))
        if kinds.contains(.enteredRed) {
            // A weighted FCR changes with the team's replies too, which add no record.
            let contacts = try await ContactLedger.weighed(by: model, view: view, asOf: asOf)
            let fingerprint = detector.fingerprint(arrivedThrough: through, asOf: asOf, directory: view.accounts)
                + (contacts.map { " fcr " + $0.fingerprint } ?? "")
            if progress.enteredRedChecked != fingerprint {
                var pass = detector.healthPass(directory: view.accounts, asOf: asOf)
                try await view.forEachRollup { pass.add($0, account: $1) }
                if let contacts { pass.add(contacts) }
                let alerts = detector.enteredRed(pass, previous: try await view.store.emittedAlerts(kinds: [.enteredRed]))
                fresh += try await deliver(alerts, view: view, progress: AlertProgress(enteredRedChecked: fingerprint))
            }
        }
        if kinds.contains(.emergingTheme) {
            // Themes change only with new records or another day; the phrases' scan is skipped otherwise.
            let fingerprint = "records \(through) day \(Formatting.day(asOf))"
            if progress.themesChecked != fingerprint {
                let report = try await ThemeReport.find(view: view, extractor: PhraseExtractor.load(from: lexicons.locate()), scope: DriverScope(), asOf: asOf)
                fresh += try await deliver(report.themes.map(Self.alert), view: view, progress: AlertProgress(themesChecked: fingerprint))
            }
        }
        Console.error("voc alerts: \(fresh) new\(all ? ", \(listed + fresh) listed" : "") as of \(Formatting.iso8601(asOf))")
        if fresh > 0 { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    /// An emerging theme's alert: one per phrase, whenever it emerges.
    static func alert(_ theme: EmergingTheme) -> Alert {
        var hasher = StableHasher()
        hasher.combine("emerging-theme " + theme.phrase)
        let counts = "\(theme.recent) recent comments vs \(theme.baseline) before, rate ×\(Formatting.fixed(theme.rateRatio)), G² \(Formatting.fixed(theme.score))"
        return Alert(id: "emerging-theme-" + hasher.finalizeHex(), kind: .emergingTheme, account: nil,
                     reason: "emerging theme '\(theme.phrase)'\(theme.new ? " (new)" : ""): \(counts); accounts \(theme.accounts.prefix(5).joined(separator: ", "))")
    }

    /// Records read, and alerts delivered, per transaction.
    private static let pageSize = 2_000

    /// Looks at the records that arrived after the stored progress of `kinds` (up to `through`), a page at a time:
    /// each page's new alerts are printed and recorded, with the progress, in one transaction. Progress stops before
    /// the first record outside --since and --as-of, so a later run without them still looks at it. Returns how many
    /// alerts were new.
    private func recordAlerts(detector: AlertDetector, view: AccountDirectoryView, asOf: Date, since: Date?, through: Int64,
                              progress: AlertProgress, kinds: Set<Alert.Kind>) async throws -> Int {
        guard let start = kinds.map({ progress.recordsLooked[$0] ?? 0 }).min() else { return 0 }
        var position = start, complete = true, fresh = 0
        while position < through {
            let page = try await view.store.signals(arrivedAfter: position, through: through, limit: Self.pageSize)
            guard let last = page.last else { break }
            var alerts: [Alert] = []
            var looked = AlertProgress()
            for arrived in page {
                var signal = arrived.signal
                signal.accountID = view.resolver.resolve(accountID: signal.accountID, email: signal.respondentEmail).account
                complete = complete && detector.isInWindow(signal, since: since, asOf: asOf)
                if complete { for kind in kinds { looked.recordsLooked[kind] = arrived.position } }
                alerts += detector.recordAlerts(for: signal, since: since, asOf: asOf).filter { alert in
                    kinds.contains(alert.kind) && arrived.position > progress.recordsLooked[alert.kind] ?? 0
                }
            }
            fresh += try await deliver(AlertDetector.chronological(alerts), view: view, progress: looked)
            position = last.position
        }
        return fresh
    }

    /// Prints and records the alerts not emitted before, with `progress`, in one transaction; returns how many.
    private func deliver(_ alerts: [Alert], view: AccountDirectoryView, progress: AlertProgress) async throws -> Int {
        let lines = Dictionary(try await lines(alerts, view: view).map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        return try await view.store.recordNewAlerts(alerts, at: Date(), progress: progress) { fresh in
            for alert in fresh { Console.out(lines[alert.id] ?? "") }
        }.count
    }

    /// Each alert's NDJSON line, with its account's directory entry and its record.
    private func lines(_ alerts: [Alert], view: AccountDirectoryView) async throws -> [(id: String, text: String)] {
        let records = Dictionary(try await view.store.feedback(keys: alerts.compactMap(\.recordKey)).map { ($0.key, $0) },
                                 uniquingKeysWith: { first, _ in first })
        return alerts.map { alert in
            (alert.id, JSONOutput.encode(AlertLine(alert, account: alert.account.flatMap { view.accounts[$0] }, record: alert.recordKey.flatMap { records[$0] }),
                                         pretty: false))
        }
    }
}

extension Alert.Kind: ExpressibleByArgument {}

/// One NDJSON line of `voc alerts`.
struct AlertLine: Encodable {
    struct Record: Encodable {
        var key: String
        var source: String
        var submittedAt: Date?
        var respondentEmail: String?
        var nps: Int?
        var sentiment: Double?
        var comment: String?
    }

    var type = "alert"
    var id: String
    var kind: Alert.Kind
    var account: String?
    var accountName: String?
    var owner: String?
    var reason: String
    var occurredAt: Date?
    var record: Record?

    init(_ alert: Alert, account: DirectoryAccount?, record: StoredFeedback?) {
        id = alert.id
        kind = alert.kind
        self.account = alert.account
        accountName = account?.name ?? record?.accountName
        owner = account?.owner
        reason = alert.reason
        occurredAt = alert.occurredAt
        self.record = record.map { record in
            Record(key: record.key, source: "\(record.position.file):\(record.position.line ?? 0)", submittedAt: record.submittedAt,
                   respondentEmail: record.respondentEmail, nps: record.nps?.rating, sentiment: record.sentiment?.compound,
                   comment: record.comment.map { String($0.prefix(1000)) })
        }
    }
}
