import Foundation
import Synchronization
import VocReport

/// The last dashboard built, and the store state it was built from.
final class DashboardCache: Sendable {
    /// Without a fixed --as-of, how long a dashboard stays current when the store has not changed (recency and
    /// decay move slowly; the store's own changes invalidate it at once).
    static let maximumAge: TimeInterval = 300

    private struct Entry {
        var fingerprint: String
        var builtAt: Date
        var dashboard: Dashboard
    }

    private let entry = Mutex<Entry?>(nil)

    func dashboard(fingerprint: String, asOf: Date?, now: Date) -> Dashboard? {
        entry.withLock { entry in
            guard let entry, entry.fingerprint == fingerprint else { return nil }
            guard asOf != nil || now.timeIntervalSince(entry.builtAt) < Self.maximumAge else { return nil }
            return entry.dashboard
        }
    }

    func store(_ dashboard: Dashboard, fingerprint: String) {
        entry.withLock { $0 = Entry(fingerprint: fingerprint, builtAt: Date(), dashboard: dashboard) }
    }
}
