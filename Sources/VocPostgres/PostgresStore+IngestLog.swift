import Foundation
import PostgresNIO
public import VocCore
import VocStore

extension PostgresStore {
    public func ingestLog(limit: Int) async throws(VocError) -> [IngestRunLog] {
        try await run { connection, logger in
            var binds = PostgresBindings()
            binds.append(limit)
            var runs: [IngestRunLog] = []
            let query = PostgresQuery(unsafeSQL: StoreSQL.ingestRuns(limit: "$1"), binds: binds)
            for try await (id, command, started, finished, status, records, quarantined)
                in try await connection.query(query, logger: logger).decode((Int64, String, Double, Double?, String, Int, Int).self) {
                runs.append(IngestRunLog(id: id, command: command, startedAt: Date(timeIntervalSince1970: started),
                                         finishedAt: finished.map(Date.init(timeIntervalSince1970:)), status: RunStatus(rawValue: status) ?? .running, files: [],
                                         storedRecords: records, storedQuarantined: quarantined))
            }
            guard !runs.isEmpty else { return [] }
            var fileBinds = PostgresBindings()
            for run in runs { fileBinds.append(run.id) }
            let files = PostgresQuery(unsafeSQL: StoreSQL.ingestFiles(runs: (1...runs.count).map { "$\($0)" }), binds: fileBinds)
            var byRun: [Int64: [IngestFileSummary]] = [:]
            for try await (run, path, format, detail, read, accepted, quarantined, skipped, alreadyStored, error)
                in try await connection.query(files, logger: logger).decode((Int64, String, String, String, Int, Int, Int, Int, Int, String?).self) {
                var counts = IngestCounts()
                counts.read = read
                counts.accepted = accepted
                counts.quarantined = quarantined
                counts.skipped = skipped
                counts.alreadyStored = alreadyStored
                byRun[run, default: []].append(IngestFileSummary(path: path, format: format, detail: detail, counts: counts, error: error))
            }
            return runs.map { run in
                var run = run
                run.files = byRun[run.id] ?? []
                return run
            }
        }
    }
}
