import ArgumentParser
import Foundation
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

    func open() throws -> any FeedbackStore {
        PostgresStore.isPostgres(path) ? try PostgresStore(url: path) : try SQLiteStore(path: path)
    }
}
