import Foundation
public import VocCore

/// Separates what the customer wrote from quoted replies, forwarded blocks and signatures, in English, Spanish and
/// Portuguese (markers in `lexicons/<lang>/reply-markers.tsv`). The stripped parts are kept for inspection.
public struct ReplyStripper: Sendable {
    struct Attribution: Sendable {
        var prefix: String
        var suffix: String
    }

    private var attributions: [Attribution] = []
    private var headers: [String] = []
    private var separators: [String] = []
    private var signatures: [String] = []

    public static func load(from directory: LexiconDirectory) throws(VocError) -> ReplyStripper {
        var stripper = ReplyStripper()
        for language in LexiconDirectory.languages {
            let table = try directory.table("reply-markers.tsv", language: language)
            for row in table.rows {
                let text = row.columns.count > 1 ? row.columns[1].lowercased() : ""
                switch row.columns[0] {
                case "attribution" where row.columns.count == 3: stripper.attributions.append(Attribution(prefix: text, suffix: row.columns[2].lowercased()))
                case "header" where !text.isEmpty: stripper.headers.append(text)
                case "separator" where !text.isEmpty: stripper.separators.append(text)
                case "signature" where !text.isEmpty: stripper.signatures.append(text)
                default: throw table.error("expected attribution|header|separator|signature with its text", row: row)
                }
            }
        }
        return stripper
    }

    /// The customer's own text and what was stripped (quoted replies, forwards, signature).
    public func strip(_ text: String) -> (own: String, stripped: String) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cut = lines.count
        for index in lines.indices where startsQuote(lines, at: index) {
            cut = index
            break
        }
        var own = Array(lines[..<cut])
        var stripped = Array(lines[cut...])
        // Signature: "-- " or a signature phrase in the last lines of what remains.
        let tail = max(0, own.count - 8)
        if let signature = own.indices.reversed().first(where: { index in
            index >= tail && (own[index] == "-- " || own[index] == "--" || signatures.contains { own[index].trimmingCharacters(in: .whitespaces).lowercased().hasPrefix($0) })
        }) {
            stripped = Array(own[signature...]) + stripped
            own.removeLast(own.count - signature)
        }
        return (own.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines),
                stripped.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func startsQuote(_ lines: [String], at index: Int) -> Bool {
        let line = lines[index].trimmingCharacters(in: .whitespaces)
        let lower = line.lowercased()
        if lower.isEmpty { return false }
        if separators.contains(where: { lower.contains($0) }) { return true }
        let joined = index + 1 < lines.count ? lower + " " + lines[index + 1].trimmingCharacters(in: .whitespaces).lowercased() : lower
        for attribution in attributions where lower.hasPrefix(attribution.prefix + " ") {
            if lower.hasSuffix(attribution.suffix) || joined.hasSuffix(attribution.suffix) { return true }
        }
        if let own = headers.first(where: { lower.hasPrefix($0) }) {
            let following = lines[(index + 1)..<min(lines.count, index + 6)].map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if following.contains(where: { next in headers.contains { $0 != own && next.hasPrefix($0) } }) { return true }
        }
        if line.hasPrefix(">") {
            // A quoted block: the rest is mostly quoted lines.
            let rest = lines[index...].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let quoted = rest.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix(">") }.count
            return quoted * 2 >= rest.count
        }
        return false
    }
}
