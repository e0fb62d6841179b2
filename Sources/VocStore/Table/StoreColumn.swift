/// How a column's values are kept in each store.
public enum StoreValueType: Sendable, Hashable {
    case text
    case integer
    /// A state code or a 0/1 flag: SQLite `INTEGER`, PostgreSQL `SMALLINT`.
    case smallInteger
    case real
    /// SQLite `INTEGER` 0/1, PostgreSQL `BOOLEAN`.
    case boolean
    case bytes

    /// The declared type in a SQLite table.
    public var sqlite: String {
        switch self {
        case .text: "TEXT"
        case .integer, .smallInteger, .boolean: "INTEGER"
        case .real: "REAL"
        case .bytes: "BLOB"
        }
    }

    /// The declared type in a PostgreSQL table.
    public var postgres: String {
        switch self {
        case .text: "text"
        case .integer: "bigint"
        case .smallInteger: "smallint"
        case .real: "double precision"
        case .boolean: "boolean"
        case .bytes: "bytea"
        }
    }
}

/// One column of a stored table. A table's columns are the cases of one enum, in the order the table declares them:
/// inserts, selects and decoding are all built from that one list, so no statement can list them in another order.
public protocol StoreColumn: RawRepresentable<Int>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
    var definition: (name: String, type: StoreValueType) { get }
}

extension StoreColumn {
    public var name: String { definition.name }
    public var type: StoreValueType { definition.type }

    /// `a, b, c`: the columns' names for a statement, each qualified by `table` when given.
    public static func names(_ columns: [Self] = allCases, table: String? = nil) -> String {
        columns.map { column in table.map { "\($0).\(column.name)" } ?? column.name }.joined(separator: ", ")
    }
}

/// Receives one row's values, column by column in table order: a store's bindings for an insert.
public protocol StoreRowSink: ~Copyable {
    mutating func put(_ value: String?, _ column: some StoreColumn)
    mutating func put(_ value: Int?, _ column: some StoreColumn)
    mutating func put(_ value: Double?, _ column: some StoreColumn)
    mutating func put(_ value: Bool?, _ column: some StoreColumn)
    mutating func put(_ value: [UInt8], _ column: some StoreColumn)
}

/// One result row of a select of known columns, read by column.
public protocol StoreRowReader<Column> {
    associatedtype Column: StoreColumn
    func text(_ column: Column) throws -> String?
    func integer(_ column: Column) throws -> Int?
    func real(_ column: Column) throws -> Double?
    func flag(_ column: Column) throws -> Bool?
    func bytes(_ column: Column) throws -> [UInt8]
}

/// Where each column sits in a select's result row.
public struct ColumnPositions<Column: StoreColumn>: Sendable {
    /// The selected columns, in select order.
    public let columns: [Column]
    private let positions: [Int]

    public init(_ columns: [Column]) {
        self.columns = columns
        var positions = [Int](repeating: -1, count: Column.allCases.count)
        for (position, column) in columns.enumerated() { positions[column.rawValue] = position }
        self.positions = positions
    }

    /// Whether the select has the column.
    public func contains(_ column: Column) -> Bool { positions[column.rawValue] >= 0 }

    /// The column's position in the row; a column that was not selected is a programming error.
    public subscript(column: Column) -> Int {
        let position = positions[column.rawValue]
        precondition(position >= 0, "\(column.name) was not selected")
        return position
    }

    /// `a, b, c` for the select.
    public func names(table: String? = nil) -> String { Column.names(columns, table: table) }
}
