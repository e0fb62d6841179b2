/// The one error type of voc's libraries: a stable code, a message that never quotes customer text,
/// the position it concerns, and an optional underlying cause.
///
/// `description` reads like a compiler diagnostic: `surveys.csv:812: record 811: unterminated quote`.
public struct VocError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error category.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case fileUnreadable = "file-unreadable"
            case fileUnwritable = "file-unwritable"
            case invalidInput = "invalid-input"
            case invalidConfiguration = "invalid-configuration"
            case lexiconMissing = "lexicon-missing"
            case store = "store"
            case notFound = "not-found"
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// A file could not be opened or read.
        public static let fileUnreadable = Code(.fileUnreadable)
        /// An output file could not be written.
        public static let fileUnwritable = Code(.fileUnwritable)
        /// The input as a whole cannot be processed (not one bad record: those are quarantined).
        public static let invalidInput = Code(.invalidInput)
        /// A flag, mapping file or scale definition is wrong.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The `lexicons/` data directory or one of its files is missing or malformed.
        public static let lexiconMissing = Code(.lexiconMissing)
        /// The store could not be opened, migrated or written.
        public static let store = Code(.store)
        /// A requested entity (account, record) does not exist.
        public static let notFound = Code(.notFound)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    public var message: String
    public var position: SourcePosition?
    public var cause: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, at position: SourcePosition? = nil, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.position = position
        self.cause = cause
    }

    public var description: String {
        var text = position.map { "\($0): \(message)" } ?? message
        if let cause { text += " (\(cause))" }
        return text
    }
}
