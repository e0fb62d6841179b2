/// The fixed point in which rollups keep sums of fractional values (sentiment, CSAT and CES on 0…1): whole multiples
/// of 2⁻³², rounded to the nearest. Integer sums are exact whatever order records arrive in and however they are split
/// into batches, so the cells an ingest maintains equal the cells rebuilt from the records, to the last digit. A
/// 64-bit sum holds 2³¹ values of magnitude 1; the rounding is at most 1.2 × 10⁻¹⁰ per value, either way.
public enum RollupUnits {
    public static let perUnit = 0x1p32

    /// `value` in units, rounded to the nearest.
    @inlinable public static func units(_ value: Double) -> Int { Int((value * perUnit).rounded()) }

    /// A mean read from unit sums, to nine decimals: what the units can tell apart (an average of answers 5 on a 1-7
    /// scale reads 5, not 4.9999999995).
    @inlinable public static func tidy(_ value: Double) -> Double { (value * 1e9).rounded() / 1e9 }

    /// The value of a sum of units.
    @inlinable public static func value(_ units: Int) -> Double { Double(units) / perUnit }
}
