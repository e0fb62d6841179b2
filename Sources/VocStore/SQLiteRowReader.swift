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
    func bytes(_ column: Column) throws -> [UInt8] { [UInt8](try row.decode(Data.self, atIndex: positions[column])) }
}
