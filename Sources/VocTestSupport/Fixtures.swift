public import Foundation
import Synchronization
public import VocCore

/// Paths and helpers shared by the test targets.
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The project's own sample inputs.
    public static let corpora = repositoryRoot.appendingPathComponent("corpora")

    public static let lexicons = LexiconDirectory(root: repositoryRoot.appendingPathComponent("lexicons"))

    /// `../shared/corpora` (third-party evaluation data), or nil when it is absent: tests using it then skip.
    public static let sharedCorpora: URL? = {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// The files below `relativePath` of the shared corpora with one of `extensions`, sorted; empty when absent.
    public static func sharedFiles(_ relativePath: String, extensions: Set<String>) -> [URL] {
        guard let root = sharedCorpora?.appendingPathComponent(relativePath),
              let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    /// A new empty directory for one test's files, removed with all the others when the test process exits.
    public static func temporaryDirectory() -> URL {
        // Short names: a PostgreSQL test server puts its socket in here, and socket paths end at 107 bytes.
        let url = temporaryRoot.appendingPathComponent(String(directoriesMade.withLock { $0 += 1; return $0 }))
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        return url
    }

    private static let directoriesMade = Mutex(0)

    /// This test process's directory under the system temporary directory, removed when the process exits (a full
    /// test run left several hundred directories of stores and inputs behind before).
    private static let temporaryRoot: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("voc-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Fixtures.temporaryRoot) }
        return url
    }()

    /// Writes `bytes` to a new temporary file named `name` and returns its path.
    @discardableResult
    public static func write(_ bytes: [UInt8], name: String = "input.csv") -> String {
        let url = temporaryDirectory().appendingPathComponent(name)
        try! Data(bytes).write(to: url)
        return url.path
    }

    public static func write(_ text: String, name: String = "input.csv") -> String {
        write(Array(text.utf8), name: name)
    }
}
