public import Foundation

/// The CRM as it stood on one day: every account an import listed, with its domains, segment, ARR, owner and status.
public struct AccountSnapshot: Sendable, Hashable {
    /// The day's start, UTC.
    public var date: Date
    public var accounts: [DirectoryAccount]

    public init(date: Date, accounts: [DirectoryAccount]) {
        self.date = date
        self.accounts = accounts
    }
}
