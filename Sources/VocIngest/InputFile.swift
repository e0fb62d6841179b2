import Foundation

/// One file to ingest: named on the command line, or found by walking a directory.
///
/// A named file is always read, and an error in it is an error. A file met while walking is read only when it looks
/// like an export: a data extension, a readable format, and (checked when it is opened) a feedback column and a
/// column that dates it or names its account. Anything else in the folder, a README, a JSON file, a phrase list, a
/// labelled text set, is reported as skipped with the reason, so `voc ingest exports/` takes what it should and says
/// what it left.
public struct InputFile: Sendable, Hashable {
    public var path: String
    /// Found by walking a directory rather than named.
    public var walked: Bool

    public init(path: String, walked: Bool) {
        self.path = path
        self.walked = walked
    }

    /// Extensions of the formats voc reads; files without one are sniffed.
    static let dataExtensions: Set<String> = ["csv", "tsv", "tab", "txt", "psv", "xml", "mbox", "mbx", "eml", "msg", ""]

    /// Why a walked file is not read, judged from its name; nil when it may be an export.
    public var skipReason: String? {
        guard walked else { return nil }
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        guard Self.dataExtensions.contains(ext) else { return "not an export format (.\(ext))" }
        return nil
    }

    /// The files to read for the given arguments: files as given, directories walked (sorted, hidden files and
    /// folders skipped).
    public static func expand(_ paths: [String]) -> [InputFile] {
        var files: [InputFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  let walker = FileManager.default.enumerator(atPath: path) else {
                files.append(InputFile(path: path, walked: false))
                continue
            }
            var found: [String] = []
            while let entry = walker.nextObject() as? String {
                let full = (path as NSString).appendingPathComponent(entry)
                var entryIsDirectory: ObjCBool = false
                if entry.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                if FileManager.default.fileExists(atPath: full, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue { found.append(full) }
            }
            files += found.sorted().map { InputFile(path: $0, walked: true) }
        }
        return files
    }
}
