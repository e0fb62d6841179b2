public import Foundation

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
    public static func interval(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return "—" }
        return "[\(fixed(low)), \(fixed(high))]"
    }

    /// `2024-03-01` in UTC.
    public static func day(_ date: Date?) -> String {
        guard let date else { return "—" }
        return String(iso8601(date).prefix(10))
    }

    /// `2024-03-01T10:22:33Z`.
    public static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

extension Formatting {
    /// `1.2M`, `240k`, `950`: revenue in table cells; `—` when unknown.
    public static func money(_ value: Double?) -> String {
        guard let value else { return "—" }
        if value >= 1_000_000 { return fixed(value / 1_000_000, decimals: 1) + "M" }
        if value >= 10_000 { return fixed(value / 1_000, decimals: 0) + "k" }
        return fixed(value, decimals: 0)
    }
}
