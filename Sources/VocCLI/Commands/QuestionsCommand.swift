import ArgumentParser
import VocCore
import VocReport
import VocScore
import VocStore

/// `voc questions`: each open question of surveys with several, with its answers' own sentiment.
struct QuestionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "Open questions: each question's answers and their sentiment, of the portfolio or one account.",
        discussion: """
            A survey with several open questions ("What did we do well?", "What should we improve?") keeps each answer \
            with its question and scores it on its own; the response's sentiment sums them. Per question: the answers, \
            their mean sentiment with its 95% interval, and the % negative and positive. Questions are listed in their \
            survey's order. Files with one open question have no per-question answers: their comment is the response's.
            """)

    @Option(name: .long, help: ArgumentHelp("Only this account's answers ('(unmatched)' for feedback with no account).", valueName: "id"))
    var account: String?

    @Option(name: .long, help: "Fewer scored answers than this marks a question's sentiment as too few to judge (*).")
    var minN = Confidence.defaultMinimumSample

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await AccountDirectoryView(store: storeOptions.open())
        let scope: String?? = account.map { $0 == AccountListing.unmatched ? .some(nil) : .some($0) } ?? .none
        let questions = try await view.questions(of: scope).map { QuestionSummary($0, minimumSample: minN) }
        switch output.format {
        case .json: Console.out(JSONOutput.encode(questions, pretty: true))
        case .ndjson: for question in questions { Console.out(JSONOutput.encode(question, pretty: false)) }
        case .csv: Console.out(QuestionTable.csv(questions, output.csv), terminator: "")
        case .table:
            guard !questions.isEmpty else {
                Console.out("no open questions with several per response\(account.map { " for account '\($0)'" } ?? "") in \(view.store.location)")
                return
            }
            Console.out(QuestionTable.render(questions, width: Console.width))
            if questions.contains(where: { !$0.sufficient }) { Console.out("* fewer than \(minN) answers: too few to judge (--min-n)") }
        }
    }
}
