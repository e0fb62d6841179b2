public import Foundation

/// The CRM as it stood on one day: every account an import listed, with its segment, ARR, owner and status (domains
/// are kept for the latest snapshot only, as the directory).
public struct AccountSnapshot: Sendable, Hashable {
    /// The day's start, UTC.
    public var date: Date
    public var accounts: [DirectoryAccount]

    public init(date: Date, accounts: [DirectoryAccount]) {
        self.date = date
        self.accounts = accounts
    }
}
