/// A sum of doubles whose result does not depend on the order of its terms.
///
/// Each term is truncated to a multiple of 2⁻⁶⁰ and added exactly into a 128-bit two's-complement integer, so a sum
/// over records read in storage order (which differs between stores, and after concurrent or repeated ingests)
/// equals the sum of the same records in any other order to the last digit, and no record has to be held in memory
/// to sort them first. The truncation is less than 8.7 × 10⁻¹⁹ per term; overflow needs more than 2⁶⁵ terms.
/// (The two halves are added by hand: the standard library's `Int128` conversions are generic and were 8 % of
/// `voc health`.)
public struct ExactSum: Sendable, Hashable {
    @usableFromInline static let scale = 0x1p60
    @usableFromInline var high: Int64 = 0
    @usableFromInline var low: UInt64 = 0

    public init() {}

    /// Adds `term`, whose magnitude must be below 2⁶² (terms in [−4, 4], a record's values, take the short path; a
    /// weight times a count of records is split into its whole and fractional parts).
    @inlinable public mutating func add(_ term: Double) {
        guard abs(term) <= 4 else { return addLarge(term) }
        let units = Int64(term * Self.scale)
        let (sum, carry) = low.addingReportingOverflow(UInt64(bitPattern: units))
        low = sum
        high &+= (units < 0 ? -1 : 0) &+ (carry ? 1 : 0)
    }

    @usableFromInline mutating func addLarge(_ term: Double) {
        precondition(abs(term) < 0x1p62, "ExactSum term beyond 2⁶²")
        let whole = term.rounded(.towardZero)
        let integer = Int64(whole)
        // integer × 2⁶⁰ = (integer >> 4) × 2⁶⁴ + (integer & 15) × 2⁶⁰, the shift rounding toward −∞.
        var part = ExactSum()
        part.high = integer >> 4
        part.low = UInt64(integer & 15) << 60
        add(part)
        add(term - whole)
    }

    /// Adds every term of `other`.
    public mutating func add(_ other: ExactSum) {
        let (sum, carry) = low.addingReportingOverflow(other.low)
        low = sum
        high &+= other.high &+ (carry ? 1 : 0)
    }

    /// The sum, within one unit in the last place.
    public var value: Double {
        // A small negative sum is all ones in `high`: read it as the negated complement so its digits are not lost.
        (high == -1 ? -(Double(~low) + 1) : Double(high) * 0x1p64 + Double(low)) / Self.scale
    }
}
