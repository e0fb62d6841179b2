import Dispatch
import Foundation
import GRDB
import Synchronization
import Testing
import VocTestSupport

/// Nothing lost, nothing duplicated, nothing corrupted: `voc ingest` killed mid-run, run concurrently on one SQLite
/// file, and fed hostile text.
@Suite(.serialized) struct ReliabilityTests {
    /// Records and quarantined records stored, counted through the CLI.
    static func stored(_ store: String) throws -> (records: [String], quarantined: Int) {
        let records = try VocProcess.run(["export", "records", "--format", "ndjson"], store: store).stdout.split(separator: "\n")
            .map { line in (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["key"] as? String ?? "" }
        let quarantined = try VocProcess.run(["quarantine", "--format", "ndjson"], store: store).stdout.split(separator: "\n").count
        return (records, quarantined)
    }

    static func integrity(_ store: String) throws -> String {
        try DatabaseQueue(path: store).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" }
    }

    static func summary(_ outcome: VocProcess.Outcome) throws -> [String: Any] {
        let last = try #require(outcome.stdout.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
    }

    /// Runs logged in the store so far (0 while the store does not exist yet).
    static func loggedRuns(_ store: String) -> Int {
        guard FileManager.default.fileExists(atPath: store),
              let queue = try? DatabaseQueue(path: store, configuration: { var c = Configuration(); c.readonly = true; c.busyMode = .timeout(5); return c }()) else { return 0 }
        return (try? queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM ingest_run") }) ?? 0
    }

    /// Starts `voc ingest`, waits until its run is in the ingest log (however long the start-up takes on a busy
    /// machine), then kills it with SIGKILL `delay` seconds later unless it finished first.
    /// Returns whether the run was killed.
    @discardableResult
    static func ingestKilled(after delay: Double, file: String, store: String) throws -> Bool {
        let runsBefore = loggedRuns(store)
        let process = Process()
        process.executableURL = VocProcess.executable
        process.arguments = ["ingest", file, "--store", store]
        process.currentDirectoryURL = Fixtures.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        while loggedRuns(store) == runsBefore {
            if exited.wait(timeout: .now() + 0.02) == .success { return false }
        }
        if exited.wait(timeout: .now() + delay) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            return true
        }
        return false
    }

    @Test func killedIngestsLeaveWholeBatchesAndARerunCompletesExactlyOnce() throws {
        let directory = Fixtures.temporaryDirectory()
        let input = directory.appendingPathComponent("surveys.csv").path
        let store = directory.appendingPathComponent("voc.sqlite").path
        #expect(try VocProcess.run(["generate", "--rows", "60000", "--seed", "8", "--broken", "0.002", "-o", input]).status == 0)
        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<4 {
            let killed = try Self.ingestKilled(after: Double.random(in: 0.0...3.0, using: &generator), file: input, store: store)
            #expect(try Self.integrity(store) == "ok", "after kill \(attempt)")
            let rollups = try VocProcess.run(["rollups"], store: store)
            #expect(rollups.status == 0, "the rollups of a killed run's batches are kept with them: \(rollups.stdout)")
            let log = try #require(try JSONSerialization.jsonObject(with: Data(VocProcess.run(["runs", "--format", "json"], store: store).stdout.utf8)) as? [[String: Any]])
            #expect(log.count == attempt + 1)
            let latest = try #require(log.first)
            if attempt == 0 && killed {
                let (records, quarantined) = try Self.stored(store)
                #expect((records.count + quarantined) % 16_384 == 0, "a killed run leaves only whole batches: \(records.count) + \(quarantined)")
                #expect(latest["stored_records"] as? Int == records.count, "the log says what the killed run stored")
            }
            if latest["status"] as? String == "unfinished" {
                #expect((latest["files"] as? [Any])?.isEmpty == true, "a killed run completed no file")
            }
        }
        let complete = try VocProcess.run(["ingest", "--format", "ndjson", input], store: store)
        #expect(complete.status == 1, "the generated file has broken rows, so the run ends with findings")
        let summary = try Self.summary(complete)
        let (records, quarantined) = try Self.stored(store)
        #expect(records.count == summary["accepted"] as? Int, "every accepted record stored")
        #expect(Set(records).count == records.count, "and stored once")
        #expect(quarantined == summary["quarantined"] as? Int)
        #expect((summary["read"] as? Int) == 60_000)
        #expect(try Self.integrity(store) == "ok")
    }

    @Test func twoIngestsOnOneSQLiteFileBothSucceedAndStoreEachRecordOnce() throws {
        let store = VocProcess.temporaryStore()
        let reference = VocProcess.temporaryStore()
        let files = VocProcess.sampleSurveys + ["corpora/email/support_inbox_es_pt_en.mbox", "corpora/xml/responses_es_pt.xml"]
        let expected = try Self.summary(VocProcess.run(["ingest", "--format", "ndjson"] + files, store: reference))
        let outcomes = Mutex<[(status: Int32, stderr: String)]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let subset = index == 0 ? files : files.reversed()
            let outcome = try? VocProcess.run(["ingest"] + subset, store: store)
            outcomes.withLock { $0.append((outcome?.status ?? -1, outcome?.stderr ?? "did not run")) }
        }
        for outcome in outcomes.withLock({ $0 }) {
            #expect(outcome.status == 0 || outcome.status == 1, "neither run fails (one waits for the other): \(outcome.stderr)")
        }
        let (records, quarantined) = try Self.stored(store)
        #expect(records.count == expected["accepted"] as? Int)
        #expect(Set(records).count == records.count)
        #expect(quarantined == expected["quarantined"] as? Int)
        #expect(try Self.integrity(store) == "ok")
        #expect(try VocProcess.run(["rollups"], store: store).status == 0, "two writers' rollups add up to the records")
    }

    @Test func hostileTextIsAccountedForAndNeverCrashes() throws {
        let header = "Response ID,Account ID,Email,Submitted At,NPS,Comments\n"
        var bytes = Array(header.utf8)
        func row(_ id: String, _ comment: [UInt8]) {
            bytes += Array("\(id),ACME,a@acme.example,2024-03-01,7,\"".utf8) + comment + Array("\"\n".utf8)
        }
        row("invalid-utf8", Array("bad ".utf8) + [0xFF, 0xFE, 0x80] + Array(" bytes".utf8))
        row("overlong", Array("slash ".utf8) + [0xC0, 0xAF] + Array(" and NUL ".utf8) + [0xE0, 0x80, 0xAF])
        row("nul", Array("before".utf8) + [0x00] + Array("after, great support".utf8))
        row("bidi", Array("\u{202E}terrible\u{202C} \u{2066}service\u{2069} \u{200F}".utf8))
        row("one-megabyte-word", Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
        row("emoji-flood", Array(String(repeating: "😡👍🏽👨‍👩‍👧‍👦", count: 20_000).utf8))
        row("combining-flood", Array(("e" + String(repeating: "\u{0301}", count: 100_000)).utf8))
        row("markup", Array("<img src=x onerror=alert(1)> &#0; &#x110000; &bogus; <!-- <script> -->".utf8))
        row("plain", Array("Muy buen soporte, gracias".utf8))
        let file = Fixtures.write(bytes, name: "hostile.csv")
        let result = try VocProcess.run(["ingest", "--format", "ndjson", file], store: VocProcess.temporaryStore())
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        let summary = try Self.summary(result)
        #expect(summary["read"] as? Int == 9)
        let accepted = summary["accepted"] as? Int ?? 0, quarantined = summary["quarantined"] as? Int ?? 0, skipped = summary["skipped"] as? Int ?? 0
        #expect(accepted + quarantined + skipped == 9, "every record accounted for")
        #expect(accepted >= 6, "only undecodable records may be quarantined: \(accepted) accepted")

        let texts = ["\u{202E}terrible\u{202C}", String(repeating: "a", count: 1_000_000), String(repeating: "😡", count: 100_000),
                     "before\u{0}after", "e" + String(repeating: "\u{0301}", count: 100_000), "no me gustó nada"]
        let sentiment = try VocProcess.run(["sentiment", "--format", "ndjson", "-"], stdin: texts.joined(separator: "\n") + "\n")
        #expect(sentiment.status == 0, "\(sentiment.stderr)")
        #expect(sentiment.stdout.split(separator: "\n").count == texts.count)
    }
}
