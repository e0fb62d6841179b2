import Foundation
import Testing
import VocTestSupport

/// What a newcomer meets first: where options go, mistyped commands, a directory without a store, an installed
/// binary away from the checkout, and the as-of date of an old export.
@Suite struct CommandLineTests {
    static func ingestedStore() throws -> String {
        let store = VocProcess.temporaryStore()
        #expect(try VocProcess.run(["ingest"] + VocProcess.sampleSurveys, store: store).status == 1)
        return store
    }

    @Test func readOnlyCommandsWithoutAStoreSaySoAndCreateNothing() throws {
        let missing = Fixtures.temporaryDirectory().appendingPathComponent("voc.sqlite").path
        for command in [["accounts"], ["health"], ["alerts"], ["runs"], ["quarantine"], ["export", "records"], ["account", "NW-1001"]] {
            let result = try VocProcess.run(command, store: missing)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr == "voc: error: no store at \(missing): run `voc ingest FILE…` first, or name one with --store PATH (or VOC_STORE)\n", "\(command)")
            #expect(result.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: missing), "\(command) created the store")
        }
    }

    @Test func optionsMayComeBeforeTheCommand() throws {
        let store = try Self.ingestedStore()
        let before = try VocProcess.run(["--store", store, "accounts", "--format", "json"])
        let after = try VocProcess.run(["accounts", "--format", "json"], store: store)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout)
        let equals = try VocProcess.run(["--store=\(store)", "--format", "csv", "accounts", "list"])
        #expect(equals.status == 0 && equals.stdout.hasPrefix("account,name,"), "\(equals.stderr)")
    }

    @Test func aMistypedCommandGetsTheClosestOneAndEveryErrorOneStyle() throws {
        let typo = try VocProcess.run(["acounts"])
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("voc: error: unknown command 'acounts'. Did you mean 'accounts'?"))
        let nothingClose = try VocProcess.run(["frobnicate"])
        #expect(nothingClose.status == 64 && !nothingClose.stderr.contains("Did you mean"))
        let badOption = try VocProcess.run(["accounts", "--stor", "x"])
        #expect(badOption.status == 64)
        #expect(badOption.stderr.hasPrefix("voc: error: Unknown option '--stor'"), "\(badOption.stderr)")
        #expect(!badOption.stderr.contains("Error:"), "one style of error")
        let help = try VocProcess.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("SUBCOMMANDS"))
    }

    @Test func quarantineFindsAFileByAnyPathToIt() throws {
        let store = try Self.ingestedStore()
        func count(_ file: String) throws -> Int {
            try VocProcess.run(["quarantine", "--format", "ndjson", "--file", file], store: store).stdout.split(separator: "\n").count
        }
        #expect(try count("corpora/surveys/generic_en.csv") == 4)
        #expect(try count("generic_en.csv") == 4)
        #expect(try count("surveys/generic_en.csv") == 4)
        #expect(try count("./corpora/surveys/generic_en.csv") == 4)
        #expect(try count(Fixtures.corpora.appendingPathComponent("surveys/generic_en.csv").path) == 4)
        #expect(try count("en.csv") == 0, "whole path components only")
        #expect(try count("qualtrics_es.csv") == 1)
    }

    @Test func anOldExportIsJudgedAsOfItsNewestResponseAndSaysSo() throws {
        let store = try Self.ingestedStore()
        let implicit = try VocProcess.run(["health", "--format", "json"], store: store)
        #expect(implicit.stderr.contains("voc: note: the newest response is from 2024-03-19, older than the decay half-life (90 days)"))
        let explicit = try VocProcess.run(["health", "--format", "json", "--as-of", "2024-03-19"], store: store)
        #expect(explicit.stderr.isEmpty)
        #expect(implicit.stdout == explicit.stdout, "the same as asking for that day")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(implicit.stdout.utf8)) as? [String: Any])
        let accounts = try #require(report["accounts"] as? [[String: Any]])
        #expect(accounts.first { $0["account"] as? String == "GX-3003" }?["name"] as? String == "Globex México",
                "health names an account from its records when there is no directory")
    }

    /// `make install` puts the binary in PREFIX/bin and the data in PREFIX/share/voc/lexicons; the binary, run from
    /// PATH in another directory, finds its data there.
    @Test func anInstalledBinaryFindsItsLanguageData() throws {
        let prefix = Fixtures.temporaryDirectory()
        let bin = prefix.appendingPathComponent("bin"), share = prefix.appendingPathComponent("share/voc")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        // Copied by `cp`, not in this process: a child another test forks meanwhile would inherit the open, writable
        // file and keep it open, and running the copy would then fail with "Text file busy" (ETXTBSY).
        let copy = try Process.run(URL(fileURLWithPath: "/bin/cp"), arguments: [VocProcess.executable.path, bin.appendingPathComponent("voc").path])
        copy.waitUntilExit()
        #expect(copy.terminationStatus == 0)
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("lexicons"), to: share.appendingPathComponent("lexicons"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "voc sentiment 'muito bom, obrigado'"]
        process.currentDirectoryURL = Fixtures.temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":/usr/bin:/bin"
        environment["VOC_LEXICONS"] = nil
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("pos"), "\(text)")
    }
}
