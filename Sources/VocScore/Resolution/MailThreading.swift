import Foundation
import VocCore

/// Groups e-mail messages into threads: by Message-ID, References and In-Reply-To (two messages are in one thread
/// when either names the other, or both name a common message, stored or not), and, for a message that names none,
/// by its normalized subject (`subjectKey`): it joins the latest thread between the same two parties (sender and
/// recipient, either way round) with that subject whose last message is at most `subjectWindow` earlier. Undated
/// messages are left out: nothing can be said of their order.
public struct MailThreading: Sendable {
    /// How long after a thread's last message a message naming no other still joins it by subject.
    public var subjectWindow: Double

    public init(subjectWindow: Double = 7 * 86_400) { self.subjectWindow = subjectWindow }

    /// The threads of the log's messages sent on or before `asOf`, each in time order (then by key), in the order of
    /// their first message: positions in `log`.
    func threads(_ log: MailLog, through asOf: Date = .distantFuture) -> [[Int]] {
        let cutoff = asOf.timeIntervalSince1970
        let entries = log.entries
        var dated = entries.indices.filter { entries[$0].sentAt <= cutoff }
        dated.sort { (entries[$0].sentAt, entries[$0].key) < (entries[$1].sentAt, entries[$1].key) }
        var links = UnionFind()
        var bySubject: [UInt64: (node: Int, last: Double)] = [:]
        var nodes: [Int] = []
        nodes.reserveCapacity(dated.count)
        for position in dated {
            let entry = entries[position]
            let node = links.node(entry.id)
            nodes.append(node)
            for reference in log.references(of: entry) { links.union(node, links.node(reference)) }
            guard entry.subject != 0 else { continue }
            if entry.referenceCount == 0, let earlier = bySubject[entry.subject], entry.sentAt - earlier.last <= subjectWindow {
                links.union(node, earlier.node)
            }
            bySubject[entry.subject] = (node, entry.sentAt)
        }
        var threads: [Int: Int] = [:]
        var grouped: [[Int]] = []
        for (position, node) in zip(dated, nodes) {
            let root = links.find(node)
            if let index = threads[root] {
                grouped[index].append(position)
            } else {
                threads[root] = grouped.count
                grouped.append([position])
            }
        }
        return grouped
    }

    /// Who the message is about: the customer's account key, else address (a free-mail customer).
    static func customer(of message: MailEnvelope) -> String? { message.accountID ?? message.customerEmail }

    /// The two sides of a message, in byte order: its sender's (the team's domain for a team message) and its
    /// recipient's. A reply has the same two as the message it answers, whether or not the team's domains were named.
    static func parties(of message: MailEnvelope) -> String? {
        let sender = message.fromTeam ? message.sender.flatMap(EmailDomain.of) : customer(of: message)
        guard let sender, let recipient = message.recipient else { return nil }
        return sender.utf8.lexicographicallyPrecedes(recipient.utf8) ? sender + " " + recipient : recipient + " " + sender
    }

    /// The subject without reply and forward prefixes (`Re:`, `RE[2]:`, `Fwd:`, `RV:`, `Res:`, `Enc:`, `AW:`, …),
    /// lower-cased, its spaces collapsed; nil when nothing is left. On the UTF-8 bytes: every stored message's
    /// subject is keyed each time threads are read (a Character walk was a quarter of the threading).
    public static func subjectKey(_ subject: String?) -> String? {
        guard let subject else { return nil }
        var bytes = Array(subject.utf8)
        if bytes.contains(where: { $0 >= 0x80 }) {
            bytes = Array(subject.lowercased().utf8)
        } else {
            for index in bytes.indices where bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z") { bytes[index] += 32 }
        }
        var words = bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })[...]
        while let first = words.first, let colon = first.firstIndex(of: UInt8(ascii: ":")) {
            let prefix = first[..<(first[..<colon].firstIndex { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "(") } ?? colon)]
            guard replyPrefixes.contains(where: { $0.elementsEqual(prefix) }) else { break }
            let rest = first[(colon + 1)...]
            if rest.isEmpty { words = words.dropFirst() } else { words[words.startIndex] = rest }
        }
        guard !words.isEmpty else { return nil }
        return String(decoding: Array(words.joined(separator: [0x20])), as: UTF8.self)
    }

    /// Reply and forward markers in English, Spanish, Portuguese and the mail clients' other languages met in
    /// support inboxes.
    static let replyPrefixes: [[UInt8]] = ["re", "fw", "fwd", "rv", "res", "resp", "enc", "aw", "wg", "tr", "sv", "vs", "ref"].map { Array($0.utf8) }
}

/// Disjoint sets of message ids (their hashes), with path halving.
private struct UnionFind {
    private var parent: [Int] = []
    private var ids: [UInt64: Int] = [:]

    mutating func node(_ id: UInt64) -> Int {
        if let node = ids[id] { return node }
        parent.append(parent.count)
        ids[id] = parent.count - 1
        return parent.count - 1
    }

    mutating func find(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (rootA, rootB) = (find(a), find(b))
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}
