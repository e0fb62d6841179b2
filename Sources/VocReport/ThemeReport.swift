public import Foundation
public import VocCore
public import VocScore
public import VocStore

/// The emerging themes of a scope: the phrases whose share of comments rose in the recent window against the baseline
/// before it (`ThemeCounter`), as `voc themes`, the alerts and the dashboard show them.
public struct ThemeReport: Sendable {
    public var scope: DriverScope
    public var recent: DateInterval
    public var baseline: DateInterval
    public var recentComments: Int
    public var baselineComments: Int
    public var minimumCount: Int
    public var themes: [EmergingTheme]

    /// Comments read per query.
    static let pageSize = 5_000

    /// The default windows: the last 14 days before the as-of instant, against the 90 days before them.
    public static let recentDays = 14, baselineDays = 90, defaultMinimumCount = 5

    /// Finds the emerging themes of the accounts `scope` covers: counts the windows' phrases (`countFromIndex` for
    /// the portfolio, `countFromRecords` for a narrower scope or when `usingIndex` is false, which must give the same
    /// themes), then reads the accounts and examples of the themes found among the recent window's comments.
    public static func find(view: AccountDirectoryView, extractor: PhraseExtractor, scope: DriverScope, asOf: Date,
                            recentDays: Int = recentDays, baselineDays: Int = baselineDays,
                            minimumCount: Int = defaultMinimumCount, usingIndex: Bool = true) async throws(VocError) -> ThemeReport {
        let (recent, baseline) = windows(asOf: asOf, recentDays: recentDays, baselineDays: baselineDays)
        var counter = ThemeCounter(extractor: extractor)
        let recentComments = usingIndex && scope == DriverScope()
            ? try await countFromIndex(view: view, recent: recent, baseline: baseline, minimumCount: minimumCount, into: &counter)
            : try await countFromRecords(view: view, scope: scope, recent: recent, baseline: baseline, into: &counter)
        var themes = counter.emerging(minimumCount: minimumCount)
        if !themes.isEmpty {
            var mentions = ThemeMentions(themes: themes)
            // Only the comments that may mention a theme are split into phrases (those counted from the index never
            // were) and read in the recent window's forms.
            let (sieve, reader) = (MentionSieve(phrases: themes.map(\.phrase)), counter)
            let forms = await onEveryCore(recentComments) { item -> [String] in
                guard sieve.mayMention(item.comment.comment) else { return [] }
                return (item.phrases ?? extractor.phrases(in: item.comment.comment, language: item.comment.language)).map(reader.recentForm(of:))
            }
            for (item, found) in zip(recentComments, forms) where !found.isEmpty {
                mentions.add(forms: found, account: item.account, at: item.comment.submittedAt, text: item.comment.comment)
            }
            themes = mentions.completing(themes)
        }
        return ThemeReport(scope: scope, recent: recent, baseline: baseline, recentComments: counter.recentComments,
                           baselineComments: counter.baselineComments, minimumCount: minimumCount, themes: themes)
    }

    /// The recent window of `recentDays` before `asOf` and the baseline of `baselineDays` before it. The store includes
    /// both ends of a window, so each window starts a millisecond after the instant that ends the one before it.
    static func windows(asOf: Date, recentDays: Int, baselineDays: Int) -> (recent: DateInterval, baseline: DateInterval) {
        let recentStart = asOf.addingTimeInterval(-Double(recentDays) * 86_400)
        return (DateInterval(start: recentStart.addingTimeInterval(0.001), end: asOf),
                DateInterval(start: recentStart.addingTimeInterval(-Double(baselineDays) * 86_400 + 0.001), end: recentStart))
    }

    /// The days of the phrase index that the portfolio's themes of these windows read.
    static func indexDays(recent: DateInterval, baseline: DateInterval) -> ClosedRange<Int>? {
        let days = [PhraseIndex.split(recent).days, PhraseIndex.split(baseline).days].compactMap { $0 }
        guard let first = days.map(\.lowerBound).min(), let last = days.map(\.upperBound).max() else { return nil }
        return first...last
    }

    /// Brings the phrase index up to date on the days the portfolio's themes as of `asOf` (default windows) read:
    /// what `voc serve` starts with, so that its first "What's new" page does not wait for the count.
    public static func prepareIndex(store: any FeedbackStore, extractor: PhraseExtractor, asOf: Date) async throws(VocError) {
        let (recent, baseline) = windows(asOf: asOf, recentDays: recentDays, baselineDays: baselineDays)
        if let days = indexDays(recent: recent, baseline: baseline) { try await PhraseIndex(store: store, extractor: extractor).count(days: days) }
    }

    /// Counts the portfolio's windows: the days each covers at least half of from the store's phrase index (brought
    /// up to date on them first), the rest of their end days from the records (`PhraseIndex.split`). Returns the
    /// recent window's comments, those read from the records with their phrases.
    private static func countFromIndex(view: AccountDirectoryView, recent: DateInterval, baseline: DateInterval, minimumCount: Int,
                                       into counter: inout ThemeCounter) async throws(VocError) -> [RecentComment] {
        let extractor = counter.extractor
        let (recentSplit, baselineSplit) = (PhraseIndex.split(recent), PhraseIndex.split(baseline))
        if let days = indexDays(recent: recent, baseline: baseline) { try await PhraseIndex(store: view.store, extractor: extractor).count(days: days) }
        if let days = recentSplit.days {
            for count in try await view.store.phraseCounts(days: days, phrases: nil) { counter.addRecent(count) }
        }
        // One pass over the records: the recent window (its comments are kept) and the parts of days either window
        // adds to its index days or takes back from them. Baseline comments wait for the recent window to close.
        var kept: [RecentComment] = [], baselinePhrases: [(phrases: Set<String>, language: String?, weight: Int)] = []
        let read = [recent] + recentSplit.subtract + baselineSplit.add + baselineSplit.subtract
        try await forEachPage(of: view, within: read, scope: DriverScope()) { page in
            let weights = page.map { (recent: recentSplit.weight(of: $0.comment.submittedAt), baseline: baselineSplit.weight(of: $0.comment.submittedAt)) }
            let counted = page.indices.filter { weights[$0] != (0, 0) }
            let phrases = await onEveryCore(counted.map { page[$0].comment }) { extractor.phrases(in: $0.comment, language: $0.language) }
            var page = page
            for (index, found) in zip(counted, phrases) {
                let (language, weights) = (page[index].comment.language, weights[index])
                if weights.recent != 0 { counter.addRecent(phrases: found, language: language, weight: weights.recent) }
                if weights.baseline != 0 { baselinePhrases.append((found, language, weights.baseline)) }
                page[index].phrases = found
            }
            kept += page.filter { recent.contains($0.comment.submittedAt) }
        }
        if let days = baselineSplit.days {
            let forms = counter.baselineForms(minimumCount: minimumCount)
            for count in try await view.store.phraseCounts(days: days, phrases: forms) { counter.addBaseline(count) }
        }
        for item in baselinePhrases { counter.addBaseline(phrases: item.phrases, language: item.language, weight: item.weight) }
        return kept
    }

    /// Counts every comment of both windows of the accounts `scope` covers; returns the recent window's comments
    /// with their phrases.
    private static func countFromRecords(view: AccountDirectoryView, scope: DriverScope, recent: DateInterval, baseline: DateInterval,
                                         into counter: inout ThemeCounter) async throws(VocError) -> [RecentComment] {
        let extractor = counter.extractor
        var kept: [RecentComment] = []
        try await forEachPage(of: view, within: [recent], scope: scope) { page in
            var page = page
            let phrases = await onEveryCore(page.map(\.comment)) { extractor.phrases(in: $0.comment, language: $0.language) }
            for index in page.indices {
                page[index].phrases = phrases[index]
                counter.addRecent(phrases: phrases[index], language: page[index].comment.language)
            }
            kept += page
        }
        counter.closeRecentWindow()
        try await forEachPage(of: view, within: [baseline], scope: scope) { page in
            let phrases = await onEveryCore(page.map(\.comment)) { extractor.phrases(in: $0.comment, language: $0.language) }
            for (comment, found) in zip(page, phrases) { counter.addBaseline(phrases: found, language: comment.comment.language) }
        }
        return kept
    }

    /// A comment of the recent window in scope, with its account and, once extracted, its phrases.
    struct RecentComment: Sendable {
        var comment: WindowComment
        var account: String?
        var phrases: Set<String>?
    }

    /// Hands `body` the comments submitted within `windows` of the accounts `scope` covers, a page at a time in
    /// arrival order.
    private static func forEachPage(of view: AccountDirectoryView, within windows: [DateInterval], scope: DriverScope,
                                    _ body: ([RecentComment]) async throws(VocError) -> Void) async throws(VocError) {
        var after: Int64 = 0
        while true {
            let page = try await view.store.comments(within: windows, after: after, limit: Self.pageSize)
            try await body(page.compactMap { comment in
                let account = view.resolver.resolve(accountID: comment.accountID, email: comment.respondentEmail).account
                return scope.includes(account: account, directory: view.accounts) ? RecentComment(comment: comment, account: account) : nil
            })
            guard page.count == Self.pageSize, let last = page.last else { return }
            after = last.position
        }
    }

    /// `transform` of each item, in order, the items split into one contiguous share per core: phrase extraction is
    /// most of `voc themes`, and each comment's phrases are its own.
    static func onEveryCore<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Result) async -> [Result] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = max(1, (items.count + cores - 1) / cores)
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            for start in stride(from: 0, to: items.count, by: size) {
                let share = Array(items[start..<min(start + size, items.count)])
                group.addTask { (start, share.map(transform)) }
            }
            var shares: [(Int, [Result])] = []
            for await share in group { shares.append(share) }
            return shares.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// A window's days, "2024-03-07 to 2024-03-20": it starts just after an instant (the end of a day for an --as-of
    /// day), so it is named by its first whole day.
    static func days(of window: DateInterval) -> String {
        "\(Formatting.day(window.start.addingTimeInterval(1))) to \(Formatting.day(window.end))"
    }

    /// The table: the windows in words, then one line per theme with its first example.
    public func table(width: Int?) -> String {
        var text = "emerging themes · \(scope.description) · last \(Self.days(of: recent)) (\(Formatting.count(recentComments, "comment"))) "
        text += "vs \(Self.days(of: baseline)) (\(Formatting.count(baselineComments, "comment")))\n"
        guard baselineComments > 0 else { return text + "no baseline comments to compare with: nothing can be said to be emerging\n" }
        guard !themes.isEmpty else { return text + "no phrase rose beyond chance (G² ≥ 10.83, at least \(minimumCount) recent mentions)\n" }
        var table = TextTable(columns: [
            .init("PHRASE", cut: .end), .init("LANG", dropOrder: 3), .init("RECENT", alignRight: true), .init("BASELINE", alignRight: true),
            .init("RATIO", alignRight: true), .init("G²", alignRight: true), .init("NEW", dropOrder: 4), .init("ACCOUNTS", cut: .end, dropOrder: 2),
            .init("EXAMPLE", cut: .end, dropOrder: 1),
        ])
        for theme in themes {
            table.append([theme.phrase, theme.language ?? "", "\(theme.recent)", "\(theme.baseline)", Formatting.fixed(theme.rateRatio) + "×",
                          Formatting.fixed(theme.score), theme.new ? "new" : "", theme.accounts.prefix(5).joined(separator: ", "),
                          theme.examples.first.map { String($0.prefix(120)).replacingOccurrences(of: "\n", with: " ") } ?? ""])
        }
        return text + table.render(maxWidth: width) + "\n"
            + "RATIO: share of recent comments over share of baseline ones; G²: log-likelihood ratio (≥ 10.83: p < 0.001).\n"
    }
}

extension ThemeReport: Encodable {
    private enum CodingKeys: String, CodingKey {
        case scope, recentFrom, recentTo, baselineFrom, baselineTo, recentComments, baselineComments, minimumCount, themes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scope.description, forKey: .scope)
        try container.encode(recent.start, forKey: .recentFrom)
        try container.encode(recent.end, forKey: .recentTo)
        try container.encode(baseline.start, forKey: .baselineFrom)
        try container.encode(baseline.end, forKey: .baselineTo)
        try container.encode(recentComments, forKey: .recentComments)
        try container.encode(baselineComments, forKey: .baselineComments)
        try container.encode(minimumCount, forKey: .minimumCount)
        try container.encode(themes, forKey: .themes)
    }
}
