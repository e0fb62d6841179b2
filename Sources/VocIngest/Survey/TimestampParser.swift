import Foundation
import VocCore

/// Parses the date formats of survey exports without `DateFormatter` (whose per-call cost dominates ingest):
/// ISO 8601 (`2024-03-01`, `2024-03-01T10:22:33Z`, `…+02:00`, `2024/03/01 10:22`), slash dates in the file's
/// day/month order with two- or four-digit years (`3/1/2024 10:22:33 PM`, `01/03/2024 10:22`, `9/8/18 15:29`,
/// `9/11/2024 2:59:45 p. m.`), Google Forms zones (`2024/09/11 2:59:45 PM GMT-3`), RFC 5322 dates, and Excel serial
/// days (`43290.54118`, as a re-saved sheet writes a date). Times without a zone are in `zone` (UTC by default;
/// Qualtrics states its zone in the ImportId row).
struct TimestampParser {
    let order: DateOrder
    var zone: TimeZone? = nil

    func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8(parse)
    }

    /// Parses a cell from its bytes (dates are ASCII in every supported encoding).
    func parse(_ field: UnsafeBufferPointer<UInt8>) -> Date? {
        let trimmed = field.trimmingASCIISpaces
        if let first = trimmed.first, (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A || trimmed.count > 10 && trimmed[2] == 0x20 || trimmed.count > 10 && trimmed[1] == 0x20 {
            if let date = Self.parseRFC5322(trimmed) { return date }
        }
        if let serial = Self.excelSerial(trimmed) { return serial }
        var cursor = Cursor(trimmed)
        guard let first = cursor.number(maxDigits: 4) else { return nil }
        let year, month, day: Int
        if first.digits == 4 {
            guard let separator = cursor.take(anyOf: "-/."), let m = cursor.number(maxDigits: 2), cursor.take(separator),
                  let d = cursor.number(maxDigits: 2) else { return nil }
            (year, month, day) = (first.value, m.value, d.value)
        } else {
            guard first.digits <= 2, let separator = cursor.take(anyOf: "/-."), let second = cursor.number(maxDigits: 2),
                  cursor.take(separator), let y = cursor.number(maxDigits: 4),
                  y.digits == 4 || y.digits == 2 && separator == UInt8(ascii: "/") else { return nil }
            (month, day) = order == .mdy ? (first.value, second.value) : (second.value, first.value)
            // Two-digit years, as Excel re-saves write them: 00-69 are 2000-2069, 70-99 are 1970-1999.
            year = y.digits == 4 ? y.value : y.value + (y.value < 70 ? 2000 : 1900)
        }
        guard let days = Self.daysSinceEpoch(year: year, month: month, day: day) else { return nil }
        var seconds = Double(days * 86_400)
        if cursor.isAtEnd { return local(seconds) }
        guard cursor.take(anyOf: "T ") != nil else { return nil }
        cursor.skipSpaces()
        guard let hour = cursor.number(maxDigits: 2), cursor.take(UInt8(ascii: ":")), let minute = cursor.number(maxDigits: 2),
              minute.value < 60 else { return nil }
        var second = 0.0
        if cursor.take(UInt8(ascii: ":")) {
            guard let whole = cursor.number(maxDigits: 2), whole.value < 61 else { return nil }
            second = Double(whole.value)
            if cursor.take(UInt8(ascii: ".")) || cursor.take(UInt8(ascii: ",")) {
                guard let fraction = cursor.number(maxDigits: 9) else { return nil }
                second += Double(fraction.value) / pow(10, Double(fraction.digits))
            }
        }
        cursor.skipSpaces()
        var hours = hour.value
        if let meridiem = cursor.meridiem() {
            guard (1...12).contains(hours) else { return nil }
            hours = hours % 12 + (meridiem ? 12 : 0)
        }
        guard hours < 24 else { return nil }
        seconds += Double(hours * 3600 + minute.value * 60) + second
        cursor.skipSpaces()
        if cursor.isAtEnd { return local(seconds) }
        guard let offset = cursor.zoneOffset(), cursor.isAtEnd else { return nil }
        return Date(timeIntervalSince1970: seconds - Double(offset))
    }

    /// A wall-clock time without a zone, read in `zone` (its offset on that day, summer time included).
    private func local(_ seconds: Double) -> Date {
        guard let zone else { return Date(timeIntervalSince1970: seconds) }
        let guess = Date(timeIntervalSince1970: seconds)
        let offset = zone.secondsFromGMT(for: guess.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess))))
        return guess.addingTimeInterval(-Double(offset))
    }

    /// An Excel serial day (days since 1899-12-30, with the time as a fraction) between 1960 and 2100: digits, one
    /// dot and more digits, or five digits alone.
    static func excelSerial(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard (5...16).contains(bytes.count), bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }),
              bytes.count(where: { $0 == UInt8(ascii: ".") }) <= 1, bytes.first != UInt8(ascii: "."),
              let value = Double(String(decoding: bytes, as: UTF8.self)), (21_916...73_051).contains(value) else { return nil }
        return Date(timeIntervalSince1970: (value - 25_569) * 86_400)
    }

    /// RFC 5322 / RFC 822 dates as in e-mail and RSS: `Tue, 1 Jul 2003 10:52:37 +0200`, `1 Jul 2003 10:52 GMT`,
    /// obsolete zones (`EST`, `PDT`, `UT`) and a trailing comment (`(CEST)`).
    static func parseRFC5322(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        // On the bytes, words as ranges rather than split `String`s: every e-mail's Date header comes through here.
        // Commas count as spaces; comments (`(UTC)`) are dropped.
        var words: [Slice<UnsafeBufferPointer<UInt8>>] = []
        words.reserveCapacity(8)
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 || bytes[index] == UInt8(ascii: ",") {
            if index > start, bytes[start] != UInt8(ascii: "(") { words.append(bytes[start..<index]) }
            start = index + 1
        }
        var index = 0
        if let first = words.first {
            // Three ASCII letters are decided on the bytes; only other text needs `Character`s (`Mié`).
            if first.count >= 3, first.prefix(3).allSatisfy({ $0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z") }) {
                index = 1
            } else if first.contains(where: { $0 >= 0x80 }) {
                let weekday = String(decoding: first, as: UTF8.self).prefix(3)
                if weekday.count == 3, weekday.allSatisfy(\.isLetter) { index = 1 }
            }
        }
        guard words.count >= index + 4, let day = integer(words[index]) else { return nil }
        let monthWord = words[index + 1].prefix(3)
        guard let month = Self.monthAbbreviations.firstIndex(where: { $0.utf8.elementsEqual(monthWord) { $0 == $1 | 0x20 } }),
              var year = integer(words[index + 2]) else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        let time = words[index + 3].split(separator: UInt8(ascii: ":")).compactMap(integer)
        guard time.count >= 2, time[0] < 24, time[1] < 60, time.count < 3 || time[2] < 61,
              let days = daysSinceEpoch(year: year, month: month + 1, day: day) else { return nil }
        var offset = 0
        if words.count > index + 4 {
            let zone = words[index + 4]
            // Numeric first: zone names are letters, so the order does not change the result, and most mail has `+0000`.
            if zone.count == 5, let sign = zone.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), let value = integer(zone.dropFirst()) {
                offset = (value / 100 * 3600 + value % 100 * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else if let hours = Self.namedZones[String(decoding: zone.map(\.asciiLowercased), as: UTF8.self)] {
                offset = hours * 3600
            }
        }
        let seconds = days * 86_400 + time[0] * 3600 + time[1] * 60 + (time.count > 2 ? time[2] : 0) - offset
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// `Int(text)` on ASCII bytes: an optional sign, then only digits; nil when empty or out of range.
    private static func integer(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var digits = bytes[...]
        let isNegative = digits.first == UInt8(ascii: "-")
        if isNegative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return isNegative ? -value : value
    }

    private static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    /// RFC 5322's obsolete zone names, in hours from UTC.
    private static let namedZones = ["ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
                                     "pst": -8, "pdt": -7]

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`); nil if invalid.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), day >= 1 else { return nil }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthLengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= monthLengths[month - 1] else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// A read position over the bytes of a date string.
private struct Cursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0, digits = 0
        while index < bytes.count, digits < maxDigits, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            digits += 1
            index += 1
        }
        return digits > 0 ? (value, digits) : nil
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func take(anyOf characters: String) -> UInt8? {
        guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return nil }
        index += 1
        return bytes[index - 1]
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    }

    /// `AM`/`PM`, `a. m.`/`p. m.` (Spanish); true for afternoon.
    mutating func meridiem() -> Bool? {
        guard index < bytes.count else { return nil }
        let letter = bytes[index] | 0x20
        guard letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p") else { return nil }
        for form in ["m", ". m.", ".m."] {
            let end = index + 1 + form.utf8.count
            if end <= bytes.count, zip(bytes[(index + 1)..<end], form.utf8).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                index = end
                return letter == UInt8(ascii: "p")
            }
        }
        return nil
    }

    /// `Z`, `UTC`, `GMT`, `+02:00`, `-0300`, `GMT-3`, `UTC+05:30` (a time without a zone is the caller's); the offset
    /// in seconds east of UTC.
    mutating func zoneOffset() -> Int? {
        if take(UInt8(ascii: "Z")) { return 0 }
        var named = false
        if bytes[index...].starts(with: "UTC".utf8) || bytes[index...].starts(with: "GMT".utf8) {
            index += 3
            named = true
            if isAtEnd { return 0 }
        }
        guard let sign = take(anyOf: "+-") else { return nil }
        // After GMT/UTC, Google Forms writes one-digit hours (`GMT-3`).
        guard let hours = number(maxDigits: 2), hours.digits == 2 || named else { return nil }
        _ = take(UInt8(ascii: ":"))
        let minutes = number(maxDigits: 2)?.value ?? 0
        let offset = hours.value * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -offset : offset
    }
}
