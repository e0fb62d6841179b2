import ArgumentParser
import VocReport
import VocStore

/// `voc aspects`: the rows of rating matrices under a satisfaction or effort question, each an aspect of the experience.
struct AspectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aspects",
        abstract: "Aspect ratings: each row of a satisfaction or effort matrix, % favourable and mean with 95% intervals.",
        discussion: """
            A matrix question ("How satisfied are you with each of the following? [Support] [Billing] [Onboarding]") \
            rates aspects of the experience: each row is kept as an aspect rating of the response, never as its CSAT or \
            CES. Per aspect: the ratings, % satisfied (or easy) with its Wilson 95% interval, and the mean with its \
            interval, on the scale its answers show. Listed in their survey's order.
            """)

    @OptionGroup var scopeOptions: AnswerScopeOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await AccountDirectoryView(store: storeOptions.open())
        let aspects = try await view.aspects(of: scopeOptions.scope).map { AspectSummary($0, minimumSample: scopeOptions.minN) }
        scopeOptions.print(aspects, output, nothing: "aspect ratings", store: view.store.location,
                           insufficient: aspects.contains { $0.ratings?.sufficient == false },
                           csv: { AspectSummary.csv(aspects, $0) }, table: { AspectSummary.table(aspects, width: $0) })
    }
}
