import NIOCore
import PostgresNIO
import VocStore

/// A row's values appended to a statement's bindings, in column order.
struct PostgresRowBindings: StoreRowSink {
    var binds: PostgresBindings

    init(capacity: Int) { binds = PostgresBindings(capacity: capacity) }

    mutating func put(_ value: String?, _ column: some StoreColumn) { binds.append(value) }
    mutating func put(_ value: Int?, _ column: some StoreColumn) { binds.append(value) }
    mutating func put(_ value: Double?, _ column: some StoreColumn) { binds.append(value) }
    mutating func put(_ value: [UInt8], _ column: some StoreColumn) { binds.append(ByteBuffer(bytes: value)) }

    /// A `BOOLEAN` column takes the value; a `SMALLINT` flag takes 0 or 1.
    mutating func put(_ value: Bool?, _ column: some StoreColumn) {
        if column.type == .boolean { binds.append(value) } else { binds.append(value.map { $0 ? 1 : 0 }) }
    }
}

/// A result row of a select built from `ColumnPositions`, read by position.
struct PostgresRowReader<Column: StoreColumn>: StoreRowReader {
    let row: PostgresRandomAccessRow
    let positions: ColumnPositions<Column>

    init(_ row: PostgresRow, positions: ColumnPositions<Column>) {
        self.row = row.makeRandomAccess()
        self.positions = positions
    }

    func text(_ column: Column) throws -> String? { try row[positions[column]].decode(String?.self) }
    func integer(_ column: Column) throws -> Int? { try row[positions[column]].decode(Int?.self) }
    func real(_ column: Column) throws -> Double? { try row[positions[column]].decode(Double?.self) }
    func bytes(_ column: Column) throws -> [UInt8] { Array(try row[positions[column]].decode(ByteBuffer.self).readableBytesView) }

    func flag(_ column: Column) throws -> Bool? {
        column.type == .boolean ? try row[positions[column]].decode(Bool?.self) : try row[positions[column]].decode(Int?.self).map { $0 == 1 }
    }
}

extension SQLDialect {
    /// `translate` rather than `lower`, which would change non-ASCII letters too, unlike SQLite's and `RollupKey`'s.
    static let postgres = SQLDialect(placeholder: { "$\($0)" }, domain: { column in
        "CASE WHEN strpos(\(column), '@') > 0 THEN translate(substr(\(column), strpos(\(column), '@') + 1), "
            + "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END"
    }, partOfRecord: { "feedback.key = \($0).feedback_key" }, textAggregate: "string_agg", character: "chr")
}
