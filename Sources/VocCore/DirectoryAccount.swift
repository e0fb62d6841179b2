public import Foundation

/// One account of the CRM directory: who the customer is, what they are worth and who looks after them.
public struct DirectoryAccount: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    /// Lower-cased e-mail domains whose senders belong to this account (never free-mail domains).
    public var domains: [String]
    /// `high-touch`, `low-touch`, `tech-touch` or any label the CRM uses.
    public var segment: String?
    /// Annual recurring revenue (MRR × 12 when the export gives MRR).
    public var arr: Double?
    public var renewal: Date?
    /// The customer-success manager.
    public var owner: String?
    /// The status the export gives (nil when it has no status column, or an unknown value: active).
    public var status: AccountStatus?

    public init(id: String, name: String? = nil, domains: [String] = [], segment: String? = nil, arr: Double? = nil,
                renewal: Date? = nil, owner: String? = nil, status: AccountStatus? = nil) {
        self.id = id
        self.name = name
        self.domains = domains
        self.segment = segment
        self.arr = arr
        self.renewal = renewal
        self.owner = owner
        self.status = status
    }
}
