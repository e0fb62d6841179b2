import Foundation
import Testing
import VocCore
import VocReport

@Suite struct FormattingTests {
    /// The hand-written ISO 8601 form agrees with Foundation's formatter, fractions, leap days and dates before 1970
    /// included.
    @Test func iso8601MatchesFoundationsFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var random = SplitMix64(seed: 7)
        var seconds: [Double] = [0, -1, -0.5, 0.999, 951_782_400, 951_868_799.75, 1_709_164_800, -2_208_988_800, 4_102_444_799,
                                 253_402_300_799]
        for _ in 0..<20_000 {
            seconds.append(Double(Int64(bitPattern: random.next()) % 6_400_000_000) + Double(random.next() % 1000) / 1000)
        }
        for value in seconds {
            let date = Date(timeIntervalSince1970: value)
            #expect(Formatting.iso8601(date) == formatter.string(from: date), "\(value)")
        }
    }
}
