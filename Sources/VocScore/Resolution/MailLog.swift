import Foundation
public import VocCore

/// The dated e-mail messages of a store in the compact form threading reads: ids, references and subjects as 64-bit
/// stable hashes, parties and addresses interned. Appended one message at a time as the store streams them, so a
/// million messages take about a hundred bytes each instead of every envelope's strings (923 MB for `voc accounts` on
/// 1,085,197 messages when the envelopes were held; BENCHMARKS.md). Hash collisions among a million ids: odds about
/// 10⁻⁸.
public struct MailLog: Sendable {
    struct Entry: Sendable {
        var sentAt: Double
        /// The Message-ID's hash (else the store key's), and the key's, which orders messages of the same instant.
        var id: UInt64
        var key: UInt64
        /// The message's references in `references`.
        var firstReference: Int32
        var referenceCount: Int32
        /// The hash of its parties and subject key (`MailThreading.parties`, `subjectKey`); 0 without either.
        var subject: UInt64
        /// Interned: who wrote it, for telling the customer's messages from replies (the customer's account key, else
        /// address, else the sender); its account key and customer address, for the contact.
        var party: Int32
        var account: Int32
        var email: Int32
        var fromTeam: Bool
        var stillUnresolved: Bool
    }

    private(set) var entries: [Entry] = []
    private(set) var references: [UInt64] = []
    private var strings: [String] = []
    private var stringIndex: [String: Int32] = [:]

    public init() {}

    public init(_ messages: some Sequence<MailEnvelope>) {
        for message in messages { append(message) }
    }

    /// Adds a message; an undated one is left out (nothing can be said of its order).
    public mutating func append(_ message: MailEnvelope) {
        guard let sentAt = message.sentAt else { return }
        let subject = MailThreading.subjectKey(message.subject).flatMap { key in MailThreading.parties(of: message).map { $0 + "\u{1F}" + key } }
        let account = intern(message.accountID), email = intern(message.customerEmail)
        // `MailThreading.customer(of:)`, else the sender, without a third look-up.
        let party = account >= 0 ? account : email >= 0 ? email : intern(message.sender)
        entries.append(Entry(sentAt: sentAt.timeIntervalSince1970, id: Self.hash(message.messageID.map { "id:" + $0 } ?? "key:" + message.key),
                             key: Self.hash(message.key), firstReference: Int32(references.count), referenceCount: Int32(message.references.count),
                             subject: subject.map(Self.hash) ?? 0, party: party, account: account, email: email, fromTeam: message.fromTeam,
                             stillUnresolved: message.stillUnresolved))
        for reference in message.references { references.append(Self.hash("id:" + reference)) }
    }

    var count: Int { entries.count }

    func string(_ index: Int32) -> String? { index >= 0 ? strings[Int(index)] : nil }

    func references(of entry: Entry) -> ArraySlice<UInt64> {
        references[Int(entry.firstReference)..<Int(entry.firstReference + entry.referenceCount)]
    }

    private mutating func intern(_ string: String?) -> Int32 {
        guard let string else { return -1 }
        if let index = stringIndex[string] { return index }
        strings.append(string)
        stringIndex[string] = Int32(strings.count - 1)
        return Int32(strings.count - 1)
    }

    /// 64-bit FNV-1a: stable across runs (Swift's `Hasher` is seeded per process, and the key's hash orders messages
    /// of one instant), and a 64-bit multiply per byte where `StableHasher` does a 128-bit one.
    private static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
