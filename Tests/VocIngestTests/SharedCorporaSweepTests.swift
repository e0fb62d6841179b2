import Foundation
import Testing
@testable import VocIngest
import VocCore
import VocTestSupport

/// Every file of `../shared/corpora` outside `email/` (swept by `MailIngesterTests`), whatever its format, through the
/// same entry point as `voc ingest`: it is read to the end or refused with an error naming it, every record is
/// accepted, quarantined or skipped, and no file takes more than 10 s.
@Suite struct SharedCorporaSweepTests {
    static let files: [URL] = {
        guard let root = Fixtures.sharedCorpora,
              let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .filter { !$0.path.contains("/corpora/email/") }
            .sorted { $0.path < $1.path }
    }()

    /// No file may hang the reader: the time limit fails the test instead of stalling CI (it is not a speed check).
    @Test(.enabled(if: !files.isEmpty, "../shared/corpora is absent"), .timeLimit(.minutes(5)))
    func everyFileIsReadOrRefusedAndEveryRecordAccountedFor() throws {
        var read = 0, refused = 0
        for file in Self.files {
            do throws(VocError) {
                var source = try RecordSources.open(path: file.path, vocabulary: vocabulary, stripper: stripper)
                var events = 0
                while try source.next() != nil { events += 1 }
                #expect(source.counts.isBalanced, "\(file.path)")
                #expect(source.counts.read == events, "\(file.path)")
                read += 1
            } catch {
                #expect(error.position?.file == file.path, "an error names its file: \(error)")
                refused += 1
            }
        }
        #expect(read + refused == Self.files.count)
        #expect(read > Self.files.count / 2, "most shared files are ingestible: \(read) read, \(refused) refused")
    }
}
