import Foundation
public import VocCore

/// The kinds of input voc reads, recognized from their first bytes rather than their file names.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv, xml, mbox, eml

    /// Sniffs a file: `<` → XML, `From ` → mbox, RFC 5322 header lines → one e-mail, anything else → CSV.
    public static func sniff(path: String) throws(VocError) -> InputFormat {
        if path == "-" { return .csv }
        var source = try FileDescriptorSource(path: path)
        var head = try readPrefix(of: &source, count: 4096)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        let text = String(decoding: head.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }, as: UTF8.self)
        if text.hasPrefix("<") { return .xml }
        if text.hasPrefix("From ") { return .mbox }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        if let colon = firstLine.firstIndex(of: ":"), colon > firstLine.startIndex,
           firstLine[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
           text.range(of: "\nFrom:", options: .caseInsensitive) != nil || firstLine.lowercased().hasPrefix("from:")
            || ["received", "return-path", "message-id", "date", "subject", "mime-version", "delivered-to", "to", "x-"].contains(where: { firstLine.lowercased().hasPrefix($0) }) {
            return .eml
        }
        return .csv
    }

    /// The files to read for the given arguments: files as given, directories walked (sorted, hidden files skipped).
    public static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  let walker = FileManager.default.enumerator(atPath: path) else {
                files.append(path)
                continue
            }
            var found: [String] = []
            while let entry = walker.nextObject() as? String {
                let full = (path as NSString).appendingPathComponent(entry)
                var entryIsDirectory: ObjCBool = false
                if entry.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                if FileManager.default.fileExists(atPath: full, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue { found.append(full) }
            }
            files += found.sorted()
        }
        return files
    }
}
