public import Foundation
import VocCore
import VocScore

/// The dashboard's drivers page: the key drivers of the portfolio or of a segment's or CSM's accounts (all time, from
/// the rollups), each with the accounts that mention it most, whose comments it links to.
public struct DriverList: Sendable, Encodable {
    public var type = "drivers"
    public var asOf: Date
    public var query: DriverQuery
    /// As `voc drivers --format json` prints it.
    public var analysis: DriverReport
    /// As `voc drivers --by aspect --format json` prints it; nil when no response of the scope rated an aspect.
    public var aspects: DriverReport?
    public var accounts: [DriverAccounts]
    /// The values the filters can take.
    public var segments: [String]
    public var owners: [String]

    /// How many accounts are listed per driver.
    public static let accountsShown = 5
}

/// The accounts whose responses mention one driver (rated the aspect unfavourably) most.
public struct DriverAccounts: Sendable, Encodable {
    public var kind: String
    public var driver: String
    /// The aspect's question; nil for a topic or signal.
    public var question: String?
    public var accounts: [DriverAccount]

    /// What tells drivers apart: kind, question and name.
    static func key(kind: String, question: String?, driver: String) -> String { [kind, question ?? "", driver].joined(separator: "\u{1F}") }

    var key: String { Self.key(kind: kind, question: question, driver: driver) }
}

/// An account's mentions of one driver, and the NPS among them.
public struct DriverAccount: Sendable, Encodable {
    public var account: String
    public var name: String?
    public var mentions: Int
    public var npsWith: Double?

    /// The accounts among `tallies` that mention `label`, most mentions first (ties by id), at most `limit`.
    static func top(_ label: RollupLabel, among tallies: [AccountTally], limit: Int) -> [DriverAccount] {
        tallies.compactMap { tally in
            guard let id = tally.accountID, let mentions = tally.labels[label] else { return nil }
            return DriverAccount(account: id, name: tally.accountName, mentions: mentions.records, npsWith: NPSResult(mentions.signals.nps).score)
        }
        .sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.account < $1.account }
        .prefix(limit).map { $0 }
    }
}

extension KeyDriver {
    /// The comment filter that lists the responses mentioning it; nil for an aspect, which comments do not mention.
    var commentFilter: CommentQuery? {
        switch kind {
        case .topic: CommentQuery(topic: driver)
        case .signal: CommentQuery(signal: CommentSignal(rawValue: driver))
        case .aspect: nil
        }
    }

    /// Its key among `DriverAccounts`.
    var accountsKey: String { DriverAccounts.key(kind: kind.rawValue, question: aspect?.question, driver: driver) }
}
