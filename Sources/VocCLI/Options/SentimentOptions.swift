import ArgumentParser
import VocCore
import VocScore

/// `--lexicon FILE` overlays and `--lexicons DIR`: what the sentiment analyzer reads.
struct SentimentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A lexicon overlay: 'term<TAB>mean' lines (VADER format), winning over built-in entries; repeatable.", valueName: "file"))
    var lexicon: [String] = []

    @OptionGroup var lexiconOptions: LexiconOptions

    func analyzer() throws -> SentimentAnalyzer {
        let overlays = try lexicon.map { path throws(VocError) in try LexiconOverlay(contentsOf: path) }
        return SentimentAnalyzer(model: try SentimentModel.load(from: lexiconOptions.locate(), overlays: overlays))
    }
}
