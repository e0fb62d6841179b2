import Foundation
import PostgresNIO
public import VocCore

extension PostgresStore {
    public func replaceDirectory(_ accounts: [DirectoryAccount]) async throws(VocError) {
        try await transaction { connection, logger in
            try await connection.query("DELETE FROM account_domain", logger: logger)
            try await connection.query("DELETE FROM account", logger: logger)
            for start in stride(from: 0, to: accounts.count, by: Self.batchRows) {
                let batch = accounts[start..<min(start + Self.batchRows, accounts.count)]
                var binds = PostgresBindings()
                for account in batch {
                    binds.append(account.id)
                    binds.append(account.name)
                    binds.append(account.segment)
                    binds.append(account.arr)
                    binds.append(account.renewal?.timeIntervalSince1970)
                    binds.append(account.owner)
                }
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
