import ArgumentParser
import VocReport

/// `--account`, `--segment`, `--csm`: which accounts an analysis covers (all of them by default).
struct ScopeOptions: ParsableArguments {
    @Option(name: .long, help: "Only this account (its id).")
    var account: String?

    @Option(name: .long, help: "Only the accounts of this directory segment.")
    var segment: String?

    @Option(name: .long, help: "Only the accounts this CSM owns (the directory's owner).")
    var csm: String?

    var scope: DriverScope { DriverScope(account: account, segment: segment, owner: csm) }
}
