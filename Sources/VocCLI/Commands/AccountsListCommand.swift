import ArgumentParser
import VocCore
import VocHealth
import VocReport
import VocScore
import VocStore

/// `voc accounts [list]`: one row per account with responses, NPS and its 95 % interval, CSAT, CES and last response.
struct AccountsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List accounts with responses, NPS ± 95% interval, CSAT, CES and last response date.")

    @Option(name: .long, help: "Below this many answers a figure is marked insufficient (*).")
    var minN = Confidence.defaultMinimumSample

    @OptionGroup var health: HealthOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await AccountDirectoryView(store: storeOptions.open())
        let model = try health.model()
        // First-contact resolution as of the day `voc account` and `voc health` use (threads replied to less than a
        // window before it are pending); said on stderr by those, which show health.
        let contacts = try await ContactLedger(view: view, asOf: health.date(for: view.store, model: model, quietly: true), model: model)
        let summaries = try await view.tallies().map { AccountSummary($0, minimumSample: minN, view: view, contacts: contacts) }
        AccountListing(summaries: summaries, minimumSample: minN).print(output)
    }
}
