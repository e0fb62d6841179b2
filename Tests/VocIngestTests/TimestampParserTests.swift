import Foundation
import Testing
@testable import VocIngest

@Suite struct TimestampParserTests {
    static let march1 = 1_709_251_200.0

    @Test(arguments: [
        ("2024-03-01", 0.0), ("2024-03-01T10:22:33Z", 37_353), ("2024-03-01 10:22:33", 37_353), ("2024-03-01T10:22:33.5Z", 37_353.5),
        ("2024-03-01T10:22:33+02:00", 30_153), ("2024-03-01T10:22:33-0300", 48_153), ("2024/03/01 10:22", 37_320), ("2024-03-01 10:22:33 UTC", 37_353),
        // Google Forms in any locale: one-digit hours, AM/PM and a GMT offset with one-digit hours.
        ("2024-03-01 10:22 GMT+5", 19_320), ("2024/03/01 2:59:45 PM GMT-3", 64_785), ("2024/03/01 2:59:45 PM GMT", 53_985),
        ("2024/03/01 10:22:33 UTC+05:30", 17_553),
        // Excel serial days, as a re-saved sheet writes dates: 45352 is 2024-03-01, .5 is noon.
        ("45352", 0), ("45352.5", 43_200),
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
        #expect(TimestampParser(order: .dmy).parse("1/3/2024 2:59:45 p. m.") == Date(timeIntervalSince1970: Self.march1 + 53_985))
        // Two-digit years (Excel re-saves): 00-69 are this century.
        #expect(TimestampParser(order: .mdy).parse("3/1/24 15:29") == Date(timeIntervalSince1970: Self.march1 + 55_740))
        #expect(TimestampParser(order: .mdy).parse("3/1/99") == Date(timeIntervalSince1970: 920_246_400))
    }

    /// A time without a zone is read in the export's stated zone, with its summer time on that day.
    @Test func timesWithoutAZoneAreReadInTheStatedZone() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let parser = TimestampParser(order: .mdy, zone: newYork)
        #expect(parser.parse("2024-03-01 10:00:00") == Date(timeIntervalSince1970: Self.march1 + 15 * 3600), "EST, UTC-5")
        #expect(parser.parse("2024-06-30 14:00:27") == Date(timeIntervalSince1970: 1_719_770_427), "EDT, UTC-4")
        #expect(parser.parse("2024-06-30T14:00:27Z") == Date(timeIntervalSince1970: 1_719_756_027), "a stated zone wins")
    }

    @Test func slashDatesProveTheirOrder() {
        #expect(DateOrder.proven(by: ["3/1/2024", "13/03/2024 10:00"])?.0 == .dmy)
        #expect(DateOrder.proven(by: ["3/1/2024", "3/13/2024 10:00"])?.0 == .mdy)
        #expect(DateOrder.proven(by: ["3/1/2024", "4/2/2024"]) == nil, "nothing settles it")
        #expect(DateOrder.proven(by: ["13/3/2024", "3/13/2024"]) == nil, "contradictory")
        #expect(DateOrder.proven(by: ["2024/03/13"]) == nil, "year first is not a slash-order date")
        #expect(DateOrder.proven(by: ["31/02/2024", "3/1/2024"]) == nil, "an impossible date proves nothing")
    }

    @Test(arguments: ["31/02/2024", "2024-02-30", "2023-02-29", "13/13/2024", "2024-03-01T25:00", "yesterday", "2024-03-01 10:22 GMT+", "24-03-01", "12345", "1.5", ""])
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
