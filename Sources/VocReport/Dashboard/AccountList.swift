public import Foundation

/// The account list with the values its filters can take.
public struct AccountList: Sendable, Encodable {
    public var type = "accounts"
    public var asOf: Date
    public var query: AccountQuery
    /// Accounts before filtering.
    public var total: Int
    /// Accounts that match the filters and search, on every page.
    public var matched: Int
    /// The page shown (`query.page`) and how many there are.
    public var page: Int
    public var pages: Int
    /// The matching accounts on this page, in order.
    public var rows: [AccountRow]
    public var segments: [String]
    public var owners: [String]
    public var languages: [String]
}
