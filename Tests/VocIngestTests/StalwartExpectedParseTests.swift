import Foundation
import Testing
@testable import VocIngest
import VocCore
import VocTestSupport

/// stalwartlabs/mail-parser ships its expected parse of every test message as JSON (`../shared/corpora/email/
/// stalwart_mail_parser`). Each message goes through voc, and the fields voc keeps are compared with that parse:
/// subject, sender address and name, Message-ID, date, and the text body when the message has a text/plain one.
@Suite struct StalwartExpectedParseTests {
    /// The expected parse of one message, reduced to the fields voc keeps.
    struct Expected {
        var subject: String?
        var address: String?
        var name: String?
        var messageID: String?
        var date: Date?
        /// The first text body part, when it is text/plain.
        var text: String?

        init?(json url: URL) {
            guard let data = try? Data(contentsOf: url),
                  let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let parts = root["parts"] as? [[String: Any]], let top = parts.first,
                  let headers = top["headers"] as? [[String: Any]] else { return nil }
            func header(_ name: String) -> [String: Any]? {
                headers.first { $0["name"] as? String == name }?["value"] as? [String: Any]
            }
            subject = header("subject")?["Text"] as? String
            messageID = header("message_id")?["Text"] as? String
            if let list = (header("from")?["Address"] as? [String: Any])?["List"] as? [[String: Any]], let first = list.first {
                address = (first["address"] as? String)?.lowercased()
                name = first["name"] as? String
            }
            if let stamp = header("date")?["DateTime"] as? [String: Any] { date = Self.date(stamp) }
            if let index = (root["text_body"] as? [Int])?.first, index < parts.count,
               let body = parts[index]["body"] as? [String: Any] {
                text = body["Text"] as? String
            }
        }

        private static func date(_ stamp: [String: Any]) -> Date? {
            var components = DateComponents()
            components.calendar = Calendar(identifier: .gregorian)
            components.year = stamp["year"] as? Int
            components.month = stamp["month"] as? Int
            components.day = stamp["day"] as? Int
            components.hour = stamp["hour"] as? Int
            components.minute = stamp["minute"] as? Int
            components.second = stamp["second"] as? Int
            let offset = ((stamp["tz_hour"] as? Int ?? 0) * 60 + (stamp["tz_minute"] as? Int ?? 0)) * 60
            components.timeZone = TimeZone(secondsFromGMT: stamp["tz_before_gmt"] as? Bool == true ? -offset : offset)
            return components.date
        }
    }

    static let messages: [URL] = Fixtures.sharedFiles("email/stalwart_mail_parser", extensions: ["eml"])
        .filter { FileManager.default.fileExists(atPath: $0.deletingPathExtension().appendingPathExtension("json").path) }

    /// Whitespace runs as one space: line-ending and trailing-space conventions are not what is compared.
    static func normalized(_ text: String?) -> String? {
        text.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Where voc parses differently on purpose, and why.
    static let knownDifferences: [String: String] = [
        "malformed/020.eml text": "the alternative's first part has no blank line after its headers; voc takes the HTML alternative, stalwart the raw rest of the body",
        "malformed/021.eml text": "the same malformed alternative as malformed/020",
        "malformed/005.eml text": "nested boundaries `a--` and `a----` are prefixes of each other (RFC 2046 forbids it): voc reads `--a----` as the outer closing line",
    ]

    /// Equal, where each U+FFFD of stalwart's (bytes it could not decode) stands for any one character: voc decodes
    /// undeclared 8-bit text as Windows-1252 instead of replacing it.
    static func matches(_ ours: String, _ theirs: String) -> Bool {
        let ours = Array(ours.unicodeScalars), theirs = Array(theirs.unicodeScalars)
        return ours.count == theirs.count && zip(ours, theirs).allSatisfy { $0 == $1 || $1 == "\u{FFFD}" }
    }

    @Test(.enabled(if: !messages.isEmpty, "../shared/corpora/email/stalwart_mail_parser is absent"))
    func fieldsAgreeWithTheExpectedParse() throws {
        var compared: [String: Int] = [:]
        var mismatches: [String] = []
        func compare<T: Equatable>(_ field: String, _ ours: T?, _ theirs: T?, _ file: String) {
            guard let theirs else { return }
            compared[field, default: 0] += 1
            if let ours = ours as? String, let theirs = theirs as? String, Self.matches(ours, theirs) { return }
            if ours != theirs && Self.knownDifferences["\(file) \(field)"] == nil {
                mismatches.append("\(file) \(field): voc \(String(describing: ours)) ≠ \(theirs)")
            }
        }
        for url in Self.messages {
            guard let expected = Expected(json: url.deletingPathExtension().appendingPathExtension("json")) else { continue }
            let file = url.pathComponents.suffix(2).joined(separator: "/")
            let result = try ingestMail(url.path)
            // The body is compared for every message, refused ones included: MIME parsing does not depend on it.
            let bytes = try Array(Data(contentsOf: url))
            let (headers, bodyOffset) = MailHeaders.parse(bytes)
            compare("text", Self.normalized(MIMEText.text(headers: headers, body: bytes[bodyOffset...])), Self.normalized(expected.text), file)
            #expect(result.counts.isBalanced && result.counts.read == 1, "\(file)")
            guard let record = result.events.first?.accepted else {
                // Only a MIME entity without any message header may be refused as "not an e-mail message".
                if case .quarantined(let refused)? = result.events.first, refused.reason == .malformedDocument,
                   expected.subject == nil, expected.address == nil, expected.messageID == nil, expected.date == nil {
                    compared["refused, no message header", default: 0] += 1
                } else {
                    mismatches.append("\(file): not accepted (\(String(describing: result.events.first)))")
                }
                continue
            }
            compare("subject", Self.normalized(record.subject), Self.normalized(expected.subject), file)
            compare("address", record.respondentEmail, expected.address, file)
            compare("name", Self.normalized(record.authorName), Self.normalized(expected.name), file)
            compare("message-id", record.responseID, expected.messageID, file)
            compare("date", record.submittedAt, expected.date, file)
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(compared.values.reduce(0, +) > 400, "fields compared: \(compared)")
    }
}
