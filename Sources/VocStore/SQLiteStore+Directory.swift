public import Foundation
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

    public func recordNewAlerts(_ alerts: [Alert], at date: Date, deliver: @escaping @Sendable ([Alert]) throws -> Void) throws(VocError) -> [Alert] {
        try write { db in
            var sequence = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM alert") ?? 0
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO alert (id, kind, account_id, reason, record_key, occurred_at, emitted_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var fresh: [Alert] = []
            for alert in alerts {
                sequence += 1
                try insert.execute(arguments: [alert.id, alert.kind.rawValue, alert.account, alert.reason, alert.recordKey,
                                               alert.occurredAt?.timeIntervalSince1970, date.timeIntervalSince1970, sequence])
                if db.changesCount > 0 { fresh.append(alert) }
            }
            try deliver(fresh)
            return fresh
        }
    }

    public func emittedAlerts() throws(VocError) -> [Alert] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM alert ORDER BY seq").map { row in
                Alert(id: row["id"], kind: Alert.Kind(rawValue: row["kind"]) ?? .detractor, account: row["account_id"], reason: row["reason"],
                      recordKey: row["record_key"], occurredAt: (row["occurred_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
    }
}
