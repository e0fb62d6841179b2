/// The fixed point in which rollups keep sums of fractional values (sentiment, CSAT and CES on 0…1): whole multiples
/// of 2⁻³², truncated toward zero. Integer sums are exact whatever order records arrive in and however they are split
/// into batches, so the cells an ingest maintains equal the cells rebuilt from the records, to the last digit. A
/// 64-bit sum holds 2³¹ values of magnitude 1; the truncation is below 2.4 × 10⁻¹⁰ per value.
public enum RollupUnits {
    public static let perUnit = 0x1p32

    /// `value` in units, truncated toward zero.
    @inlinable public static func units(_ value: Double) -> Int { Int(value * perUnit) }

    /// The value of a sum of units.
    @inlinable public static func value(_ units: Int) -> Double { Double(units) / perUnit }
}
