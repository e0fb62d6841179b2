public import VocCore

/// The outcome of reading a CRM export: the accounts, and every row or value that could not be used, with its line.
public struct AccountDirectoryImport: Sendable {
    /// A row that was not imported, or a value of an imported row that was dropped.
    public struct Problem: Sendable, Hashable, Codable {
        public var line: Int
        /// `rejected` (the row was not imported) or `dropped` (one value was ignored, the row was imported).
        public var action: String
        public var message: String
    }

    public var path: String
    public var accounts: [DirectoryAccount] = []
    public var problems: [Problem] = []
    /// Data rows read (blank lines excluded): `read = accounts + rejected`.
    public var read = 0

    public var rejected: Int { problems.count { $0.action == "rejected" } }
}
