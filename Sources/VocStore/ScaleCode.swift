public import VocCore

/// How a rating scale is written in the store: `1-5:4-5` (scale, then favourable band).
public enum ScaleCode {
    public static func encode(_ scale: RatingScale) -> String {
        "\(scale.minimum)-\(scale.maximum):\(scale.favourable.lowerBound)-\(scale.favourable.upperBound)"
    }

    public static func decode(_ text: String?) -> RatingScale? {
        guard let text, let parsed = try? RatingScale.parseRange(text), let band = parsed.favourable else { return nil }
        return try? RatingScale(minimum: parsed.scale.lowerBound, maximum: parsed.scale.upperBound, favourable: band)
    }
}
