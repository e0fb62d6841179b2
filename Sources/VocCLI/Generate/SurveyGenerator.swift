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

    /// Streams the file to `handle` in about 1 MiB writes.
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
