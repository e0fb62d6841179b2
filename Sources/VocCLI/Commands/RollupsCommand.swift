import ArgumentParser
import VocCore
import VocStore

/// `voc rollups`: checks that the per-account rollups equal the records' sums, or rebuilds them from the records.
struct RollupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollups",
        abstract: "Check that the per-account rollups equal the records' sums (exit 1 when not), or rebuild them.",
        discussion: """
            Every account-level command (accounts, account, health, alerts, the dashboard and the report) reads the \
            rollups, which ingest keeps in the same transaction as the records. This sums the records anew and compares, \
            group by group (account key and respondent domain). A store opened for the first time by this version builds \
            its rollups once by itself; --rebuild is for a store whose rollups were changed by hand.
            """)

    @Flag(name: .long, help: "Replace the rollups with the records' sums (one transaction), then check.")
    var rebuild = false

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let store = try await storeOptions.open()
        if rebuild { try await store.rebuildRollups() }
        let expected = try await store.rollupsFromRecords(within: nil), stored = try await store.storedRollups()
        let keys = Set(expected.groups.keys).union(stored.groups.keys).sorted()
        let differing = keys.filter { expected.groups[$0] != stored.groups[$0] }
        let records = expected.groups.values.reduce(0) { $0 + $1.totals.responses }
        guard !differing.isEmpty else {
            Console.out("rollups match the records: \(keys.count) groups, \(records) records")
            return
        }
        for key in differing.prefix(20) {
            let want = expected.groups[key], have = stored.groups[key]
            Console.out("account key \(key.accountID ?? "(none)"), domain \(key.domain ?? "(none)"): records \(want?.totals.responses ?? 0), "
                        + "rollups \(have?.totals.responses ?? 0)" + (want?.days != have?.days ? "; days differ" : "") + (want?.labels != have?.labels ? "; labels differ" : ""))
        }
        Console.error("voc rollups: \(differing.count) of \(keys.count) groups differ from the records; `voc rollups --rebuild` rebuilds them")
        throw ExitCode(ExitStatus.findings.rawValue)
    }
}
