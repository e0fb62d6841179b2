/// The confidence level of every interval voc reports: 95 %, two-sided.
public enum Confidence {
    /// The standard normal quantile for a two-sided 95 % interval.
    public static let z = 1.959963984540054
    /// Below this many answered responses a figure is marked insufficient (CLI: `--min-n`).
    public static let defaultMinimumSample = 10

    /// The Wilson score 95 % interval of a proportion, `successes` of `n` (n > 0), in percent: unlike the normal
    /// approximation it stays within 0-100 and is honest at small n and at shares near 0 or 100 %.
    public static func wilsonPercent(_ successes: Int, of n: Int) -> ClosedRange<Double> {
        let count = Double(n), share = Double(successes) / count
        let z2 = z * z
        let center = (share + z2 / (2 * count)) / (1 + z2 / count)
        let half = z / (1 + z2 / count) * (share * (1 - share) / count + z2 / (4 * count * count)).squareRoot()
        return 100 * max(0, center - half)...100 * min(1, center + half)
    }

    /// The variance of a sample's mean, from its size (at least 2), sum and sum of squares.
    public static func varianceOfMean(sum: Double, squareSum: Double, count: Int) -> Double {
        max(0, (squareSum - sum * sum / Double(count)) / Double(count - 1)) / Double(count)
    }
}
