import GRDB
import GRDBSQLite

/// The store's journal: a write-ahead log, except while a bulk load fills an empty store.
///
/// A bulk load only appends, and with a rollback journal SQLite writes appended pages once, to the file; through the
/// write-ahead log it writes them twice, to the log and then to the file at each checkpoint. Batches of 16,384 rows
/// copied within SQLite (`INSERT … SELECT`, 600k rows, sqlite3 shell): WAL 2.19-2.38 s, rollback journal 1.69-1.90 s,
/// the same with `synchronous = FULL` 1.69-1.72 s; `voc ingest` of the 600k-row file 4.54-5.28 → 4.10-4.62 s, system
/// time 0.84-0.90 → 0.48-0.62 s. A crash mid-load leaves a hot journal, which the next open rolls back as always.
///
/// Changing the journal needs the file to itself: when another connection holds it (a second ingest, the dashboard),
/// the store stays in the mode it is in, which both connections can use, and the next open or run switches it.
enum JournalMode: String {
    case writeAheadLog = "wal"
    case rollback = "delete"

    /// Full syncs with the rollback journal, which can corrupt the file on power loss with less; the log's
    /// checkpoints make `NORMAL` safe.
    var synchronous: String { self == .writeAheadLog ? "NORMAL" : "FULL" }

    /// Switches `db` (outside any transaction) to this mode unless another connection prevents it right now.
    func apply(to db: Database) throws {
        if try String.fetchOne(db, sql: "PRAGMA journal_mode") != rawValue {
            // Without waiting: another process's lock lasts as long as its whole ingest, longer than any timeout.
            sqlite3_busy_timeout(db.sqliteConnection, 0)
            defer { sqlite3_busy_timeout(db.sqliteConnection, Int32(SQLiteStore.busyTimeout * 1000)) }
            do {
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = \(rawValue)")
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
                // Stay in the current mode.
            }
        }
        let current = try String.fetchOne(db, sql: "PRAGMA journal_mode")
        try db.execute(sql: "PRAGMA synchronous = \((JournalMode(rawValue: current ?? "") ?? self).synchronous)")
    }
}
