import Foundation
import GRDB

/// A GRDB row of a select built from `ColumnPositions`, read by position: by name, GRDB lower-cases and compares every
/// column name for every value.
struct SQLiteRowReader<Column: StoreColumn>: StoreRowReader {
    let row: Row
    let positions: ColumnPositions<Column>

    func text(_ column: Column) throws -> String? { try row.decode(atIndex: positions[column]) }
    func integer(_ column: Column) throws -> Int? { try row.decode(atIndex: positions[column]) }
    func real(_ column: Column) throws -> Double? { try row.decode(atIndex: positions[column]) }
    func flag(_ column: Column) throws -> Bool? { try row.decode(atIndex: positions[column]) }
    /// Copied once from SQLite's buffer (decoding a `Data` first copied every blob twice).
    func bytes(_ column: Column) throws -> [UInt8] {
        let index = positions[column]
        return try row.withUnsafeData(atIndex: index) { data in try data.map { [UInt8]($0) } ?? [UInt8](row.decode(Data.self, atIndex: index)) }
    }
}
