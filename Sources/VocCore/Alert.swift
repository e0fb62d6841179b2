public import Foundation

/// Something an automated job should act on: a detractor, a new churn-intent mention, an account entering red, a theme
/// emerging in the comments.
public struct Alert: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case detractor
        case churnIntent = "churn-intent"
        case enteredRed = "entered-red"
        case emergingTheme = "emerging-theme"
    }

    /// Stable across runs and machines: derived from the kind and the record key (or account and period).
    public var id: String
    public var kind: Kind
    public var account: String?
    public var reason: String
    /// The record behind the alert (none for `entered-red` and `emerging-theme`).
    public var recordKey: String?
    /// When the underlying event happened (the response date, or the start of the period that turned red).
    public var occurredAt: Date?

    public init(id: String, kind: Kind, account: String?, reason: String, recordKey: String? = nil, occurredAt: Date? = nil) {
        self.id = id
        self.kind = kind
        self.account = account
        self.reason = reason
        self.recordKey = recordKey
        self.occurredAt = occurredAt
    }
}
