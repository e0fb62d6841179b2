import Foundation

/// Matching a path the user types against a source path as it was stored at ingest (`corpora/surveys/x.csv`).
enum SourcePath {
    /// Whether `given` names the stored file: the same path, a trailing part of it by whole components
    /// (`x.csv`, `surveys/x.csv`), or, resolved from the current directory, the same absolute path.
    static func matches(stored: String, given: String) -> Bool {
        if stored == given { return true }
        let storedParts = components(stored), givenParts = components(given)
        if !given.hasPrefix("/"), !givenParts.isEmpty, storedParts.count >= givenParts.count, Array(storedParts.suffix(givenParts.count)) == givenParts {
            return true
        }
        return absolute(stored) == absolute(given)
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init).filter { $0 != "." }
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL.path
    }
}
