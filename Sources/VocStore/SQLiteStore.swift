import CSQLiteTuning
import Foundation
import GRDB
public import Logging
public import VocCore

/// The embedded store: one SQLite file (WAL mode; see `JournalMode` for bulk loads), schema by named migrations, idempotent writes.
///
/// Records are keyed by their source id or content hash, so re-ingesting a file stores nothing new.
/// Writers batch many records per transaction; concurrent writers wait for each other (busy timeout).
public final class SQLiteStore: FeedbackStore {
    let queue: DatabaseQueue
    public let path: String
    public var location: String { path }
    /// How long a statement waits for another process's lock before failing.
    static let busyTimeout: TimeInterval = 60
    /// SQLite's memory statistics, off before the first connection opens: every allocation SQLite made took their
    /// global mutex (600k-row ingest: 3.65-3.79 → 3.50-3.66 s, 6.1-6.4 → 5.95-6.15 s of CPU).
    private static let memoryStatisticsOff: Void = { _ = voc_sqlite_disable_memory_statistics() }()

    /// Opens (creating and migrating if needed) the store at `path`.
    public init(path: String, logger: Logger = Logger(label: "voc.store")) throws(VocError) {
        _ = Self.memoryStatisticsOff
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.prepareDatabase { db in try JournalMode.writeAheadLog.apply(to: db) }
        do {
            queue = try Self.openMigrated(path: path, configuration: configuration)
        } catch {
            throw VocError(.store, "cannot open the store", at: SourcePosition(file: path), cause: Self.describe(error))
        }
        try ensureAccountIndex()
        logger.debug("store opened", metadata: ["store.path": "\(path)"])
    }

    /// Opens the file and applies the pending migrations, trying again while another process holds the lock.
    ///
    /// Two processes opening a new store at once race twice: running a migration needs the write lock, and SQLite
    /// answers "database is locked" at once instead of waiting when waiting could deadlock (a read transaction
    /// upgrading to a write one); and both can see a migration as pending (GRDB reads the applied list before the
    /// migration's transaction), so the loser's transaction fails and is rolled back ("duplicate column name").
    /// Either way the next attempt finds the work done. Busy errors are retried for as long as the busy timeout would
    /// have waited; any other error five times. (Switching the new file to WAL does not wait for the lock: `JournalMode`.)
    private static func openMigrated(path: String, configuration: Configuration) throws -> DatabaseQueue {
        let deadline = ContinuousClock.now + .seconds(busyTimeout)
        var attempt = 0
        while true {
            attempt += 1
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                try StoreSchema.migrator(location: path).migrate(queue)
                try buildMissingRollups(queue, location: path)
                return queue
            } catch {
                let isBusy = (error as? DatabaseError).map { [.SQLITE_BUSY, .SQLITE_LOCKED].contains($0.resultCode) } ?? false
                guard isBusy ? ContinuousClock.now < deadline : attempt < 5 else { throw error }
                // Jittered, so that two processes that collided do not collide again.
                usleep(UInt32.random(in: 20_000...100_000) * UInt32(min(attempt, 5)))
            }
        }
    }

    /// Runs `body` in a write transaction, mapping database errors to `VocError`.
    func write<T>(_ body: @escaping @Sendable (Database) throws -> T) throws(VocError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw VocError(.store, "write failed", at: SourcePosition(file: path), cause: Self.describe(error))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(VocError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw VocError(.store, "read failed", at: SourcePosition(file: path), cause: Self.describe(error))
        }
    }

    /// Database errors carry SQL and arguments; keep only the message so customer text cannot leak.
    static func describe(_ error: any Error) -> VocError {
        if let error = error as? DatabaseError {
            return VocError(.store, "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")")
        }
        return VocError(.store, String(describing: error))
    }
}
