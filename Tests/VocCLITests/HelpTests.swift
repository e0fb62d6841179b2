import Testing

/// `--help` and `voc help` print usage and exit 0 (ArgumentParser's help command reaches voc's error handling as a
/// "failure" carrying the help request; it once printed that as an error).
@Suite struct HelpTests {
    @Test(arguments: [["--help"], ["help"], ["ingest", "--help"], ["help", "serve"], ["accounts", "import", "--help"], ["export", "--help"]])
    func helpIsPrintedWithExitZero(_ arguments: [String]) throws {
        let result = try VocProcess.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stdout.contains("USAGE: voc"), "\(arguments)")
        #expect(!result.stderr.contains("error"), "\(arguments): \(result.stderr)")
    }
}
