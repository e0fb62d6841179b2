import ArgumentParser
import VocReport
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

    @OptionGroup var scopeOptions: AnswerScopeOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await AccountDirectoryView(store: storeOptions.open())
        let questions = try await view.questions(of: scopeOptions.scope).map { QuestionSummary($0, minimumSample: scopeOptions.minN) }
        scopeOptions.print(questions, output, nothing: "open questions with several per response", store: view.store.location,
                           insufficient: questions.contains { !$0.sufficient },
                           csv: { QuestionSummary.csv(questions, $0) }, table: { QuestionSummary.table(questions, width: $0) })
    }
}
