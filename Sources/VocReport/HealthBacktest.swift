public import Foundation
public import VocCore
public import VocHealth
public import VocScore
public import VocStore

/// The health score checked against what happened: for every period the CRM snapshots cover, each account active at
/// its start is scored as of the moment before it (no feedback from the period or later), then set against its end:
/// churned (absent or marked churned) or not. Per band, the churn rate with its Wilson interval; the score's ROC AUC
/// for churn with a bootstrap interval; churn by score decile.
public struct HealthBacktest: Sendable, Encodable {
    public struct Period: Sendable, Encodable {
        public var periodStart: Date
        public var periodEnd: Date
        /// Accounts active at the start; those with a score (feedback before the start); those of them that churned.
        public var accounts: Int
        public var scored: Int
        public var churned: Int
    }

    public struct Band: Sendable, Encodable {
        public var band: String
        public var accounts: Int
        public var churned: Int
        public var churnRate: Double?
        public var churnCiLow: Double?
        public var churnCiHigh: Double?

        private enum CodingKeys: String, CodingKey { case band, accounts, churned, churnRate, churnCiLow, churnCiHigh }

        /// Every key, `null` for a band without accounts: the fields are stable for scripts.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(band, forKey: .band)
            try container.encode(accounts, forKey: .accounts)
            try container.encode(churned, forKey: .churned)
            try container.encode(churnRate, forKey: .churnRate)
            try container.encode(churnCiLow, forKey: .churnCiLow)
            try container.encode(churnCiHigh, forKey: .churnCiHigh)
        }
    }

    public struct Decile: Sendable, Encodable {
        public var decile: Int
        public var scoreLow: Double
        public var scoreHigh: Double
        public var accounts: Int
        public var churned: Int
        public var churnRate: Double
    }

    public var type = "health_backtest"
    public var periods: [Period] = []
    /// nil, with `note` saying why, when there are too few churned or retained scored accounts to tell.
    public var auc: Double?
    public var aucCi: [Double]?
    public var bands: [Band] = []
    public var calibration: [Decile] = []
    public var note: String?

    private enum CodingKeys: String, CodingKey { case type, periods, auc, aucCi, bands, calibration, note }

    /// Every key, `null` when there is no AUC (and no note when there is one).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(periods, forKey: .periods)
        try container.encode(auc, forKey: .auc)
        try container.encode(aucCi, forKey: .aucCi)
        try container.encode(bands, forKey: .bands)
        try container.encode(calibration, forKey: .calibration)
        try container.encode(note, forKey: .note)
    }

    /// Fewest churned and retained scored accounts for an AUC.
    public static let minimumEach = 5

    /// Which of the covered periods a backtest reads: all, or the older or newer half (the older one has the extra
    /// period of an odd count), so that weights tuned on one half can be checked on the other.
    public enum Half: String, Sendable, CaseIterable {
        case all, older, newer
    }

    /// Runs the backtest over the snapshots' covered periods of length `period` (those of `half`).
    public init(store: any FeedbackStore, model: HealthModel, snapshots: [AccountSnapshot], period: RetentionPeriod,
                half: Half = .all) async throws(VocError) {
        var outcomes: [(outcome: ChurnDiscrimination.Outcome, band: HealthBand)] = []
        let covered = RetentionAnalysis.covered(snapshots, period: period)
        let older = (covered.count + 1) / 2
        let messages = model.configuration.weighs(.firstContactResolution) ? try await ContactLedger.log(of: store) : MailLog()
        let chosen = half == .all ? covered[...] : half == .older ? covered.prefix(older) : covered.dropFirst(older)
        for (interval, start, end) in chosen {
            let before = RetentionAnalysis.active(start), after = RetentionAnalysis.active(end)
            // The directory as the start snapshot had it: its domains match the feedback (an account that churned
            // since is in no later directory), its segments and ARR make the priors. Scored the second before.
            let resolver = AccountResolver(start.accounts)
            let asOf = interval.start.addingTimeInterval(-1)
            var pass = HealthPass(model: model, directory: before, asOf: asOf)
            try await store.forEachRollup(days: true) { key, rollup in
                pass.add(rollup, account: resolver.resolve(accountID: key.accountID, email: key.domain.map { "@" + $0 }).account)
            }
            pass.add(ContactLedger(messages, resolver: resolver, asOf: asOf, model: model))
            let scored = pass.accounts(among: Set(before.keys))
            var row = Period(periodStart: interval.start, periodEnd: interval.end, accounts: before.count, scored: scored.count, churned: 0)
            for health in scored {
                let churned = after[health.account] == nil
                if churned { row.churned += 1 }
                outcomes.append((ChurnDiscrimination.Outcome(score: health.score, churned: churned), health.band))
            }
            periods.append(row)
        }
        for band in [HealthBand.red, .yellow, .green] {
            let members = outcomes.filter { $0.band == band }
            let churned = members.count { $0.outcome.churned }
            let interval = members.isEmpty ? nil : Confidence.wilsonPercent(churned, of: members.count)
            bands.append(Band(band: band.rawValue, accounts: members.count, churned: churned,
                              churnRate: members.isEmpty ? nil : 100 * Double(churned) / Double(members.count),
                              churnCiLow: interval?.lowerBound, churnCiHigh: interval?.upperBound))
        }
        let scores = outcomes.map(\.outcome)
        let churned = scores.count(where: \.churned)
        if periods.isEmpty {
            note = "no period is covered by a CRM snapshot at its start and one at its end (voc accounts import FILE --as-of DATE)"
        } else if churned < Self.minimumEach || scores.count - churned < Self.minimumEach {
            note = "too little history: \(churned) churned and \(scores.count - churned) retained scored accounts; the AUC needs \(Self.minimumEach) of each"
        } else {
            auc = ChurnDiscrimination.auc(scores)
            aucCi = ChurnDiscrimination.aucInterval(scores).map { [$0.lowerBound, $0.upperBound] }
        }
        calibration = Self.deciles(scores)
    }

    /// Churn by score decile, lowest scores first (fewer groups when there are fewer than ten accounts); equal scores
    /// keep the order the periods scored them in.
    static func deciles(_ outcomes: [ChurnDiscrimination.Outcome]) -> [Decile] {
        let sorted = outcomes.enumerated().sorted { ($0.element.score, $0.offset) < ($1.element.score, $1.offset) }.map(\.element)
        let groups = min(10, sorted.count)
        return (0..<groups).map { group in
            let slice = sorted[(group * sorted.count / groups)..<((group + 1) * sorted.count / groups)]
            let churned = slice.count(where: \.churned)
            return Decile(decile: group + 1, scoreLow: slice.first!.score, scoreHigh: slice.last!.score, accounts: slice.count, churned: churned,
                          churnRate: 100 * Double(churned) / Double(slice.count))
        }
    }
}
