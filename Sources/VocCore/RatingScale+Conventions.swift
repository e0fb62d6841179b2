extension RatingScale {
    /// A CSAT scale with its conventional top-box band: 1-3 → 3, 4-7 points → top 2, 8 or more points → top 3
    /// (1-10 → 8-10, about the same 30-40 % share of the scale as top-2 of 5).
    public static func csat(_ range: ClosedRange<Int>) throws(VocError) -> RatingScale {
        let points = range.upperBound - range.lowerBound + 1
        let box = points <= 3 ? 1 : points <= 7 ? 2 : 3
        return try RatingScale(minimum: range.lowerBound, maximum: range.upperBound, favourable: (range.upperBound - box + 1)...range.upperBound)
    }

    /// A CES scale: "easy" is every answer on the easy side of the midpoint (CES 2.0 1-7 → 5-7).
    /// With `lowerIsEasier` (the original 1-5 "how much effort" wording) the band is at the bottom (1-5 → 1-2).
    public static func ces(_ range: ClosedRange<Int>, lowerIsEasier: Bool = false) throws(VocError) -> RatingScale {
        let points = range.upperBound - range.lowerBound + 1
        let side = (points - 1) / 2
        let band = lowerIsEasier ? range.lowerBound...(range.lowerBound + side - 1) : (range.upperBound - side + 1)...range.upperBound
        return try RatingScale(minimum: range.lowerBound, maximum: range.upperBound, favourable: band)
    }

    /// Parses `1-7` or `1-7:6-7` (scale, then an explicit favourable band).
    public static func parseRange(_ text: String) throws(VocError) -> (scale: ClosedRange<Int>, favourable: ClosedRange<Int>?) {
        func range(_ part: Substring) throws(VocError) -> ClosedRange<Int> {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let low = Int(ends[0]), let high = Int(ends[1]), low <= high else {
                throw VocError(.invalidConfiguration, "'\(text)' is not a scale like 1-5 or 1-7:6-7")
            }
            return low...high
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw VocError(.invalidConfiguration, "'\(text)' is not a scale like 1-5 or 1-7:6-7") }
        return (try range(parts[0]), parts.count == 2 ? try range(parts[1]) : nil)
    }
}
