import ArgumentParser
import VocCore

/// `--lexicons DIR`: where the language data lives (found automatically in a checkout or install).
struct LexiconOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The lexicons/ data directory; also VOC_LEXICONS.", valueName: "dir"))
    var lexicons: String?

    func locate() throws -> LexiconDirectory {
        try LexiconDirectory.locate(explicit: lexicons)
    }
}
