/// How far `voc alerts` has looked, recorded with the alerts it delivers so that a later run starts where it ended.
public struct AlertProgress: Sendable, Hashable {
    /// Per record-alert kind, the arrival position (the record's row id) through which every record has been looked at.
    public var recordsLooked: [Alert.Kind: Int64]
    /// What the last entered-red check saw (`AlertDetector.fingerprint`): when nothing in it has changed, the check
    /// would find the same accounts, all alerted already.
    public var enteredRedChecked: String?
    /// What the last emerging-theme check saw (the records stored and the as-of day), likewise.
    public var themesChecked: String?

    public init(recordsLooked: [Alert.Kind: Int64] = [:], enteredRedChecked: String? = nil, themesChecked: String? = nil) {
        self.recordsLooked = recordsLooked
        self.enteredRedChecked = enteredRedChecked
        self.themesChecked = themesChecked
    }

    /// The progress as stored: name → value rows.
    public var rows: [(name: String, value: String)] {
        recordsLooked.sorted { $0.key.rawValue < $1.key.rawValue }.map { ("records:" + $0.key.rawValue, String($0.value)) }
            + (enteredRedChecked.map { [("entered-red", $0)] } ?? []) + (themesChecked.map { [("emerging-theme", $0)] } ?? [])
    }

    /// Reads stored rows; unknown names are ignored.
    public init(rows: [(name: String, value: String)]) {
        self.init()
        for (name, value) in rows {
            if name == "entered-red" {
                enteredRedChecked = value
            } else if name == "emerging-theme" {
                themesChecked = value
            } else if name.hasPrefix("records:"), let kind = Alert.Kind(rawValue: String(name.dropFirst("records:".count))), let position = Int64(value) {
                recordsLooked[kind] = position
            }
        }
    }
}

/// A record's signals with its arrival position (its row id, increasing in commit order).
public struct ArrivedSignal: Sendable {
    public var position: Int64
    public var signal: FeedbackSignal

    public init(position: Int64, signal: FeedbackSignal) {
        self.position = position
        self.signal = signal
    }
}

extension AlertProgress {
    /// This progress over `stored`: each position the greater of the two, the entered-red check this one's when set.
    public func merged(into stored: AlertProgress) -> AlertProgress {
        var merged = stored
        merged.recordsLooked.merge(recordsLooked, uniquingKeysWith: max)
        if let enteredRedChecked { merged.enteredRedChecked = enteredRedChecked }
        if let themesChecked { merged.themesChecked = themesChecked }
        return merged
    }
}
