public import Foundation

/// A stored record's comment with what themes need of it: where it sits in arrival order (its row id), its account
/// key and respondent, when it was submitted and its language.
public struct WindowComment: Sendable, Hashable {
    public var position: Int64
    public var accountID: String?
    public var respondentEmail: String?
    public var submittedAt: Date
    public var comment: String
    public var language: String?

    public init(position: Int64, accountID: String?, respondentEmail: String?, submittedAt: Date, comment: String, language: String?) {
        self.position = position
        self.accountID = accountID
        self.respondentEmail = respondentEmail
        self.submittedAt = submittedAt
        self.comment = comment
        self.language = language
    }
}
