import Foundation
import Testing
import VocTestSupport

@Suite struct IngestCommandTests {
    @Test func ingestingTheSamplesAccountsForEveryRecordAndIsIdempotent() throws {
        let store = VocProcess.temporaryStore()
        let first = try VocProcess.run(["ingest"] + VocProcess.sampleSurveys, store: store)
        #expect(first.status == 1, "quarantined records are findings")
        #expect(first.stdout.contains("read 75 = accepted 65 + quarantined 8 + skipped 2; 65 new, 0 already stored"))
        let second = try VocProcess.run(["ingest"] + VocProcess.sampleSurveys, store: store)
        #expect(second.stdout.contains("read 75 = accepted 65 + quarantined 8 + skipped 2; 0 new, 65 already stored"))
    }

    @Test func ndjsonEndsWithABalancedSummary() throws {
        let result = try VocProcess.run(["ingest", "--format", "ndjson", "corpora/surveys/generic_en.csv"], store: VocProcess.temporaryStore())
        let lines = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.map { $0["type"] as? String } == ["file", "summary"])
        let summary = lines[1]
        #expect(summary["read"] as? Int == 19)
        #expect(summary["accepted"] as? Int == 13)
        #expect(summary["quarantined"] as? Int == 4)
        #expect(summary["skipped"] as? Int == 2)
        #expect(summary["balanced"] as? Bool == true)
    }

    @Test func aMissingFileIsReportedAndTheOthersAreStillIngested() throws {
        let store = VocProcess.temporaryStore()
        let result = try VocProcess.run(["ingest", "corpora/surveys/no-such-file.csv", "corpora/surveys/googleforms_es.csv"], store: store)
        #expect(result.status == 2)
        #expect(result.stderr.contains("voc: error: corpora/surveys/no-such-file.csv: cannot open: No such file or directory"))
        #expect(result.stdout.contains("read 5 = accepted 5"))
    }

    /// A directory of exports with a README, a JSON file, a CSV without feedback, a phrase list, a gzip file and a
    /// workbook beside them: walking it ingests the export and lists each of the others as skipped with its reason
    /// (exit 0: nothing went wrong); named one by one, the same files are refused with an error that says why.
    @Test func walkingADirectoryTakesTheExportsAndSaysWhatItSkipped() throws {
        let directory = Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.corpora.appendingPathComponent("surveys/googleforms_es.csv").path,
                                         toPath: directory.appendingPathComponent("export.csv").path)
        try "Survey exports from the Q3 campaign.\nContact: cx@acme.example\n".write(to: directory.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
        try #"[{"id": 1, "tag": "billing"}, {"id": 2, "tag": "support"}]"#.write(to: directory.appendingPathComponent("tags.json"), atomically: true, encoding: .utf8)
        try "sepal_length,sepal_width,species\n5.1,3.5,setosa\n".write(to: directory.appendingPathComponent("iris.csv"), atomically: true, encoding: .utf8)
        try "Comment\nGreat support, thanks\nToo slow\n".write(to: directory.appendingPathComponent("phrases.txt"), atomically: true, encoding: .utf8)
        try Data([0x1F, 0x8B, 0x08, 0x00] + Array(repeating: UInt8(0), count: 16)).write(to: directory.appendingPathComponent("old.csv.gz"))
        try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: UInt8(0), count: 26)).write(to: directory.appendingPathComponent("q3.csv"))
        let store = VocProcess.temporaryStore()
        let walked = try VocProcess.run(["ingest", "--format", "ndjson", directory.path], store: store)
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(walked.stderr.isEmpty, "skipping is no error: \(walked.stderr)")
        let rows = walked.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let details = Dictionary(rows.compactMap { row in (row["file"] as? String).map { (($0 as NSString).lastPathComponent, row["detail"] as? String ?? "") } },
                                 uniquingKeysWith: { first, _ in first })
        #expect(details["tags.json"] == "skipped: not an export format (.json)")
        #expect(details["old.csv.gz"] == "skipped: not an export format (.gz)")
        #expect(details["q3.csv"] == "skipped: a ZIP archive (an Excel .xlsx or OpenDocument .ods workbook is one), not a text export")
        #expect(details["iris.csv"] == "skipped: no NPS, CSAT, CES or comment column")
        #expect(details["README.txt"] == "skipped: no NPS, CSAT, CES or comment column")
        #expect(details["phrases.txt"] == "skipped: no date, account or e-mail column to place its feedback")
        #expect(details["export.csv"]?.hasPrefix("google-forms") == true)
        #expect(rows.last?["read"] as? Int == 5 && rows.last?["accepted"] as? Int == 5, "only the export is read")

        for name in ["README.txt", "iris.csv"] {
            let named = try VocProcess.run(["ingest", directory.appendingPathComponent(name).path], store: store)
            #expect(named.status == 2)
            #expect(named.stderr.contains("\(name): no NPS, CSAT, CES or comment column among the headers"), "\(named.stderr)")
        }
        let gzip = try VocProcess.run(["ingest", directory.appendingPathComponent("old.csv.gz").path], store: store)
        #expect(gzip.status == 2 && gzip.stderr.contains("old.csv.gz: a gzip-compressed file, not a text export: decompress it first"), "\(gzip.stderr)")
        let workbook = try VocProcess.run(["inspect", directory.appendingPathComponent("q3.csv").path])
        #expect(workbook.status == 2 && workbook.stderr.contains("save the sheet as CSV"), "\(workbook.stderr)")
        let inspect = try VocProcess.run(["inspect", directory.appendingPathComponent("iris.csv").path])
        #expect(inspect.stdout.contains("feedback:    none (no NPS, CSAT, CES or comment column): voc ingest refuses this file"))
        // Named by the user, a column makes the same file feedback.
        let named = try VocProcess.run(["ingest", "--comment-column", "species", directory.appendingPathComponent("iris.csv").path], store: store)
        #expect(named.status == 0 && named.stdout.contains("read 1 = accepted 1"), "\(named.stdout)")
    }

    @Test func standardInputIsAFile() throws {
        let store = VocProcess.temporaryStore()
        let result = try VocProcess.run(["ingest", "-"], stdin: "Account,NPS\nACME,10\nACME,0\nACME,N/A\n", store: store)
        #expect(result.status == 0)
        #expect(result.stdout.contains("<stdin>"))
        let accounts = try VocProcess.run(["accounts", "--format", "json"], store: store)
        let rows = try JSONSerialization.jsonObject(with: Data(accounts.stdout.utf8)) as! [[String: Any]]
        let nps = rows.first?["nps"] as? [String: Any]
        #expect(nps?["score"] as? Double == 0)
        #expect(nps?["answered"] as? Int == 2)
        #expect(nps?["not_applicable"] as? Int == 1)
    }

    @Test func onePromoterAndTwoSkippedIsNPS100EndToEnd() throws {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest", "-"], stdin: "Account,NPS\nACME,9\nACME,\nACME,N/A\n", store: store)
        let accounts = try VocProcess.run(["accounts", "--format", "csv"], store: store)
        let row = accounts.stdout.split(separator: "\r\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(row[0] == "ACME")
        #expect(row[3] == "100.0")
        #expect(row[6] == "1")
    }

    @Test func usageErrorsExitWith64() throws {
        #expect(try VocProcess.run(["ingest", "--no-such-flag", "x.csv"]).status == 64)
        #expect(try VocProcess.run(["frobnicate"]).status == 64)
        #expect(try VocProcess.run(["ingest", "--delimiter", "#", "corpora/surveys/generic_en.csv"], store: VocProcess.temporaryStore()).status == 64)
    }

    @Test func verboseExplainsTheDetection() throws {
        let result = try VocProcess.run(["ingest", "--verbose", "corpora/surveys/qualtrics_es.csv"], store: VocProcess.temporaryStore())
        #expect(result.stderr.contains("dialect:    qualtrics: Qualtrics export: row 3 holds {\"ImportId\":…} descriptors"))
        #expect(result.stderr.contains("nps          'Q1'"))
        #expect(!result.stderr.contains("\r"), "no progress output when stderr is not a terminal")
    }
}

@Suite struct ReadingCommandTests {
    /// A store with every sample ingested, shared by the read-only tests below.
    static let store: String = {
        let path = VocProcess.temporaryStore()
        _ = try! VocProcess.run(["ingest"] + VocProcess.sampleSurveys, store: path)
        return path
    }()

    @Test func accountsTableShowsNPSWithIntervalsAndMarksSmallSamples() throws {
        let result = try VocProcess.run(["accounts"], store: Self.store)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ACCOUNT") == true)
        let initech = try #require(lines.first { $0.hasPrefix("IN-4004") })
        // 16 responses with NPS: 3 promoters, 3 passives, 9 detractors... as stored: -43.8 with its interval.
        #expect(initech.contains("Initech Iberia"))
        #expect(initech.contains("-43.8"))
        #expect(initech.contains("[-72.5, -1.2]"))
        #expect(lines.last == "* fewer than 10 answers: too few to judge (--min-n)")
    }

    @Test func accountDetailShowsSkippedAnswersAndLatestResponses() throws {
        let result = try VocProcess.run(["account", "GX-3003"], store: Self.store)
        #expect(result.status == 0)
        #expect(result.stdout.contains("NPS:       +36.4 (95% CI [-11.9, 69.0] around +28.6, n=11): 6 promoters, 3 passives, 2 detractors; 0 blank, 1 not applicable"))
        #expect(result.stdout.contains("Atención rápida y amable — ¡gracias!"))
        let missing = try VocProcess.run(["account", "NOPE"], store: Self.store)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no feedback for account 'NOPE'"))
    }

    @Test func quarantineListsReasonsAndHidesCustomerTextUnlessAsked() throws {
        let result = try VocProcess.run(["quarantine"], store: Self.store)
        #expect(result.status == 1)
        #expect(result.stdout.contains("8 quarantined records"))
        #expect(!result.stdout.contains("Half-way happy"))
        let shown = try VocProcess.run(["quarantine", "--show-values", "--reason", "non-integer-score"], store: Self.store)
        #expect(shown.stdout.contains("Half-way happy"))
        #expect(shown.stdout.contains("1 quarantined record"))
    }

    @Test func csvOutputIsFormulaSafe() throws {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest", "-"], stdin: "Account,Company,NPS\n=HYPERLINK(\"x\"),@SUM(A1),3\n", store: store)
        let result = try VocProcess.run(["accounts", "--format", "csv"], store: store)
        #expect(result.stdout.contains("\"'=HYPERLINK(\"\"x\"\")\",'@SUM(A1)"))
        #expect(result.stdout.contains(",-100.0,"), "negative numbers are not neutralized")
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(VocProcess.executable.path)' accounts --format ndjson --store '\(Self.store)' | head -c 1 >/dev/null; exit ${PIPESTATUS:-0}"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).isEmpty)
    }
}

@Suite struct MailAndXMLCommandTests {
    @Test func mailAndXMLAreSniffedAndTheStrippedTextIsInspectable() throws {
        let store = VocProcess.temporaryStore()
        let result = try VocProcess.run(["ingest", "corpora/email/support_inbox_es_pt_en.mbox", "corpora/xml"], store: store)
        #expect(result.status == 1, "the XML sample has quarantined records")
        #expect(result.stdout.contains("mbox"))
        #expect(result.stdout.contains("xml, records responses/response"))
        #expect(result.stdout.contains("read 12 = accepted 8 + quarantined 2 + skipped 2"))
        let account = try VocProcess.run(["account", "initech.es", "--show-quoted"], store: store)
        #expect(account.stdout.contains("  | > Hola Carmen, estamos revisando el caso."))
        let json = try VocProcess.run(["account", "initech.es", "--format", "json"], store: store)
        let detail = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let response = (detail["responses"] as! [[String: Any]])[0]
        #expect(response["subject"] as? String == "Atención ñandú")
        #expect((response["quoted"] as? String)?.hasSuffix("Initech Iberia") == true)
    }

    @Test func inspectingXMLAndMailHonoursTheOutputFormat() throws {
        let xml = try VocProcess.run(["inspect", "--format", "json", "corpora/xml/responses_es_pt.xml"])
        let inspection = try #require(try JSONSerialization.jsonObject(with: Data(xml.stdout.utf8)) as? [String: Any])
        #expect(inspection["format"] as? String == "xml")
        #expect(inspection["record_path"] as? String == "responses/response")
        #expect((inspection["mapping"] as? [[String: Any]])?.contains { $0["role"] as? String == "nps" } == true)
        #expect((inspection["counts"] as? [String: Any])?["read"] as? Int == 6)
        let csv = try VocProcess.run(["inspect", "--format", "csv", "corpora/xml/responses_es_pt.xml"])
        #expect(csv.stdout.hasPrefix("role,fields,reason\r\n"))
        let mail = try VocProcess.run(["inspect", "--format", "json", "corpora/email/support_inbox_es_pt_en.mbox"])
        let mailInspection = try #require(try JSONSerialization.jsonObject(with: Data(mail.stdout.utf8)) as? [String: Any])
        #expect(mailInspection["format"] as? String == "mbox")
        #expect((mailInspection["counts"] as? [String: Any])?["skipped"] as? Int == 2)
    }

    @Test func scoringOnSeveralThreadsStoresExactlyWhatOneThreadStores() throws {
        let generated = Fixtures.temporaryDirectory().appendingPathComponent("generated.csv").path
        #expect(try VocProcess.run(["generate", "--rows", "3000", "--seed", "3", "-o", generated]).status == 0)
        let files = VocProcess.sampleSurveys + ["corpora/email", "corpora/xml", "corpora/hostile", generated]
        var exports: [String] = []
        for jobs in ["1", "3"] {
            let store = VocProcess.temporaryStore()
            _ = try VocProcess.run(["ingest", "--jobs", jobs] + files, store: store)
            exports.append(try VocProcess.run(["export", "records", "--format", "ndjson"], store: store).stdout)
        }
        #expect(exports[0].split(separator: "\n").count > 3_000, "large enough a batch to be scored on several threads")
        #expect(exports[0] == exports[1])
    }
}
