public import ArgumentParser
import Foundation
public import VocCore
import VocHealth
import VocReport
import VocStore

/// `voc alerts`: new detractors, churn-intent mentions and accounts entering red, as NDJSON, each emitted once.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Print new alerts as NDJSON (detractors, churn intent, accounts entering red); exit 1 when there are new ones.",
        discussion: """
            Each alert has a stable id and is emitted once: the store remembers what was emitted, so a rerun on the same \
            data, or after re-ingesting the same files, prints nothing and exits 0. --all lists every alert emitted so far. \
            On a store with a long history, --since limits record alerts to recent responses.
            """)

    @Flag(name: .long, help: "List every alert emitted so far (and any new ones), not only new ones.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Only alert on responses submitted on or after this day (YYYY-MM-DD, UTC).", valueName: "date"))
    var since: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Alert kinds to look for: detractor, churn-intent, entered-red (default: all).")
    var kind: [Alert.Kind] = Alert.Kind.allCases

    @OptionGroup var health: HealthOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let view = try await AccountDirectoryView(store: storeOptions.open())
        let model = try health.model()
        let asOf = try await health.date(for: view.store, model: model)
        let sinceDate = try since.map { try HealthOptions.parse($0, option: "--since", endOfDay: false) }
        let detector = AlertDetector(model: model)
        let previous = try await view.store.emittedAlerts()
        let emitted = Set(previous.map(\.id))
        var pass = detector.healthPass(directory: view.accounts, asOf: asOf)
        var unseen: [Alert] = []
        try await view.forEachSignal(through: asOf) { signal in
            unseen += detector.recordAlerts(for: signal, since: sinceDate, asOf: asOf).filter { kind.contains($0.kind) && !emitted.contains($0.id) }
            if kind.contains(.enteredRed) { pass.add(signal) }
        }
        unseen = AlertDetector.chronological(unseen)
        if kind.contains(.enteredRed) { unseen += detector.enteredRed(pass, previous: previous).filter { !emitted.contains($0.id) } }
        let listed = all ? previous.filter { kind.contains($0.kind) } : []
        let records = Dictionary(try await view.store.feedback(keys: (listed + unseen).compactMap { $0.recordKey }).map { ($0.key, $0) },
                                 uniquingKeysWith: { first, _ in first })
        let accounts = view.accounts
        let line = { @Sendable (alert: Alert) in
            JSONOutput.encode(AlertLine(alert, account: alert.account.flatMap { accounts[$0] }, record: alert.recordKey.flatMap { records[$0] }),
                              pretty: false)
        }
        for alert in listed { Console.out(line(alert)) }
        let fresh = try await view.store.recordNewAlerts(unseen, at: Date()) { fresh in
            for alert in fresh { Console.out(line(alert)) }
        }
        Console.error("voc alerts: \(fresh.count) new\(all ? ", \(listed.count + fresh.count) listed" : "") as of \(Formatting.iso8601(asOf))")
        if !fresh.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
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
