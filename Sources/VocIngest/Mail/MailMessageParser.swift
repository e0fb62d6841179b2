import Foundation
import VocCore

/// Turns one message split from an mbox (or one `.eml`) into an ingest event: accepted with the customer's own words
/// (quoted replies, forwards and signature stripped and kept aside), quarantined with its reason, or skipped when it
/// is an automatic reply or a bounce; a message from the team is kept for threading only. Holds no state, so messages
/// can be parsed on several threads at once.
struct MailMessageParser: Sendable {
    let file: String
    let vocabulary: ColumnVocabulary
    let stripper: ReplyStripper
    /// The team's own domains (lower-cased): their messages are replies, not feedback. Subdomains count too.
    var teamDomains: Set<String> = []

    /// - Parameter ordinal: the message's 1-based place in its file.
    func parse(_ message: MboxReader.Message, ordinal: Int) -> IngestEvent {
        let position = SourcePosition(file: file, line: message.line, byte: message.byteOffset, record: ordinal)
        if message.isTruncated {
            return .quarantined(QuarantinedRecord(reason: .recordTooLarge, position: position,
                                                  detail: "message is over \(MailIngester.maximumMessageBytes) bytes; its first 64 KiB are kept", raw: message.bytes, isTruncated: true))
        }
        // The mbox "From " line is skipped, not removed (a copy of every message).
        let bytes = Self.unquoteFromLines(message.bytes)
        let start = bytes.starts(with: MailHeaders.fromLine) ? bytes.firstIndex(of: 0x0A).map { $0 + 1 } ?? 0 : 0
        let (headers, headerBytes) = bytes.withUnsafeBufferPointer { MailHeaders.parse(UnsafeBufferPointer(rebasing: $0[start...])) }
        let bodyOffset = start + headerBytes
        guard Self.identifyingHeaders.contains(where: { headers.value($0) != nil }) else {
            return .quarantined(QuarantinedRecord(reason: .malformedDocument, position: position,
                                                  detail: "no From, Message-ID, Subject or Date header: not an e-mail message", raw: message.bytes))
        }
        if let reason = Self.automatic(headers) { return .skipped(reason, position) }

        let sender = Self.address(EncodedWords.decode(headers.value("from") ?? ""))
        let messageID = headers.value("message-id").map { $0.trimming(" <>") }.flatMap { $0.isEmpty ? nil : $0 }
        var hasher = StableHasher()
        hasher.combine("email")
        if let messageID { hasher.combine(messageID) } else { hasher.combine(message.bytes) }
        let key = hasher.finalizeHex()
        let subject = headers.value("subject").map(EncodedWords.decode).map { $0.trimmingSpaces }
        let sentAt = headers.value("date").flatMap { date in Array(date.utf8).withUnsafeBufferPointer(TimestampParser.parseRFC5322) }
        let references = Self.references(headers)
        // Addresses are never encoded words (RFC 2047 §5), so the list is read as it is.
        let to = headers.value("to") ?? ""
        if let address = sender.address, isTeam(address) {
            // Addressed to the customer: the first recipient outside the team.
            let customer = Self.firstAddress(in: to) { !isTeam($0) }
            return .teamMessage(MailEnvelope(key: key, messageID: messageID, references: references, subject: subject, sentAt: sentAt,
                                             sender: address, customerEmail: customer, accountID: customer.flatMap(accountKey),
                                             recipient: customer.map(party), fromTeam: true), position)
        }

        var record = FeedbackRecord(key: key, channel: .email, position: position)
        record.respondentEmail = sender.address
        record.authorName = sender.name
        record.subject = subject
        record.responseID = messageID
        record.thread = references.first
        record.submittedAt = sentAt
        record.accountID = sender.address.flatMap(accountKey)
        let text = MIMEText.text(headers: headers, body: bytes[bodyOffset...]) ?? ""
        let (own, stripped) = stripper.strip(text)
        record.comment = own.isEmpty ? nil : own
        record.quoted = stripped.isEmpty ? nil : stripped
        record.mail = MailEnvelope(key: key, messageID: messageID, references: references, subject: subject, sentAt: sentAt,
                                   sender: sender.address, customerEmail: sender.address, accountID: record.accountID,
                                   recipient: Self.firstAddress(in: to) { _ in true }.map(party), fromTeam: false)
        return .accepted(record)
    }

    private static let identifyingHeaders = ["from", "message-id", "subject", "date"]

    private func accountKey(_ email: String) -> String? { EmailDomain.accountKey(forEmail: email, freemail: vocabulary.freemailDomains) }

    /// Who an address stands for in a conversation: its account key, else (free mail) the address itself.
    private func party(_ email: String) -> String { accountKey(email) ?? email }

    /// Whether an address is at one of the team's domains or a subdomain of one.
    func isTeam(_ address: String) -> Bool {
        guard !teamDomains.isEmpty, var domain = EmailDomain.of(address) else { return false }
        while true {
            if teamDomains.contains(domain) { return true }
            guard let dot = domain.utf8.firstIndex(of: UInt8(ascii: ".")) else { return false }
            domain = String(domain[domain.utf8.index(after: dot)...])
        }
    }

    /// The Message-IDs a message answers, root first: References (RFC 5322 §3.6.4: the thread's root, then each
    /// parent), then In-Reply-To when References does not end with it. A hostile list is cut to the root and the
    /// last parents.
    static func references(_ headers: MailHeaders) -> [String] {
        // On the UTF-8 bytes: splitting a Character view cost a tenth of parsing a message.
        func ids(_ value: String?) -> [String] {
            (value ?? "").utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x2C || $0 == 0x3C || $0 == 0x3E })
                .map { String(Substring($0)) }
        }
        var references = ids(headers.value("references"))
        for parent in ids(headers.value("in-reply-to")) where references.last != parent && !references.contains(parent) { references.append(parent) }
        let limit = MailEnvelope.maximumReferences
        return references.count > limit ? [references[0]] + references.suffix(limit - 1) : references
    }

    /// The first address of an address list (`To: Ana <ana@acme.com>, "López, B" <b@x.com>`) that `accept`s,
    /// lower-cased: commas inside quotes or angle brackets do not separate. Read on the UTF-8 bytes, each part
    /// parsed only when the ones before it were not accepted.
    static func firstAddress(in list: String, where accept: (String) -> Bool) -> String? {
        let bytes = list.utf8
        var start = bytes.startIndex
        var quoted = false, angle = false
        var index = bytes.startIndex
        while true {
            let atEnd = index == bytes.endIndex
            if atEnd || (bytes[index] == UInt8(ascii: ",") && !quoted && !angle) {
                if let address = address(String(list[start..<index])).address, address.utf8.contains(UInt8(ascii: "@")), accept(address) {
                    return address
                }
                if atEnd { return nil }
                start = bytes.index(after: index)
            } else if bytes[index] == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted, bytes[index] == UInt8(ascii: "<") {
                angle = true
            } else if !quoted, bytes[index] == UInt8(ascii: ">") {
                angle = false
            }
            index = bytes.index(after: index)
        }
    }

    /// mboxrd/mboxo: a body line `>From ` (or `>>From `) was a `From ` line before it was stored; drop one `>`.
    private static let quotedFrom = Array(">From ".utf8)

    static func unquoteFromLines(_ bytes: [UInt8]) -> [UInt8] {
        // Most messages have no `>From ` at all: no copy for them.
        guard bytes.withUnsafeBufferPointer({ $0.firstOffset(of: quotedFrom) != nil }) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var atLineStart = true
        var index = 0
        while index < bytes.count {
            if atLineStart, bytes[index] == UInt8(ascii: ">") {
                var end = index
                while end < bytes.count, bytes[end] == UInt8(ascii: ">") { end += 1 }
                if bytes[end...].starts(with: MailHeaders.fromLine) {
                    index += 1
                    atLineStart = false
                    continue
                }
            }
            atLineStart = bytes[index] == 0x0A
            output.append(bytes[index])
            index += 1
        }
        return output
    }

    /// Auto-replies (RFC 3834 Auto-Submitted, X-Autoreply, vacation subjects) and bounces.
    static func automatic(_ headers: MailHeaders) -> SkipReason? {
        let from = headers.value("from")?.lowercasedByBytes() ?? ""
        if from.containsText("mailer-daemon") || from.containsText("postmaster@") { return .bounce }
        // The type is what precedes the first `;` (it has no quotes); the parameters are not needed here.
        if let contentType = headers.value("content-type"),
           contentType[..<(contentType.utf8.firstIndex(of: UInt8(ascii: ";")) ?? contentType.endIndex)].trimmingSpaces.lowercasedByBytes() == "multipart/report" {
            return .bounce
        }
        if let submitted = headers.value("auto-submitted")?.lowercasedByBytes(), submitted != "no" { return .autoReply }
        if headers.value("x-autoreply") != nil || headers.value("x-autorespond") != nil { return .autoReply }
        if let precedence = headers.value("precedence")?.lowercasedByBytes(), precedence == "auto_reply" { return .autoReply }
        return nil
    }

    /// `Ana López <ana@acme.com>`, `"López, Ana" <ana@acme.com>`, `ana@acme.com (Ana)` → address and name.
    static func address(_ text: String) -> (address: String?, name: String?) {
        let utf8 = text.utf8
        if let open = utf8.lastIndex(of: UInt8(ascii: "<")), let close = utf8[open...].firstIndex(of: UInt8(ascii: ">")) {
            let address = text[utf8.index(after: open)..<close].trimmingSpaces.lowercasedByBytes()
            let name = text[..<open].trimming(" \"")
            return (address.isEmpty ? nil : address, name.isEmpty ? nil : name)
        }
        let parts = text.split(separator: "(", maxSplits: 1)
        let address = parts.first.map { $0.trimmingSpaces.lowercasedByBytes() }
        let name = parts.count > 1 ? parts[1].trimming(" )") : nil
        guard let address, address.utf8.contains(UInt8(ascii: "@")) else {
            // `From: Customer Support`: a name without an address.
            let whole = text.trimming(" \"")
            return (nil, whole.isEmpty ? nil : whole)
        }
        return (address, name?.isEmpty == true ? nil : name)
    }
}
