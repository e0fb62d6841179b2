import Foundation
import VocCore

/// Defends against entity-expansion attacks without losing legitimate entities.
///
/// libxml2 is run without entity substitution and with every external entity refused, so it never expands
/// anything itself. This guard reads the internal subset's `<!ENTITY>` declarations, computes how large each
/// entity would expand (cycles included), refuses documents whose entities amplify past `maximumExpansion`
/// (billion laughs), and lets the reader substitute the small ones while counting the total it has substituted
/// (quadratic blow-up is refused when the total passes `maximumTotalExpansion`).
struct XMLEntityGuard {
    static let maximumExpansion = 1 << 20
    static let maximumTotalExpansion = 16 << 20
    /// An entity that grows more than this many times its own declaration, to more than `amplifiedSizeFloor`
    /// bytes, is an amplification attack (defusedxml's 10⁴× bomb grows 213× to 5 KiB; libxml2's good.xml 12×).
    static let maximumAmplification = 64
    static let amplifiedSizeFloor = 4096

    /// Expanded text of every internal general entity that passed the checks.
    private(set) var expansions: [String: String] = [:]
    private(set) var substituted = 0

    /// Reads the prologue (everything before the root element) and the head of the body (up to 4 MiB in all).
    init(prologue: [UInt8], head: [UInt8], file: String) throws(VocError) {
        let text = String(decoding: prologue, as: UTF8.self)
        guard let doctype = text.range(of: "<!DOCTYPE") else { return }
        var general: [String: String] = [:]
        var parameter: [String: String] = [:]
        var cursor = doctype.upperBound
        while let start = text.range(of: "<!ENTITY", range: cursor..<text.endIndex) {
            var rest = text[start.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
            let isParameter = rest.first == "%"
            if isParameter { rest = rest.dropFirst().drop { $0 == " " || $0 == "\n" || $0 == "\t" } }
            let name = String(rest.prefix { !" \t\r\n\"'>".contains($0) })
            rest = rest.dropFirst(name.count).drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
            var value = ""
            if let quote = rest.first, quote == "\"" || quote == "'" {
                value = String(rest.dropFirst().prefix { $0 != quote })
            }
            // SYSTEM/PUBLIC entities stay empty: they are never loaded.
            if isParameter { parameter[name] = value } else { general[name] = value }
            cursor = start.upperBound
        }
        var sizes: [String: Int] = [:]
        var visiting = Set<String>()
        func expandedSize(_ name: String, in table: [String: String], prefix: Character) throws(VocError) -> Int {
            let key = "\(prefix)\(name)"
            if let size = sizes[key] { return size }
            guard let value = table[name] else { return 0 }
            guard visiting.insert(key).inserted else {
                throw VocError(.invalidInput, "entity '\(name)' refers to itself: refused (entity-expansion attack)", at: SourcePosition(file: file))
            }
            var size = 0
            for reference in Self.references(in: value) {
                let isParameter = reference.first == "%"
                size += try expandedSize(String(reference.dropFirst()), in: isParameter ? parameter : general, prefix: isParameter ? "%" : "&")
                guard size <= Self.maximumExpansion else {
                    throw VocError(.invalidInput, "entity '\(name)' expands past \(Self.maximumExpansion) bytes: refused (entity-expansion attack)",
                                   at: SourcePosition(file: file))
                }
            }
            size += value.utf8.count
            visiting.remove(key)
            sizes[key] = size
            if size > Self.amplifiedSizeFloor, size > Self.maximumAmplification * max(1, value.utf8.count) {
                throw VocError(.invalidInput, "entity '\(name)' grows \(size / max(1, value.utf8.count))× to \(size) bytes: refused (entity-expansion attack)",
                               at: SourcePosition(file: file))
            }
            return size
        }
        for name in parameter.keys.sorted() { _ = try expandedSize(name, in: parameter, prefix: "%") }
        for name in general.keys.sorted() { _ = try expandedSize(name, in: general, prefix: "&") }
        for name in general.keys { expansions[name] = Self.expand(name, general) }
        // Quadratic blow-up: a large entity referenced many times. Count references in the head of the body.
        guard !general.isEmpty else { return }
        var total = 0
        for reference in Self.references(in: String(decoding: head, as: UTF8.self)) where reference.first == "&" {
            total += sizes["&" + reference.dropFirst()] ?? 0
            guard total <= Self.maximumTotalExpansion else {
                throw VocError(.invalidInput, "entity references expand past \(Self.maximumTotalExpansion) bytes: refused (quadratic blow-up)",
                               at: SourcePosition(file: file))
            }
        }
    }

    /// Records that `count` bytes of entity text were substituted; refuses quadratic blow-ups.
    mutating func substitute(_ name: String, file: String, line: Int) throws(VocError) -> String {
        let value = expansions[name] ?? ""
        substituted += value.utf8.count
        guard substituted <= Self.maximumTotalExpansion else {
            throw VocError(.invalidInput, "entity references expand past \(Self.maximumTotalExpansion) bytes in total: refused (quadratic blow-up)",
                           at: SourcePosition(file: file, line: line))
        }
        return value
    }

    /// `&name;` and `%name;` references in a literal (character references excluded).
    private static func references(in value: String) -> [String] {
        var result: [String] = []
        var index = value.startIndex
        while index < value.endIndex {
            let character = value[index]
            if character == "&" || character == "%", let end = value[index...].firstIndex(of: ";") {
                let name = value[value.index(after: index)..<end]
                if !name.isEmpty, !name.hasPrefix("#"), name.allSatisfy({ $0.isLetter || $0.isNumber || "._-:".contains($0) }) {
                    result.append("\(character)\(name)")
                    index = value.index(after: end)
                    continue
                }
            }
            index = value.index(after: index)
        }
        return result
    }

    /// The text of a general entity with its own references expanded (sizes were checked first).
    private static func expand(_ name: String, _ table: [String: String], depth: Int = 0) -> String {
        guard let value = table[name], depth < 32 else { return "" }
        var result = ""
        var index = value.startIndex
        while index < value.endIndex {
            if value[index] == "&", let end = value[index...].firstIndex(of: ";") {
                let inner = String(value[value.index(after: index)..<end])
                if table[inner] != nil {
                    result += expand(inner, table, depth: depth + 1)
                    index = value.index(after: end)
                    continue
                }
            }
            result.append(value[index])
            index = value.index(after: index)
        }
        return result
    }
}
