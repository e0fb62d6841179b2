import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    public func ingestLog(limit: Int) throws(VocError) -> [IngestRunLog] {
        try read { db in
            let runs = try Row.fetchAll(db, sql: StoreSQL.ingestRuns(limit: "?"), arguments: [limit])
            guard !runs.isEmpty else { return [] }
            let ids: [Int64] = runs.map { $0[0] }
            var files: [Int64: [IngestFileSummary]] = [:]
            for row in try Row.fetchAll(db, sql: StoreSQL.ingestFiles(runs: ids.map { _ in "?" }), arguments: StatementArguments(ids)) {
                var counts = IngestCounts()
                counts.read = row[4]
                counts.accepted = row[5]
                counts.quarantined = row[6]
                counts.skipped = row[7]
                counts.alreadyStored = row[8]
                files[row[0], default: []].append(IngestFileSummary(path: row[1], format: row[2], detail: row[3], counts: counts, error: row[9]))
            }
            return runs.map { row in
                IngestRunLog(id: row[0], command: row[1], startedAt: Date(timeIntervalSince1970: row[2]),
                             finishedAt: (row[3] as Double?).map(Date.init(timeIntervalSince1970:)), status: RunStatus(rawValue: row[4]) ?? .running,
                             files: files[row[0]] ?? [], storedRecords: row[5], storedQuarantined: row[6])
            }
        }
    }
}
