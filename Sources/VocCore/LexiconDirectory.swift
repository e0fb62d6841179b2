public import Foundation

/// The `lexicons/` data directory: per-language word lists and tables that voc reads at run time.
///
/// Language data is never compiled in. The directory is found, in order, from an explicit path,
/// the `VOC_LEXICONS` environment variable, the folders above the running executable
/// (a checkout's `.build/…/voc`), `../share/voc/lexicons` beside an installed binary (`make install`), and `./lexicons`.
public struct LexiconDirectory: Sendable {
    /// The languages every language-dependent feature supports; each has its own sub-folder.
    public static let languages = ["en", "es", "pt"]

    public let root: URL

    public init(root: URL) { self.root = root }

    public static func locate(explicit: String? = nil) throws(VocError) -> LexiconDirectory {
        var candidates: [URL] = []
        if let explicit { candidates.append(URL(fileURLWithPath: explicit)) }
        if let env = ProcessInfo.processInfo.environment["VOC_LEXICONS"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        // The executable's real location (found on PATH, argv[0] is only `voc`), symbolic links resolved.
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "."
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent("lexicons"))
            candidates.append(folder.appendingPathComponent("share/voc/lexicons"))
            folder.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("lexicons"))
        for candidate in candidates where Self.looksValid(candidate) {
            return LexiconDirectory(root: candidate)
        }
        throw VocError(.lexiconMissing, "cannot find the lexicons/ data directory; pass --lexicons DIR or set VOC_LEXICONS")
    }

    private static func looksValid(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("en/columns.tsv").path)
    }

    /// The data lines of `<language>/<name>` (or `<name>` when `language` is nil), without comments and blank lines.
    public func table(_ name: String, language: String? = nil) throws(VocError) -> LexiconTable {
        let url = language.map { root.appendingPathComponent($0).appendingPathComponent(name) } ?? root.appendingPathComponent(name)
        return try LexiconTable(contentsOf: url)
    }
}

/// A parsed lexicon data file: TAB-separated columns, `#` comment lines, each row knowing its line number.
public struct LexiconTable: Sendable {
    public struct Row: Sendable {
        public let line: Int
        public let columns: [String]
    }

    public let path: String
    public let rows: [Row]

    public init(contentsOf url: URL) throws(VocError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw VocError(.lexiconMissing, "cannot read lexicon file", at: SourcePosition(file: url.path), cause: error)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VocError(.lexiconMissing, "lexicon file is not UTF-8", at: SourcePosition(file: url.path))
        }
        try self.init(path: url.path, text: text)
    }

    public init(path: String, text: String) throws(VocError) {
        self.path = path
        var rows: [Row] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            rows.append(Row(line: index + 1, columns: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
        }
        self.rows = rows
    }

    /// An error pointing at one row of this file.
    public func error(_ message: String, row: Row) -> VocError {
        VocError(.lexiconMissing, message, at: SourcePosition(file: path, line: row.line))
    }
}
