import Foundation
public import VocCore

extension StoreSQL {
    /// The snapshot table's columns, in the order both stores write and read them (`domains`: space-separated).
    public static let snapshotColumns = "as_of, id, name, segment, arr, renewal_at, owner, status, domains"
}

extension DirectoryAccount {
    /// An account of a stored snapshot (an unknown status reads as none: active).
    public init(snapshotRow id: String, name: String?, segment: String?, arr: Double?, renewal: Double?, owner: String?, status: String?,
                domains: String?) {
        self.init(id: id, name: name, domains: (domains ?? "").split(separator: " ").map(String.init), segment: segment, arr: arr,
                  renewal: renewal.map(Date.init(timeIntervalSince1970:)), owner: owner, status: status.flatMap(AccountStatus.init(rawValue:)))
    }

    /// The domains as the snapshot table keeps them.
    public var snapshotDomains: String? { domains.isEmpty ? nil : domains.joined(separator: " ") }
}

extension AccountSnapshot {
    /// Snapshot rows (day, account) in day order grouped into snapshots.
    public static func grouped(_ rows: [(Double, DirectoryAccount)]) -> [AccountSnapshot] {
        var snapshots: [AccountSnapshot] = []
        for (day, account) in rows {
            let date = Date(timeIntervalSince1970: day)
            if snapshots.last?.date != date { snapshots.append(AccountSnapshot(date: date, accounts: [])) }
            snapshots[snapshots.count - 1].accounts.append(account)
        }
        return snapshots
    }
}
