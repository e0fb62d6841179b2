/// What differs between the two stores' SQL in the statements they share (`StoreSQL`).
public struct SQLDialect: Sendable {
    /// The i-th parameter, counted from 1: `?` or `$i`.
    public let placeholder: @Sendable (Int) -> String
    /// The domain of the e-mail address in `column` (what follows the first `@`, ASCII letters lower-cased), NULL
    /// without an `@`: `RollupKey.domain(ofEmail:)` in SQL.
    public let domain: @Sendable (_ column: String) -> String
    /// The condition joining a row of a record's part table (open answers, aspect ratings) under `alias` to its
    /// record in `feedback`: by row id in SQLite, by key in PostgreSQL.
    public let partOfRecord: @Sendable (_ alias: String) -> String
    /// The aggregate joining texts with a separator (`group_concat` or `string_agg`), and the function making a
    /// character from its code (`char` or `chr`).
    public let textAggregate: String
    public let character: String

    public init(placeholder: @escaping @Sendable (Int) -> String, domain: @escaping @Sendable (_ column: String) -> String,
                partOfRecord: @escaping @Sendable (_ alias: String) -> String, textAggregate: String, character: String) {
        self.placeholder = placeholder
        self.domain = domain
        self.partOfRecord = partOfRecord
        self.textAggregate = textAggregate
        self.character = character
    }

    /// SQLite's `lower` changes ASCII letters only. Part tables name their record by its row id (`v15`).
    public static let sqlite = SQLDialect(placeholder: { _ in "?" }, domain: { column in
        "CASE WHEN instr(\(column), '@') > 0 THEN lower(substr(\(column), instr(\(column), '@') + 1)) END"
    }, partOfRecord: { "feedback.id = \($0).feedback_id" }, textAggregate: "group_concat", character: "char")
}
