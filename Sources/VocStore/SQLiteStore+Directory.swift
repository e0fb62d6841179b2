public import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    public func replaceDirectory(_ accounts: [DirectoryAccount]) throws(VocError) {
        try write { db in try Self.replaceDirectory(accounts, in: db) }
    }

    private static func replaceDirectory(_ accounts: [DirectoryAccount], in db: Database) throws {
        try db.execute(sql: "DELETE FROM account_domain; DELETE FROM account")
        let account = try db.cachedStatement(sql: "INSERT INTO account (id, name, segment, arr, renewal_at, owner) VALUES (?, ?, ?, ?, ?, ?)")
        let domain = try db.cachedStatement(sql: "INSERT OR IGNORE INTO account_domain (domain, account_id) VALUES (?, ?)")
        for entry in accounts {
            try account.execute(arguments: [entry.id, entry.name, entry.segment, entry.arr, entry.renewal?.timeIntervalSince1970, entry.owner])
            for name in entry.domains { try domain.execute(arguments: [name, entry.id]) }
        }
    }

    public func importSnapshot(_ accounts: [DirectoryAccount], asOf date: Date) throws(VocError) -> Bool {
        try write { db in
            let day = date.timeIntervalSince1970
            try db.execute(sql: "DELETE FROM account_snapshot WHERE as_of = ?", arguments: [day])
            let insert = try db.cachedStatement(sql: "INSERT INTO account_snapshot (\(StoreSQL.snapshotColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for entry in accounts {
                try insert.execute(arguments: [day, entry.id, entry.name, entry.segment, entry.arr, entry.renewal?.timeIntervalSince1970, entry.owner,
                                               entry.status?.rawValue, entry.snapshotDomains])
            }
            guard try Double.fetchOne(db, sql: "SELECT MAX(as_of) FROM account_snapshot") ?? day <= day else { return false }
            try Self.replaceDirectory(accounts, in: db)
            return true
        }
    }

    public func snapshots() throws(VocError) -> [AccountSnapshot] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT \(StoreSQL.snapshotColumns) FROM account_snapshot ORDER BY as_of, id").map { row in
                (row[0] as Double, DirectoryAccount(snapshotRow: row[1], name: row[2], segment: row[3], arr: row[4], renewal: row[5], owner: row[6], status: row[7],
                                                    domains: row[8]))
            }
            return AccountSnapshot.grouped(rows)
        }
    }

    public func directory() throws(VocError) -> [DirectoryAccount] {
        try read { db in
            var domains: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT domain, account_id FROM account_domain ORDER BY domain") {
                domains[row["account_id"], default: []].append(row["domain"])
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY id").map { row in
                DirectoryAccount(id: row["id"], name: row["name"], domains: domains[row["id"]] ?? [], segment: row["segment"], arr: row["arr"],
                                 renewal: (row["renewal_at"] as Double?).map(Date.init(timeIntervalSince1970:)), owner: row["owner"])
            }
        }
    }
}
