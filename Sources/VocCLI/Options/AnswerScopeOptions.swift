import ArgumentParser
import VocReport
import VocScore

/// `--account` and `--min-n` of `voc questions` and `voc aspects`, and how they print their listing.
struct AnswerScopeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only this account's answers ('(unmatched)' for feedback with no account).", valueName: "id"))
    var account: String?

    @Option(name: .long, help: "Fewer answers than this marks a figure as too few to judge (*).")
    var minN = Confidence.defaultMinimumSample

    /// `.none` for every record, `.some(nil)` for the feedback matched to no account.
    var scope: String?? { account.map { $0 == AccountListing.unmatched ? .some(nil) : .some($0) } ?? .none }

    /// Prints `items` as `output` asks: a JSON array, NDJSON lines, `csv`, or `table` with the too-few note (`nothing`
    /// names what there is none of, with the account and store).
    func print<Item: Encodable>(_ items: [Item], _ output: OutputOptions, nothing: String, store: String, insufficient: Bool,
                                csv: (CSVWriter) -> String, table: (Int?) -> String) {
        switch output.format {
        case .json: Console.out(JSONOutput.encode(items, pretty: true))
        case .ndjson: for item in items { Console.out(JSONOutput.encode(item, pretty: false)) }
        case .csv: Console.out(csv(output.csv), terminator: "")
        case .table:
            guard !items.isEmpty else {
                Console.out("no \(nothing)\(account.map { " for account '\($0)'" } ?? "") in \(store)")
                return
            }
            Console.out(table(Console.width))
            if insufficient { Console.out("* fewer than \(minN) answers: too few to judge (--min-n)") }
        }
    }
}
