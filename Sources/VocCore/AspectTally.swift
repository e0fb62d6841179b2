/// The ratings of one aspect of a rating matrix (of one account, or all), as CSAT or CES are tallied.
public struct AspectTally: Sendable, Hashable {
    public var question: String
    public var aspect: String
    public var kind: AspectRating.Kind
    /// The earliest place among a record's aspect ratings the aspect had: aspects are listed in their survey's order.
    public var firstOrdinal: Int
    public var ratings: RatingTally

    public init(question: String, aspect: String, kind: AspectRating.Kind, firstOrdinal: Int, ratings: RatingTally = RatingTally()) {
        self.question = question
        self.aspect = aspect
        self.kind = kind
        self.firstOrdinal = firstOrdinal
        self.ratings = ratings
    }

    /// The tallies of `ratings` per question, aspect and kind, `ordered`.
    public static func tallies(of ratings: some Sequence<StoredAspectRating>) -> [AspectTally] {
        var tallies: [[String]: AspectTally] = [:]
        for stored in ratings {
            let rating = stored.rating
            let key = [rating.question, rating.aspect, rating.kind.rawValue]
            var tally = tallies[key] ?? AspectTally(question: rating.question, aspect: rating.aspect, kind: rating.kind, firstOrdinal: stored.ordinal,
                                                    ratings: RatingTally(scale: rating.answer.scale))
            tally.firstOrdinal = min(tally.firstOrdinal, stored.ordinal)
            tally.ratings.add(rating.answer)
            tallies[key] = tally
        }
        return ordered(tallies.values)
    }

    /// In survey order: the earliest aspect first, then by question and aspect.
    public static func ordered(_ tallies: some Sequence<AspectTally>) -> [AspectTally] {
        tallies.sorted { ($0.firstOrdinal, $0.question, $0.aspect, $0.kind.rawValue) < ($1.firstOrdinal, $1.question, $1.aspect, $1.kind.rawValue) }
    }
}
