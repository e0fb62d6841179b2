import Foundation

/// The length of the periods retention is reported over: calendar months, quarters or years, UTC.
public enum RetentionPeriod: String, Sendable, Hashable, CaseIterable {
    case month, quarter, year

    /// The periods that start on or after `start`'s period and end by `end`, as [start, end) intervals.
    func intervals(from start: Date, through end: Date) -> [DateInterval] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var components = calendar.dateComponents([.year, .month], from: start)
        let months = self == .month ? 1 : self == .quarter ? 3 : 12
        components.month = ((components.month! - 1) / months) * months + 1
        if self == .year { components.month = 1 }
        var periodStart = calendar.date(from: components)!
        var intervals: [DateInterval] = []
        while periodStart < end {
            let next = calendar.date(byAdding: .month, value: months, to: periodStart)!
            intervals.append(DateInterval(start: periodStart, end: next))
            periodStart = next
        }
        return intervals
    }
}
