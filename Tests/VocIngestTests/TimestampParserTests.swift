import Foundation
import Testing
@testable import VocIngest

@Suite struct TimestampParserTests {
    static let march1 = 1_709_251_200.0

    @Test(arguments: [
        ("2024-03-01", 0.0), ("2024-03-01T10:22:33Z", 37_353), ("2024-03-01 10:22:33", 37_353), ("2024-03-01T10:22:33.5Z", 37_353.5),
        ("2024-03-01T10:22:33+02:00", 30_153), ("2024-03-01T10:22:33-0300", 48_153), ("2024/03/01 10:22", 37_320), ("2024-03-01 10:22:33 UTC", 37_353),
    ])
    func iso8601Forms(_ text: String, _ offset: Double) {
        #expect(TimestampParser(order: .mdy).parse(text) == Date(timeIntervalSince1970: Self.march1 + offset))
    }

    @Test func slashDatesFollowTheFileOrder() {
        #expect(TimestampParser(order: .mdy).parse("3/1/2024") == Date(timeIntervalSince1970: Self.march1))
        #expect(TimestampParser(order: .dmy).parse("01/03/2024") == Date(timeIntervalSince1970: Self.march1))
        #expect(TimestampParser(order: .mdy).parse("03/01/2024 01:02:00 PM") == Date(timeIntervalSince1970: Self.march1 + 46_920))
        #expect(TimestampParser(order: .mdy).parse("03/01/2024 12:00:00 AM") == Date(timeIntervalSince1970: Self.march1))
        #expect(TimestampParser(order: .dmy).parse("01/03/2024 1:02 p. m.") == Date(timeIntervalSince1970: Self.march1 + 46_920))
    }

    @Test(arguments: ["31/02/2024", "2024-02-30", "2023-02-29", "13/13/2024", "2024-03-01T25:00", "yesterday", "2024-03-01 10:22 GMT+5", "24-03-01", ""])
    func impossibleOrUnknownDatesAreRejected(_ text: String) {
        #expect(TimestampParser(order: .dmy).parse(text) == nil)
    }

    @Test func leapDaysExist() {
        #expect(TimestampParser(order: .mdy).parse("2024-02-29") != nil)
        #expect(TimestampParser(order: .mdy).parse("2000-02-29") != nil)
        #expect(TimestampParser(order: .mdy).parse("1900-02-29") == nil)
    }
}

@Suite struct RFC5322DateTests {
    @Test(arguments: [
        ("Tue, 1 Jul 2003 10:52:37 +0200", 1_057_049_557.0), ("1 Jul 2003 10:52:37 GMT", 1_057_056_757), ("Tue, 01 Jul 2003 10:52 EST", 1_057_074_720),
        ("Mon, 12 Feb 2024 10:00:00 +0000 (UTC)", 1_707_732_000),
    ])
    func parsesMailDates(_ text: String, _ epoch: Double) {
        #expect(TimestampParser(order: .mdy).parse(text) == Date(timeIntervalSince1970: epoch))
    }
}
