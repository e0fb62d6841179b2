/// What differs between the two stores' SQL in the statements they share (`StoreSQL`).
public struct SQLDialect: Sendable {
    /// The i-th parameter, counted from 1: `?` or `$i`.
    public let placeholder: @Sendable (Int) -> String
    /// The domain of the e-mail address in `column` (what follows the first `@`, ASCII letters lower-cased), NULL
    /// without an `@`: `RollupKey.domain(ofEmail:)` in SQL.
    public let domain: @Sendable (_ column: String) -> String
    public init(placeholder: @escaping @Sendable (Int) -> String, domain: @escaping @Sendable (_ column: String) -> String) {
        self.placeholder = placeholder
        self.domain = domain
    }

    /// SQLite's `lower` changes ASCII letters only.
    public static let sqlite = SQLDialect(placeholder: { _ in "?" }, domain: { column in
        "CASE WHEN instr(\(column), '@') > 0 THEN lower(substr(\(column), instr(\(column), '@') + 1)) END"
    })
}
