import Foundation
import VocCore

/// Writes a realistic survey export of any size, deterministically from a seed: accounts with their
/// e-mail domains, NPS/CSAT/CES answers with skipped and N/A ones, comments in English, Spanish and Portuguese
/// (from `corpora/generator/<lang>.txt`), and optionally a share of broken rows to exercise the quarantine.
struct SurveyGenerator {
    var rows: Int
    var accounts: Int
    var seed: UInt64
    /// Share of rows made invalid (fractional, out-of-scale, bad date, ragged), 0…1.
    var brokenShare: Double
    var phrases: [String: [String]]

    static let header = "Response ID,Account ID,Company,Email,Submitted At,How likely are you to recommend Acme to a colleague? (0-10),"
        + "How satisfied are you with our support? (1-5),How easy was it to solve your problem? (1-7),Language,Comments\n"

    static func loadPhrases(corpora: URL) throws -> [String: [String]] {
        var phrases: [String: [String]] = [:]
        for language in LexiconDirectory.languages {
            let table = try LexiconTable(contentsOf: corpora.appendingPathComponent("generator/\(language).txt"))
            phrases[language] = table.rows.map { $0.columns.joined(separator: "\t") }
        }
        return phrases
    }

    /// The same synthetic responses as an mbox (one message per row, Spanish/Portuguese/English bodies, quoted
    /// replies and signatures to strip, some quoted-printable) or an XML export (`responses/response`).
    func write(to handle: FileHandle, format: GeneratedFormat) throws {
        guard format != .csv else { return try write(to: handle) }
        var random = SplitMix64(seed: seed)
        var buffer = format == .xml ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<responses>\n" : ""
        let languages = LexiconDirectory.languages
        let start = 1_704_067_200
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for row in stride(from: 1, through: rows, by: 1) {
            let account = Int.random(in: 1...accounts, using: &random)
            let language = languages[Int.random(in: 0..<languages.count, using: &random)]
            let bank = phrases[language]!
            let comment = (0..<Int.random(in: 1...3, using: &random)).map { _ in bank[Int.random(in: 0..<bank.count, using: &random)] }.joined(separator: " ")
            let seconds = start + Int.random(in: 0..<31_536_000, using: &random)
            let nps = Int.random(in: 0...10, using: &random)
            let day = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date(timeIntervalSince1970: Double(seconds)))
            switch format {
            case .xml:
                let escaped = comment.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                buffer += "  <response id=\"R\(row)\" account=\"ACC-\(account)\" submitted=\"\(day.year!)-\(day.month! < 10 ? "0" : "")\(day.month!)-\(day.day! < 10 ? "0" : "")\(day.day!)T10:00:00Z\">\n    <email>user\(row % 997)@account\(account).example</email>\n"
                    + "    <nps>\(nps)</nps>\n    <comment>\(escaped)</comment>\n  </response>\n"
            default:
                let stamp = "\(day.day!) \(months[day.month! - 1]) \(day.year!) 10:00:00 +0000"
                buffer += "From user\(row % 997)@account\(account).example Mon Jan  1 00:00:00 2024\n"
                    + "From: User \(row) <user\(row % 997)@account\(account).example>\nTo: support@acme.example\n"
                    + "Subject: Re: =?UTF-8?Q?Encuesta_de_satisfacci=C3=B3n?=\nDate: \(stamp)\nMessage-ID: <m\(row)@account\(account).example>\n"
                    + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
                    + "\(comment)\n\nOn Mon, 1 Jan 2024 at 09:00, Acme Support <support@acme.example> wrote:\n> How did we do?\n> Please reply.\n\n-- \nUser \(row)\n\n"
            }
            if buffer.utf8.count >= 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if format == .xml { buffer += "</responses>\n" }
        handle.write(Data(buffer.utf8))
    }

    /// Streams the CSV file to `handle` in about 1 MiB writes.
    func write(to handle: FileHandle) throws {
        var random = SplitMix64(seed: seed)
        var buffer = Self.header
        let languages = LexiconDirectory.languages
        let start = 1_704_067_200 // 2024-01-01T00:00:00Z
        let formatter = ISO8601DateFormatter()
        for row in stride(from: 1, through: rows, by: 1) {
            let account = Int.random(in: 1...accounts, using: &random)
            let language = languages[Int.random(in: 0..<languages.count, using: &random)]
            let date = formatter.string(from: Date(timeIntervalSince1970: Double(start + Int.random(in: 0..<31_536_000, using: &random))))
            let mood = Double.random(in: 0..<1, using: &random)
            let nps = mood < 0.03 ? "" : mood < 0.04 ? "N/A" : "\(min(10, Int(mood * 11.5)))"
            let csat = mood < 0.05 ? "" : "\(1 + min(4, Int(mood * 5.2)))"
            let ces = "\(1 + min(6, Int(Double.random(in: 0..<1, using: &random) * 3 + mood * 4.5)))"
            let bank = phrases[language]!
            let comment = (0..<Int.random(in: 1...3, using: &random)).map { _ in bank[Int.random(in: 0..<bank.count, using: &random)] }.joined(separator: " ")
            var line = "R\(row),ACC-\(account),Account \(account) \(language.uppercased()),user\(row % 997)@account\(account).example,\(date),\(nps),\(csat),\(ces),\(language),\"\(comment)\"\n"
            if Double.random(in: 0..<1, using: &random) < brokenShare {
                line = Self.broken(row: row, account: account, kind: Int.random(in: 0..<4, using: &random))
            }
            buffer += line
            if buffer.utf8.count >= 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer.utf8))
    }

    private static func broken(row: Int, account: Int, kind: Int) -> String {
        let prefix = "R\(row),ACC-\(account),Account \(account),user@account\(account).example,"
        switch kind {
        case 0: return prefix + "2024-05-01,6.5,4,5,en,Fractional score\n"
        case 1: return prefix + "2024-05-01,11,4,5,en,Out of scale\n"
        case 2: return prefix + "31/02/2024,9,4,5,en,Impossible date\n"
        default: return prefix + "2024-05-01,9,4\n"
        }
    }
}

/// What `voc generate` writes.
enum GeneratedFormat: String, CaseIterable {
    case csv, mbox, xml
}
