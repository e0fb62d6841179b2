/// A closed integer answer scale and the band of it that counts as the favourable outcome
/// (promoter, satisfied, easy). A scale comes from the user, the header or the answers (`ScoreEvidence`), never a guess.
public struct RatingScale: Sendable, Hashable, Codable, CustomStringConvertible {
    public let minimum: Int
    public let maximum: Int
    /// The answers counted as favourable (top box for CSAT, "easy" for CES, promoters for NPS).
    public let favourable: ClosedRange<Int>

    public init(minimum: Int, maximum: Int, favourable: ClosedRange<Int>) throws(VocError) {
        guard minimum < maximum else {
            throw VocError(.invalidConfiguration, "scale \(minimum)-\(maximum) is empty: the minimum must be below the maximum")
        }
        guard favourable.lowerBound >= minimum, favourable.upperBound <= maximum else {
            throw VocError(.invalidConfiguration, "favourable band \(favourable.lowerBound)-\(favourable.upperBound) lies outside the scale \(minimum)-\(maximum)")
        }
        self.minimum = minimum
        self.maximum = maximum
        self.favourable = favourable
    }

    private init(unchecked minimum: Int, _ maximum: Int, _ favourable: ClosedRange<Int>) {
        self.minimum = minimum
        self.maximum = maximum
        self.favourable = favourable
    }

    /// Net Promoter Score: 0-10, promoters 9-10 (detractors 0-6 are fixed by `NPSBands`).
    public static let nps = RatingScale(unchecked: 0, 10, NPSBand.promoter.scores)
    /// CSAT on 1-5, satisfied = 4-5 (top-2 box).
    public static let csat5 = RatingScale(unchecked: 1, 5, 4...5)
    /// CES 2.0: 1-7 agreement with "the company made it easy", easy = 5-7.
    public static let ces7 = RatingScale(unchecked: 1, 7, 5...7)
    /// A yes/no question read as 0 (no) and 1 (yes): the "would recommend" measure, never a rating scale.
    public static let yesNo = RatingScale(unchecked: 0, 1, 1...1)

    public func contains(_ value: Int) -> Bool { value >= minimum && value <= maximum }
    public func isFavourable(_ value: Int) -> Bool { favourable.contains(value) }

    /// The value mapped linearly onto 0...1 (minimum → 0, maximum → 1).
    public func unit(_ value: Int) -> Double { Double(value - minimum) / Double(maximum - minimum) }

    /// `1-5 (favourable 4-5)`.
    public var description: String {
        "\(minimum)-\(maximum) (favourable \(favourable.lowerBound)-\(favourable.upperBound))"
    }
}
