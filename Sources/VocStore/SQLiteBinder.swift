import GRDB
import GRDBSQLite

/// Binds one row's values straight onto a prepared statement with the SQLite C API and steps it.
///
/// Used for bulk inserts only: GRDB's `StatementArguments` boxes every value in an existential array, which
/// measured 30 % of ingest time (callgrind, 30k-row survey file); statement preparation, transactions and
/// everything else stay with GRDB.
struct SQLiteBinder {
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    let statement: SQLiteStatement
    let connection: SQLiteConnection
    private var index: Int32 = 0

    init(_ statement: Statement, in db: Database) {
        self.statement = statement.sqliteStatement
        self.connection = db.sqliteConnection!
    }

    mutating func bind(_ value: String?) {
        index += 1
        guard var value else { sqlite3_bind_null(statement, index); return }
        value.withUTF8 { bytes in
            _ = sqlite3_bind_text(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    mutating func bind(_ value: Int?) {
        index += 1
        guard let value else { sqlite3_bind_null(statement, index); return }
        sqlite3_bind_int64(statement, index, Int64(value))
    }

    mutating func bind(_ value: Double?) {
        index += 1
        guard let value else { sqlite3_bind_null(statement, index); return }
        sqlite3_bind_double(statement, index, value)
    }

    mutating func bind(_ value: Bool?) {
        bind(value.map { $0 ? 1 : 0 } as Int?)
    }

    mutating func bind(_ value: [UInt8]) {
        index += 1
        value.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    /// Runs the statement with the bound values; returns the number of rows it changed. Resets it for the next row.
    mutating func step() throws -> Int {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            index = 0
        }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
        return Int(sqlite3_changes(connection))
    }
}
