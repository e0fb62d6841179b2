import ArgumentParser
import Foundation
import VocCore
import VocHealth
import VocReport
import VocStore

/// `--as-of` and `--config`: what makes a health computation reproducible.
struct HealthOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Compute health as of the end of this day (YYYY-MM-DD, UTC) or this instant (ISO 8601); feedback after it is ignored. Default: now, or the day of the newest response when that is older than the decay half-life (said on stderr).",
        valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Health model settings (YAML; see docs/health.yaml); also VOC_HEALTH_CONFIG.", valueName: "file"))
    var config: String?

    /// The as-of date: `--as-of` when given; otherwise now, unless the newest response in `store` is older than the
    /// model's decay half-life. Then every account would look decayed to nothing ("confidence low", empty charts) only
    /// because the export is old, so health is computed as of the end of that response's day, and stderr says so
    /// (unless `quietly`: a command that shows no health, only figures that must agree with it).
    func date(for store: any FeedbackStore, model: HealthModel, quietly: Bool = false) async throws -> Date {
        if let asOf { return try Self.parse(asOf, option: "--as-of", endOfDay: true) }
        let halfLife = model.configuration.halfLifeDays
        return try await Self.now(unlessOlderThan: halfLife, in: store, span: "older than the decay half-life (\(Formatting.fixed(halfLife, decimals: 0)) days)",
                                  computed: "health is computed", quietly: quietly)
    }

    /// Now; but when the newest response in `store` is more than `days` old, the end of that response's day, and stderr
    /// says so ("the newest response is from DAY, `span`; `computed` as of that day").
    static func now(unlessOlderThan days: Double, in store: any FeedbackStore, span: String, computed: String,
                    quietly: Bool = false) async throws -> Date {
        let now = Date()
        guard let latest = try await store.latestResponse(), now.timeIntervalSince(latest) / 86_400 > days else { return now }
        let day = Formatting.day(latest)
        if !quietly { Console.error("voc: note: the newest response is from \(day), \(span); \(computed) as of that day (--as-of DATE for another)") }
        return try parse(day, option: "--as-of", endOfDay: true)
    }

    /// An ISO 8601 instant, or a day (`YYYY-MM-DD`, UTC) taken at its start or its last second.
    static func parse(_ text: String, option: String, endOfDay: Bool) throws -> Date {
        let formatter = ISO8601DateFormatter()
        if let instant = formatter.date(from: text) { return instant }
        formatter.formatOptions = [.withFullDate]
        guard let day = formatter.date(from: text) else {
            throw ValidationError("\(option) '\(text)' is not a date: expected YYYY-MM-DD or an ISO 8601 instant such as 2024-03-20T12:00:00Z")
        }
        return endOfDay ? day.addingTimeInterval(86_400 - 1) : day
    }

    func model() throws -> HealthModel {
        guard let path = config ?? ProcessInfo.processInfo.environment["VOC_HEALTH_CONFIG"] else { return HealthModel() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw VocError(.fileUnreadable, "cannot read the health configuration", at: SourcePosition(file: path))
        }
        return HealthModel(configuration: try HealthConfiguration.load(yaml: text, path: path))
    }
}
