import ArgumentParser
import Foundation
import VocCore
import VocPostgres
import VocStore

/// `--store PATH|URL`: the embedded SQLite file, or a PostgreSQL server.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SQLite store file (created if missing), or a PostgreSQL URL postgres://user:password@host:port/database; also VOC_STORE.",
        valueName: "path|url"))
    var store: String?

    var path: String {
        store ?? ProcessInfo.processInfo.environment["VOC_STORE"] ?? "voc.sqlite"
    }

    /// Opens the store. Only commands that write feedback or a directory (`ingest`, `accounts import`) create a
    /// missing SQLite file; every other command says there is no store instead of listing an empty one.
    func open(creating: Bool = false) async throws -> any FeedbackStore {
        if PostgresStore.isPostgres(path) { return try await PostgresStore(url: path) }
        guard creating || FileManager.default.fileExists(atPath: path) else {
            throw VocError(.store, "no store at \(path): run `voc ingest FILE…` first, or name one with --store PATH (or VOC_STORE)")
        }
        return try SQLiteStore(path: path)
    }
}
