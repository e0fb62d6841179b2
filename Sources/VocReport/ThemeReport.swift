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

    /// Reads the comments of the two windows (by arrival order, a page at a time; recent first, so that memory holds
    /// only the recent window's phrases) of the accounts `scope` covers, and finds the emerging themes.
    public static func find(view: AccountDirectoryView, extractor: PhraseExtractor, scope: DriverScope, asOf: Date,
                            recentDays: Int = recentDays, baselineDays: Int = baselineDays,
                            minimumCount: Int = defaultMinimumCount) async throws(VocError) -> ThemeReport {
        let recentStart = asOf.addingTimeInterval(-Double(recentDays) * 86_400)
        // The store includes both ends of a window, so each window starts a millisecond after the instant that ends
        // the one before it.
        let recent = DateInterval(start: recentStart.addingTimeInterval(0.001), end: asOf)
        let baseline = DateInterval(start: recentStart.addingTimeInterval(-Double(baselineDays) * 86_400 + 0.001), end: recentStart)
        var counter = ThemeCounter(extractor: extractor)
        for (window, isRecent) in [(recent, true), (baseline, false)] {
            if !isRecent { counter.closeRecentWindow() }
            var after: Int64 = 0
            while true {
                let page = try await view.store.comments(within: window, after: after, limit: Self.pageSize)
                let kept = page.compactMap { comment -> (comment: WindowComment, account: String?)? in
                    let account = view.resolver.resolve(accountID: comment.accountID, email: comment.respondentEmail).account
                    return scope.includes(account: account, directory: view.accounts) ? (comment, account) : nil
                }
                if isRecent {
                    let phrases = await Self.onEveryCore(kept) { extractor.phrases(in: $0.comment.comment, language: $0.comment.language) }
                    for (item, found) in zip(kept, phrases) {
                        counter.addRecent(phrases: found, text: item.comment.comment, language: item.comment.language, account: item.account,
                                          at: item.comment.submittedAt)
                    }
                } else {
                    let reader = counter
                    let phrases = await Self.onEveryCore(kept) { reader.baselinePhrases(in: $0.comment.comment, language: $0.comment.language) }
                    for found in phrases { counter.addBaseline(phrases: found) }
                }
                guard page.count == Self.pageSize, let last = page.last else { break }
                after = last.position
            }
        }
        let themes = counter.emerging(minimumCount: minimumCount)
        return ThemeReport(scope: scope, recent: recent, baseline: baseline, recentComments: counter.recentComments,
                           baselineComments: counter.baselineComments, minimumCount: minimumCount, themes: themes)
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
