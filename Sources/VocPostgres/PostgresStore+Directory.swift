public import Foundation
import PostgresNIO
public import VocCore
import VocStore

extension PostgresStore {
    public func replaceDirectory(_ accounts: [DirectoryAccount]) async throws(VocError) {
        try await transaction { connection, logger in try await Self.replaceDirectory(accounts, on: connection, logger: logger) }
    }

    public func importSnapshot(_ accounts: [DirectoryAccount], asOf date: Date) async throws(VocError) -> Bool {
        try await transaction { connection, logger in
            let day = date.timeIntervalSince1970
            try await connection.query("DELETE FROM account_snapshot WHERE as_of = \(day)", logger: logger)
            for start in stride(from: 0, to: accounts.count, by: Self.batchRows) {
                let batch = accounts[start..<min(start + Self.batchRows, accounts.count)]
                var binds = PostgresBindings()
                for account in batch {
                    binds.append(day)
                    Self.bind(account, to: &binds)
                    binds.append(account.status?.rawValue)
                    binds.append(account.snapshotDomains)
                }
                let columns = StoreSQL.snapshotColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                try await connection.query(PostgresQuery(unsafeSQL: Self.insertSQL("account_snapshot", columns, rows: batch.count, onConflict: nil), binds: binds),
                                           logger: logger)
            }
            var latest = day
            for try await value in try await connection.query("SELECT MAX(as_of) FROM account_snapshot", logger: logger).decode(Double?.self) {
                latest = value ?? day
            }
            guard latest <= day else { return false }
            try await Self.replaceDirectory(accounts, on: connection, logger: logger)
            return true
        }
    }

    public func snapshots() async throws(VocError) -> [AccountSnapshot] {
        try await run { connection, logger in
            var rows: [(Double, DirectoryAccount)] = []
            let query = PostgresQuery(unsafeSQL: "SELECT \(StoreSQL.snapshotColumns) FROM account_snapshot ORDER BY as_of, id")
            for try await (day, id, name, segment, arr, renewal, owner, status, domains) in try await connection.query(query, logger: logger)
                .decode((Double, String, String?, String?, Double?, Double?, String?, String?, String?).self) {
                rows.append((day, DirectoryAccount(snapshotRow: id, name: name, segment: segment, arr: arr, renewal: renewal, owner: owner, status: status,
                                                   domains: domains)))
            }
            return AccountSnapshot.grouped(rows)
        }
    }

    private static func replaceDirectory(_ accounts: [DirectoryAccount], on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM account_domain", logger: logger)
        try await connection.query("DELETE FROM account", logger: logger)
        for start in stride(from: 0, to: accounts.count, by: Self.batchRows) {
            let batch = accounts[start..<min(start + Self.batchRows, accounts.count)]
            var binds = PostgresBindings()
            for account in batch { bind(account, to: &binds) }
            try await connection.query(PostgresQuery(unsafeSQL: Self.insertSQL("account", ["id", "name", "segment", "arr", "renewal_at", "owner"],
                                                                               rows: batch.count), binds: binds), logger: logger)
        }
        let domains = accounts.flatMap { account in account.domains.map { ($0, account.id) } }
        for start in stride(from: 0, to: domains.count, by: Self.batchRows) {
            let batch = domains[start..<min(start + Self.batchRows, domains.count)]
            var binds = PostgresBindings()
            for (domain, account) in batch {
                binds.append(domain)
                binds.append(account)
            }
            try await connection.query(PostgresQuery(unsafeSQL: Self.insertSQL("account_domain", ["domain", "account_id"], rows: batch.count), binds: binds),
                                       logger: logger)
        }
    }

    /// An account's id, name, segment, ARR, renewal and owner, in the order both account tables declare them.
    private static func bind(_ account: DirectoryAccount, to binds: inout PostgresBindings) {
        binds.append(account.id)
        binds.append(account.name)
        binds.append(account.segment)
        binds.append(account.arr)
        binds.append(account.renewal?.timeIntervalSince1970)
        binds.append(account.owner)
    }

    public func directory() async throws(VocError) -> [DirectoryAccount] {
        try await run { connection, logger in
            var domains: [String: [String]] = [:]
            for try await (domain, account) in try await connection.query("SELECT domain, account_id FROM account_domain ORDER BY domain", logger: logger)
                .decode((String, String).self) {
                domains[account, default: []].append(domain)
            }
            var accounts: [DirectoryAccount] = []
            for try await (id, name, segment, arr, renewal, owner) in try await connection.query(
                "SELECT id, name, segment, arr, renewal_at, owner FROM account ORDER BY id", logger: logger)
                .decode((String, String?, String?, Double?, Double?, String?).self) {
                accounts.append(DirectoryAccount(id: id, name: name, domains: domains[id] ?? [], segment: segment, arr: arr,
                                                 renewal: renewal.map(Date.init(timeIntervalSince1970:)), owner: owner))
            }
            return accounts
        }
    }
}
