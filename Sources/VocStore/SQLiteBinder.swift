import GRDB
import GRDBSQLite

/// Binds one row's values straight onto a prepared statement with the SQLite C API and steps it.
///
/// Used for bulk inserts only: GRDB's `StatementArguments` boxes every value in an existential array, which
/// measured 30 % of ingest time (callgrind, 30k-row survey file); statement preparation, transactions and
/// everything else stay with GRDB.
///
/// A row's text and blobs are copied one after another into a scratch buffer that SQLite reads in place
/// (`SQLITE_STATIC`) until the row is stepped. Bound as `SQLITE_TRANSIENT`, each value was copied by SQLite into a
/// buffer of its own, allocated and freed under SQLite's global memory-statistics mutex: 7 % of the writer thread
/// (perf of a 600k-row ingest).
struct SQLiteBinder: StoreRowSink, ~Copyable {
    let statement: SQLiteStatement
    let connection: SQLiteConnection
    private var index: Int32 = 0
    private var scratch: UnsafeMutableRawBufferPointer
    private var used = 0
    /// Scratch buffers outgrown during the current row, still read by its bindings until it is stepped.
    private var outgrown: [UnsafeMutableRawBufferPointer] = []

    init(_ statement: Statement, in db: Database) {
        self.statement = statement.sqliteStatement
        self.connection = db.sqliteConnection!
        scratch = .allocate(byteCount: 16 << 10, alignment: 8)
    }

    deinit {
        // The statement stays in GRDB's cache: leave no binding pointing into the scratch buffer.
        sqlite3_clear_bindings(statement)
        scratch.deallocate()
        for buffer in outgrown { buffer.deallocate() }
    }

    mutating func put(_ value: String?, _ column: some StoreColumn) {
        index += 1
        guard var value else { sqlite3_bind_null(statement, index); return }
        value.withUTF8 { bytes in
            let copy = keep(UnsafeRawBufferPointer(bytes))
            _ = sqlite3_bind_text(statement, index, copy.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
        }
    }

    mutating func put(_ value: Int?, _ column: some StoreColumn) {
        index += 1
        guard let value else { sqlite3_bind_null(statement, index); return }
        sqlite3_bind_int64(statement, index, Int64(value))
    }

    /// Binds `value` at `column`'s place in the row being put, over what was put there: SQLite's part tables name their
    /// record by its row id where both stores' columns have its key (`SQLiteStore.partColumns`).
    mutating func replace(_ column: some StoreColumn, with value: Int) {
        sqlite3_bind_int64(statement, Int32(column.rawValue) + 1, Int64(value))
    }

    mutating func put(_ value: Double?, _ column: some StoreColumn) {
        index += 1
        guard let value else { sqlite3_bind_null(statement, index); return }
        sqlite3_bind_double(statement, index, value)
    }

    mutating func put(_ value: Bool?, _ column: some StoreColumn) {
        put(value.map { $0 ? 1 : 0 } as Int?, column)
    }

    /// A blob, never NULL (an empty one is a zero-length blob).
    mutating func put(_ value: [UInt8], _ column: some StoreColumn) {
        index += 1
        value.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(statement, index, keep(bytes), Int32(bytes.count), nil)
        }
    }

    /// Copies `bytes` into the scratch buffer, where they stay until the row is stepped; returns where.
    private mutating func keep(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawPointer {
        if scratch.count - used < bytes.count {
            outgrown.append(scratch)
            scratch = .allocate(byteCount: max(2 * scratch.count, bytes.count), alignment: 8)
            used = 0
        }
        let start = scratch.baseAddress! + used
        if let source = bytes.baseAddress { start.copyMemory(from: source, byteCount: bytes.count) }
        used += bytes.count
        return UnsafeRawPointer(start)
    }

    /// Runs the statement with the bound values; returns the number of rows it changed. Resets it for the next row,
    /// which binds every parameter again.
    mutating func step() throws -> Int {
        defer {
            sqlite3_reset(statement)
            index = 0
            used = 0
            for buffer in outgrown { buffer.deallocate() }
            outgrown.removeAll(keepingCapacity: true)
        }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
        return Int(sqlite3_changes(connection))
    }
}
