import Foundation
public import VocCore

/// Which accounts a key-driver or theme analysis covers: every account, one, or those of a directory segment or CSM (owner),
/// compared without regard to case or accents.
public struct DriverScope: Sendable, Hashable {
    public var account: String?
    public var segment: String?
    public var owner: String?

    public init(account: String? = nil, segment: String? = nil, owner: String? = nil) {
        self.account = account
        self.segment = segment
        self.owner = owner
    }

    /// Whether the scope covers the account of `tally` (the feedback matched to no account is in the portfolio only).
    public func includes(_ tally: AccountTally, directory: [String: DirectoryAccount]) -> Bool {
        includes(account: tally.accountID, directory: directory)
    }

    /// Whether the scope covers `id`, a directory account or stored account key (nil: feedback matched to none).
    public func includes(account id: String?, directory: [String: DirectoryAccount]) -> Bool {
        if account == nil, segment == nil, owner == nil { return true }
        guard let id else { return false }
        if let account, id != account { return false }
        let entry = directory[id]
        let same = { (wanted: String?, have: String?) in
            wanted.map { have?.compare($0, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame } ?? true
        }
        return same(segment, entry?.segment) && same(owner, entry?.owner)
    }

    /// `portfolio`, or the filters: `account NW-1001`, `segment Enterprise · CSM Ana`.
    public var description: String {
        let parts = [account.map { "account \($0)" }, segment.map { "segment \($0)" }, owner.map { "CSM \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "portfolio" : parts.joined(separator: " · ")
    }
}
