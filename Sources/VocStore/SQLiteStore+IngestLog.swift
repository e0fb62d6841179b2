import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    public func ingestLog(limit: Int) throws(VocError) -> [IngestRunLog] {
        try read { db in
            let runs = try Row.fetchAll(db, sql: StoreSQL.ingestRuns.replacingOccurrences(of: "$LIMIT", with: "?"), arguments: [limit])
            guard !runs.isEmpty else { return [] }
            let ids: [Int64] = runs.map { $0["id"] }
            var files: [Int64: [IngestFileSummary]] = [:]
            let sql = StoreSQL.ingestFiles.replacingOccurrences(of: "$RUNS", with: ids.map { _ in "?" }.joined(separator: ","))
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(ids)) {
                var counts = IngestCounts()
                counts.read = row["read"]
                counts.accepted = row["accepted"]
                counts.quarantined = row["quarantined"]
                counts.skipped = row["skipped"]
                counts.alreadyStored = row["already_stored"]
                files[row["run_id"], default: []].append(IngestFileSummary(path: row["path"], format: row["format"], detail: row["detail"],
                                                                            counts: counts, error: row["error"]))
            }
            return runs.map { row in
                IngestRunLog(id: row["id"], command: row["command"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                             finishedAt: (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:)), status: row["status"],
                             files: files[row["id"]] ?? [], storedRecords: row["records"], storedQuarantined: row["quarantined"])
            }
        }
    }
}
