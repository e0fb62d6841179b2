public import Foundation
public import VocCore
public import VocScore
public import VocStore

/// Keeps the store's phrase index (`PhraseDayCount`) up to date on the days `voc themes` asks for: counts the phrases
/// of the comments on those days that arrived since each day was last counted, so that the portfolio's themes read a
/// few thousand counts per day instead of every comment of their windows. Ingest does not pay for it; the first
/// `voc themes` over some days counts their comments once (about what reading them took before), later ones only
/// what arrived since.
public struct PhraseIndex: Sendable {
    public let store: any FeedbackStore
    public let extractor: PhraseExtractor

    /// Comments counted per transaction.
    static let batchComments = 20_000

    public init(store: any FeedbackStore, extractor: PhraseExtractor) {
        self.store = store
        self.extractor = extractor
    }

    /// Counts the comments on `days` that arrived after their day's mark (all of them when the index was counted
    /// with another extractor), in arrival order, a batch per transaction that also moves the days' marks; when
    /// another run moved them meanwhile, starts again from where that run left them.
    public func count(days: ClosedRange<Int>) async throws(VocError) {
        let window = DateInterval(start: Date(timeIntervalSince1970: Double(days.lowerBound) * 86_400),
                                  end: Date(timeIntervalSince1970: (Double(days.upperBound + 1) * 86_400).nextDown))
        while true {
            let stored = try await store.phraseIndexMarks(days: days)
            var marks = stored.extractor == extractor.fingerprint ? stored : PhraseIndexMarks(extractor: nil, through: [:])
            let through = try await store.arrivedThrough()
            var position = days.map { marks.through[$0] ?? 0 }.min() ?? through
            guard position < through else { return }
            // Shown for a long count only (a first one over a large store), not for each day's few new comments.
            let start = position
            var progress = RollupBuildProgress(total: through - start >= Self.batchComments ? Int(through - start) : 0, location: store.location,
                                               building: "the phrase index for themes", once: false)
            var movedMeanwhile = false
            while position < through {
                let (counts, end) = try await count(window, after: position, through: through, marks: marks)
                guard try await store.addPhraseCounts(counts, days: days, from: marks, through: end, extractor: extractor.fingerprint) else {
                    movedMeanwhile = true
                    break
                }
                marks.extractor = extractor.fingerprint
                for day in days where marks.through[day] ?? 0 < end { marks.through[day] = end }
                position = end
                progress.update(Int(position - start))
            }
            progress.finish()
            if !movedMeanwhile { return }
        }
    }

    /// The phrase counts per day of up to `batchComments` comments submitted within `window` that arrived after
    /// `after` (and at or before `through`) and after their day's mark, and the position they reach (`through` when
    /// none are left).
    private func count(_ window: DateInterval, after: Int64, through: Int64, marks: PhraseIndexMarks) async throws(VocError) -> (counts: [PhraseDayCount], end: Int64) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var byCore = Array(repeating: [WindowComment](), count: cores)
        var position = after, read = 0
        while read < Self.batchComments {
            let page = try await store.comments(within: window, arrivedAfter: position, through: through, limit: ThemeReport.pageSize)
            // Each core counts the comments of its own days, so the cores' counts never share a row and need no
            // merging (merging per-core counts of the same days on one thread took as long as extracting on two).
            for comment in page {
                let day = PhraseDayCount.day(of: comment.submittedAt.timeIntervalSince1970)
                if comment.position > marks.through[day] ?? 0 { byCore[(day % cores + cores) % cores].append(comment) }
            }
            read += page.count
            guard page.count == ThemeReport.pageSize, let last = page.last else {
                position = through
                break
            }
            position = last.position
        }
        let extractor = extractor
        let counts = await withTaskGroup(of: [PhraseDayCount].self) { group in
            for share in byCore where !share.isEmpty { group.addTask { Self.count(share, extractor: extractor) } }
            var counts: [PhraseDayCount] = []
            for await share in group { counts += share }
            return counts
        }
        return (counts, position)
    }

    /// The phrases of `comments` counted per day and language, with the comments themselves as the empty phrase.
    static func count(_ comments: [WindowComment], extractor: PhraseExtractor) -> [PhraseDayCount] {
        struct DayPhrase: Hashable {
            var day: Int
            var phrase: String
            var language: String?
        }
        // About a dozen distinct phrases per comment; growing the table from empty was a tenth of the count.
        var tally: [DayPhrase: Int] = [:]
        tally.reserveCapacity(comments.count * 12)
        for comment in comments {
            let day = PhraseDayCount.day(of: comment.submittedAt.timeIntervalSince1970)
            tally[DayPhrase(day: day, phrase: "", language: comment.language), default: 0] += 1
            for phrase in extractor.phrases(in: comment.comment, language: comment.language) {
                tally[DayPhrase(day: day, phrase: phrase, language: comment.language), default: 0] += 1
            }
        }
        return tally.map { PhraseDayCount(day: $0.key.day, phrase: $0.key.phrase, language: $0.key.language, mentions: $0.value) }
    }

    /// How to count a window from the index: its days, each read whole from the index when the window covers at
    /// least half of it, with the comments of `add` (the window's parts of the other days) added and those of
    /// `subtract` (the parts of index days outside the window) taken back.
    public struct DaySplit: Sendable, Equatable {
        public var days: ClosedRange<Int>?
        public var add: [DateInterval]
        public var subtract: [DateInterval]

        /// 1 for a comment of `add`, -1 for one of `subtract`, 0 for any other.
        public func weight(of date: Date) -> Int {
            add.contains { $0.contains(date) } ? 1 : subtract.contains { $0.contains(date) } ? -1 : 0
        }
    }

    /// The split of `window` (both ends included) that reads the smaller part of each day at its ends from the records.
    public static func split(_ window: DateInterval) -> DaySplit {
        let (start, end) = (window.start.timeIntervalSince1970, window.end.timeIntervalSince1970)
        var first = PhraseDayCount.day(of: start), last = PhraseDayCount.day(of: end)
        guard first < last else { return DaySplit(days: nil, add: [window], subtract: []) }
        let interval = { (from: Double, to: Double) in from <= to ? [DateInterval(start: Date(timeIntervalSince1970: from), end: Date(timeIntervalSince1970: to))] : [] }
        var add: [DateInterval] = [], subtract: [DateInterval] = []
        let firstStart = Double(first) * 86_400, lastStart = Double(last) * 86_400
        if firstStart + 86_400 - start >= 43_200 {
            subtract += interval(firstStart, start.nextDown)
        } else {
            add += interval(start, (firstStart + 86_400).nextDown)
            first += 1
        }
        if end - lastStart >= 43_200 {
            subtract += interval(end.nextUp, (lastStart + 86_400).nextDown)
        } else {
            add += interval(lastStart, end)
            last -= 1
        }
        return DaySplit(days: first <= last ? first...last : nil, add: add, subtract: subtract)
    }
}
