import ArgumentParser
import Foundation
import VocStore

/// `--store PATH`: where the embedded SQLite store lives.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite store file (created if missing); also VOC_STORE.", valueName: "path"))
    var store: String?

    var path: String {
        store ?? ProcessInfo.processInfo.environment["VOC_STORE"] ?? "voc.sqlite"
    }

    func open() throws -> any FeedbackStore {
        try SQLiteStore(path: path)
    }
}
