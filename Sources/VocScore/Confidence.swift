/// The confidence level of every interval voc reports: 95 %, two-sided.
public enum Confidence {
    /// The standard normal quantile for a two-sided 95 % interval.
    public static let z = 1.959963984540054
    /// Below this many answered responses a figure is marked insufficient (CLI: `--min-n`).
    public static let defaultMinimumSample = 10
}
