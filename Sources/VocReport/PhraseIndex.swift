public import Foundation
public import VocCore
public import VocScore
public import VocStore

/// Keeps the store's phrase index (`PhraseDayCount`) up to date: counts the phrases of the comments that arrived since
/// it was last brought up to date, so that `voc themes` on the portfolio reads a few thousand counts per day instead of
/// every comment of its windows. Ingest does not pay for it; the first `voc themes` of a store counts every comment
/// once (with progress on a terminal), later ones only what arrived since.
public struct PhraseIndex: Sendable {
    public let store: any FeedbackStore
    public let extractor: PhraseExtractor

    /// Comments counted per transaction.
    static let batchComments = 20_000

    public init(store: any FeedbackStore, extractor: PhraseExtractor) {
        self.store = store
        self.extractor = extractor
    }

    /// Counts the comments that arrived after the index's mark (all of them when it was counted with another
    /// extractor), a batch per transaction that also moves the mark; when another run moved the mark meanwhile, starts
    /// again from where that run left it.
    public func catchUp() async throws(VocError) {
        while true {
            let mark = try await store.phraseIndexMark()
            var from = mark
            var position = mark?.extractor == extractor.fingerprint ? mark?.through ?? 0 : 0
            let through = try await store.arrivedThrough()
            guard through > position || (mark != nil && mark?.extractor != extractor.fingerprint) else { return }
            // Shown for a long count only (a first one over a large store), not for each day's few new comments.
            let start = position
            var progress = RollupBuildProgress(total: through - start >= Self.batchComments ? Int(through - start) : 0, location: store.location,
                                               building: "the phrase index for themes")
            var movedMeanwhile = false
            while position < through || from?.extractor != extractor.fingerprint {
                let (counts, end) = try await count(after: position, through: through)
                let to = PhraseIndexMark(through: end, extractor: extractor.fingerprint)
                guard try await store.addPhraseCounts(counts, from: from, to: to) else {
                    movedMeanwhile = true
                    break
                }
                (from, position) = (to, end)
                progress.update(Int(position - start))
            }
            progress.finish()
            if !movedMeanwhile { return }
        }
    }

    /// The phrase counts per day of up to `batchComments` comments that arrived after `after` (and at or before
    /// `through`), and the position they reach (`through` when none are left).
    private func count(after: Int64, through: Int64) async throws(VocError) -> (counts: [PhraseDayCount], end: Int64) {
        var comments: [WindowComment] = []
        var position = after
        while comments.count < Self.batchComments {
            let page = try await store.comments(arrivedAfter: position, through: through, limit: ThemeReport.pageSize)
            comments += page
            guard page.count == ThemeReport.pageSize, let last = page.last else {
                position = through
                break
            }
            position = last.position
        }
        // Each core counts the comments of its own days, so the cores' counts never share a row and need no merging
        // (merging per-core counts of the same days on one thread took as long as extracting on two).
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var byCore = Array(repeating: [WindowComment](), count: cores)
        for comment in comments {
            let day = PhraseDayCount.day(of: comment.submittedAt.timeIntervalSince1970)
            byCore[(day % cores + cores) % cores].append(comment)
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

    /// How to count `window` (both ends included) from the index: its days, each read whole from the index when the
    /// window covers at least half of it, with the comments of `add` (the window's parts of the other days) added
    /// and those of `subtract` (the parts of index days outside the window) taken back. Reads the smaller part of
    /// each day at the window's ends from the records.
    public static func split(_ window: DateInterval) -> (days: ClosedRange<Int>?, add: [DateInterval], subtract: [DateInterval]) {
        let (start, end) = (window.start.timeIntervalSince1970, window.end.timeIntervalSince1970)
        var first = PhraseDayCount.day(of: start), last = PhraseDayCount.day(of: end)
        guard first < last else { return (nil, [window], []) }
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
        return (first <= last ? first...last : nil, add, subtract)
    }
}
