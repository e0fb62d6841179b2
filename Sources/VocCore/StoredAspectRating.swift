/// One stored aspect rating with what an account's tallies need: its record's account key and e-mail (to resolve
/// through the directory) and its place among the record's aspect ratings.
public struct StoredAspectRating: Sendable, Hashable {
    public var accountID: String?
    public var respondentEmail: String?
    public var ordinal: Int
    public var rating: AspectRating

    public init(accountID: String?, respondentEmail: String?, ordinal: Int, rating: AspectRating) {
        self.accountID = accountID
        self.respondentEmail = respondentEmail
        self.ordinal = ordinal
        self.rating = rating
    }
}
