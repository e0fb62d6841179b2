import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    public func replaceDirectory(_ accounts: [DirectoryAccount]) throws(VocError) {
        try write { db in
            try db.execute(sql: "DELETE FROM account_domain; DELETE FROM account")
            let account = try db.cachedStatement(sql: "INSERT INTO account (id, name, segment, arr, renewal_at, owner) VALUES (?, ?, ?, ?, ?, ?)")
            let domain = try db.cachedStatement(sql: "INSERT OR IGNORE INTO account_domain (domain, account_id) VALUES (?, ?)")
            for entry in accounts {
                try account.execute(arguments: [entry.id, entry.name, entry.segment, entry.arr, entry.renewal?.timeIntervalSince1970, entry.owner])
                for name in entry.domains { try domain.execute(arguments: [name, entry.id]) }
            }
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
