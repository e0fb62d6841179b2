public import Foundation
public import VocScore

/// Display rounding, applied only at output time: metrics are kept at full precision until here.
public enum Formatting {
    /// `+40.0`, `-12.5`, `0.0`; `—` when there is no value.
    public static func signed(_ value: Double?, decimals: Int = 1) -> String {
        guard let value else { return "—" }
        let text = fixed(value, decimals: decimals)
        return value > 0 && !text.allSatisfy({ $0 == "0" || $0 == "." }) ? "+" + text : text
    }

    public static func fixed(_ value: Double?, decimals: Int = 1) -> String {
        guard let value else { return "—" }
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// `[-29.8, 79.8]`.
    public static func interval(_ low: Double?, _ high: Double?, decimals: Int = 1) -> String {
        guard let low, let high else { return "—" }
        return "[\(fixed(low, decimals: decimals)), \(fixed(high, decimals: decimals))]"
    }

    /// The 95 % interval of a change, `[-85.4, 68.2]`; nil when it has none.
    public static func interval(of change: PeriodChange, decimals: Int) -> String? {
        guard let low = change.changeCiLow, let high = change.changeCiHigh else { return nil }
        return interval(low, high, decimals: decimals)
    }

    /// `2024-03-01` in UTC.
    public static func day(_ date: Date?) -> String {
        guard let date else { return "—" }
        return String(iso8601(date).prefix(10))
    }

    /// `2024-03-01T10:22:33Z`: UTC, whole seconds (a fraction is cut, as `ISO8601DateFormatter` does).
    ///
    /// Computed from the day count (proleptic Gregorian calendar): `ISO8601DateFormatter` set up an ICU formatter per
    /// call, 64 % of `voc export records --format csv` (600k records: 72.6 s).
    public static func iso8601(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (day, time) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        let (year, month, dayOfMonth) = civilDate(daysSince1970: day)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = year >= 0 && year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yearText)-\(two(month))-\(two(dayOfMonth))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }

    /// Year, month and day of a day number counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Formatting {
    /// `1.2M`, `240k`, `950`: revenue in table cells; `—` when unknown.
    /// `1 promoter`, `2 promoters`: a count with its noun, plural when it is not one (nouns that take an -s).
    public static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    public static func money(_ value: Double?) -> String {
        guard let value else { return "—" }
        if value >= 1_000_000 { return fixed(value / 1_000_000, decimals: 1) + "M" }
        if value >= 10_000 { return fixed(value / 1_000, decimals: 0) + "k" }
        return fixed(value, decimals: 0)
    }
}
