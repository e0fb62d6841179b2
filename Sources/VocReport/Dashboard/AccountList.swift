public import Foundation

/// The account list with the values its filters can take.
public struct AccountList: Sendable, Encodable {
    public var type = "accounts"
    public var asOf: Date
    public var query: AccountQuery
    /// Accounts before filtering.
    public var total: Int
    public var rows: [AccountRow]
    public var segments: [String]
    public var owners: [String]
    public var languages: [String]
}
