import Foundation

/// Tells a person at a terminal how far a one-time build from an existing store's records has come (the rollups: a
/// million records take about half a minute); silent when standard error is not a terminal, as under cron, or when
/// `total` is 0.
public struct RollupBuildProgress {
    private let total: Int
    private let location: String
    private let building: String
    private let once: Bool
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastPercent = -1
    private let started = ContinuousClock.now

    /// - Parameter once: whether the build happens once per store (the rollups), which the message then says.
    public init(total: Int, location: String, building: String = "per-account rollups", once: Bool = true) {
        self.total = total
        self.location = location
        self.building = building
        self.once = once
    }

    /// Reports that `done` of the records have been counted.
    public mutating func update(_ done: Int) {
        guard isTerminal, total > 0 else { return }
        let percent = min(100, 100 * done / total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        FileHandle.standardError.write(Data("\rvoc: building \(building) of \(location) from \(total) records\(once ? " (once)" : ""): \(percent)%".utf8))
    }

    /// Ends the progress line.
    public func finish() {
        guard isTerminal, total > 0 else { return }
        let seconds = (ContinuousClock.now - started).components.seconds
        FileHandle.standardError.write(Data("\rvoc: built \(building) of \(location) from \(total) records in \(seconds) s\u{1B}[K\n".utf8))
    }
}
