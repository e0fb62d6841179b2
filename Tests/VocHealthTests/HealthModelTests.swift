import Foundation
import Testing
import VocCore
@testable import VocHealth

@Suite struct HealthModelTests {
    static let asOf = Date(timeIntervalSince1970: 1_710_979_199) // 2024-03-20T23:59:59Z

    static func daysAgo(_ days: Double) -> Date { asOf.addingTimeInterval(-days * 86_400) }

    /// A configuration with one measure at a time, so each expectation can be computed by hand.
    static func only(_ measure: HealthMeasure, priorStrength: Double = 0) -> HealthModel {
        var configuration = HealthConfiguration()
        configuration.priorStrength = priorStrength
        configuration.profile.weights = [measure: 1]
        return HealthModel(configuration: configuration)
    }

    @Test func npsIsMappedOntoZeroToHundred() {
        // 2 promoters, 1 passive, 1 detractor, all today: NPS = (2 − 1) / 4 = +25 → 50 + 50 × 0.25 = 62.5.
        let signals = [10, 9, 7, 3].enumerated().map { FeedbackSignal(key: "r\($0.offset)", accountID: "A", submittedAt: Self.asOf, nps: $0.element) }
        let health = Self.only(.nps).assess(signals, directory: [:], asOf: Self.asOf)
        #expect(health.count == 1)
        #expect(abs(health[0].score - 62.5) < 1e-9)
        #expect(health[0].band == .yellow)
    }

    @Test func olderAnswersCountLessWithTheHalfLife() {
        // A promoter today (weight 1) and a detractor one half-life ago (weight 0.5):
        // NPS share = (1 − 0.5) / 1.5 = 1/3 → 50 + 50/3 = 66.67.
        let signals = [FeedbackSignal(key: "p", accountID: "A", submittedAt: Self.asOf, nps: 10),
                       FeedbackSignal(key: "d", accountID: "A", submittedAt: Self.daysAgo(90), nps: 0)]
        let health = Self.only(.nps).assess(signals, directory: [:], asOf: Self.asOf)[0]
        #expect(abs(health.score - (50 + 50.0 / 3)) < 1e-9)
        let nps = health.measures.first { $0.measure == .nps }!
        #expect(abs(nps.evidence - 1.5) < 1e-9)
    }

    @Test func fewAnswersAreShrunkTowardThePortfolio() {
        // Account A: one detractor (value 0, evidence 1). Account B: nine promoters (value 100).
        // Portfolio: (9 − 1) / 10 → 50 + 40 = 90. With k = 5: A = (1 × 0 + 5 × 90) / 6 = 75.
        var signals = [FeedbackSignal(key: "a", accountID: "A", submittedAt: Self.asOf, nps: 0)]
        signals += (0..<9).map { FeedbackSignal(key: "b\($0)", accountID: "B", submittedAt: Self.asOf, nps: 10) }
        let health = Self.only(.nps, priorStrength: 5).assess(signals, directory: [:], asOf: Self.asOf)
        let a = health.first { $0.account == "A" }!
        #expect(abs(a.score - 75) < 1e-9)
        #expect(a.measures.first { $0.measure == .nps }?.priorSource == .portfolio)
        // Confidence: evidence / (evidence + k) = 1/6 for A, 9/14 for B.
        #expect(abs(a.confidence - 1.0 / 6) < 1e-9)
        #expect(abs(health.first { $0.account == "B" }!.confidence - 9.0 / 14) < 1e-9)
        #expect(health.map(\.account) == ["A", "B"], "worst first")
    }

    @Test func aSegmentWithEnoughEvidenceIsThePrior() {
        // Segment "smb" holds A (one detractor) and S (eleven passives): segment evidence 12 ≥ 2k = 10.
        // Segment NPS = −1/12 → 50 − 50/12 = 45.83; A = (0 + 5 × 45.83) / 6 = 38.19.
        var signals = [FeedbackSignal(key: "a", accountID: "A", submittedAt: Self.asOf, nps: 0)]
        signals += (0..<11).map { FeedbackSignal(key: "s\($0)", accountID: "S", submittedAt: Self.asOf, nps: 8) }
        signals += (0..<20).map { FeedbackSignal(key: "b\($0)", accountID: "B", submittedAt: Self.asOf, nps: 10) }
        let directory = ["A": DirectoryAccount(id: "A", segment: "smb"), "S": DirectoryAccount(id: "S", segment: "smb")]
        let a = Self.only(.nps, priorStrength: 5).assess(signals, directory: directory, asOf: Self.asOf).first { $0.account == "A" }!
        let segmentValue = 50 - 50.0 / 12
        #expect(abs(a.score - 5 * segmentValue / 6) < 1e-9)
        #expect(a.measures.first { $0.measure == .nps }?.priorSource == .segment)
    }

    @Test func missingMeasuresAreExcludedAndTheWeightsRenormalized() {
        // Weights NPS 20, CSAT 15, CES 10; the account has no CES answers. NPS value 100, CSAT 0 (one unsatisfied).
        // Score = (20 × 100 + 15 × 0) / 35 = 57.14.
        var configuration = HealthConfiguration()
        configuration.priorStrength = 0
        configuration.profile.weights = [.nps: 20, .csat: 15, .ces: 10]
        let signals = [FeedbackSignal(key: "r", accountID: "A", submittedAt: Self.asOf, nps: 10, csatFavourable: false)]
        let health = HealthModel(configuration: configuration).assess(signals, directory: [:], asOf: Self.asOf)[0]
        #expect(abs(health.score - 2000.0 / 35) < 1e-9)
        let ces = health.measures.first { $0.measure == .ces }!
        #expect(ces.excluded == .noAnswers)
        #expect(ces.share == 0)
        #expect(abs(health.measures.reduce(0) { $0 + $1.share } - 1) < 1e-12)
        #expect(abs(health.measures.reduce(0) { $0 + $1.contribution } - health.score) < 1e-9)
    }

    @Test func sentimentTrendComparesTheLastPeriodWithTheOneBefore() {
        // Last 7 days: mean +0.6; the 7 days before: mean −0.2 → 50 + 50 × 0.8 = 90.
        let signals = [FeedbackSignal(key: "n1", accountID: "A", submittedAt: Self.daysAgo(1), sentiment: 0.6),
                       FeedbackSignal(key: "o1", accountID: "A", submittedAt: Self.daysAgo(8), sentiment: 0.1),
                       FeedbackSignal(key: "o2", accountID: "A", submittedAt: Self.daysAgo(10), sentiment: -0.5)]
        let health = Self.only(.sentimentTrend).assess(signals, directory: [:], asOf: Self.asOf)[0]
        // Sentiment is summed in whole 2⁻³² (`RollupUnits`): each value is within 2.4 × 10⁻¹⁰ of the record's.
        #expect(abs(health.score - 90) < 1e-7)
    }

    @Test func churnEffortRecencyAndVolume() {
        // 4 comments today, 1 with churn intent, 2 with effort: churn 75, effort 50.
        let signals = (0..<4).map { FeedbackSignal(key: "c\($0)", accountID: "A", submittedAt: Self.daysAgo(45), sentiment: 0, churn: $0 == 0, effort: $0 < 2) }
        #expect(abs(Self.only(.churn).assess(signals, directory: [:], asOf: Self.asOf)[0].score - 75) < 1e-9)
        #expect(abs(Self.only(.effort).assess(signals, directory: [:], asOf: Self.asOf)[0].score - 50) < 1e-9)
        // Latest feedback 45 days ago with a 90-day half-life: 100 × 2^−0.5 = 70.71.
        #expect(abs(Self.only(.recency).assess(signals, directory: [:], asOf: Self.asOf)[0].score - 100 / 2.0.squareRoot()) < 1e-9)
        // Volume: 4 × 2^−0.5 = 2.83 decayed responses of a target of 10 → 28.28.
        #expect(abs(Self.only(.volume).assess(signals, directory: [:], asOf: Self.asOf)[0].score - 40 / 2.0.squareRoot()) < 1e-9)
    }

    @Test func bandBoundariesAreYellow() {
        let bands = BandThresholds()
        #expect(bands.band(49.99) == .red)
        #expect(bands.band(50) == .yellow)
        #expect(bands.band(75) == .yellow)
        #expect(bands.band(75.01) == .green)
    }

    @Test func feedbackAfterTheAsOfDateIsIgnoredAndTrendComparesWithThePreviousPeriod() {
        let signals = [FeedbackSignal(key: "old", accountID: "A", submittedAt: Self.daysAgo(10), nps: 10),
                       FeedbackSignal(key: "new", accountID: "A", submittedAt: Self.daysAgo(2), nps: 0),
                       FeedbackSignal(key: "future", accountID: "A", submittedAt: Self.daysAgo(-3), nps: 0)]
        let health = Self.only(.nps).assess(signals, directory: [:], asOf: Self.asOf)[0]
        #expect(health.responses == 2)
        #expect(health.previousScore == 100)
        #expect(health.trend == .down)
        #expect(health.previousBand == .green)
    }

    @Test func historyPeriodsAreAlignedToMondays() {
        let model = HealthModel()
        let ends = model.periodEnds(asOf: Self.asOf, count: 3)
        // 2024-03-20 is a Wednesday: the boundaries before it are Monday 2024-03-18 and 2024-03-11, 00:00 UTC.
        #expect(ends == [Date(timeIntervalSince1970: 1_710_115_200), Date(timeIntervalSince1970: 1_710_720_000), Self.asOf])
    }

    @Test func driversRankResponsesByTheirDecayedPull() {
        let signals = [FeedbackSignal(key: "detractor", accountID: "A", submittedAt: Self.asOf, nps: 0, sentiment: -0.8, churn: true),
                       FeedbackSignal(key: "old-promoter", accountID: "A", submittedAt: Self.daysAgo(90), nps: 10),
                       FeedbackSignal(key: "other", accountID: "B", submittedAt: Self.asOf, nps: 0)]
        let model = HealthModel()
        let drivers = model.drivers(signals.filter { $0.accountID == "A" }, asOf: Self.asOf, limit: 5)
        #expect(drivers.map(\.key) == ["detractor", "old-promoter"])
        // Detractor: mean of 0 (NPS), 10 (sentiment 50 − 40), 0 (churn) = 3.33 → pull −46.67. Promoter: 0.5 × 50 = +25.
        #expect(abs(drivers[0].pull - (10.0 / 3 - 50)) < 1e-9)
        #expect(abs(drivers[1].pull - 25) < 1e-9)
        #expect(drivers[0].reasons.contains("churn intent"))
        #expect(model.drivers(signals, asOf: Self.asOf, limit: 0).isEmpty)
        #expect(model.drivers(signals, asOf: Self.daysAgo(1), limit: 5).map(\.key) == ["old-promoter"], "later records do not count")
    }

    @Test func aPassKeepsOnlyTheStrongestDriversWhateverTheOrder() {
        // Pulls of equal strength are ranked by key, so ties do not depend on the order either.
        let signals = (0..<40).map {
            FeedbackSignal(key: String(format: "r%02d", $0), accountID: "A", submittedAt: Self.asOf, sentiment: Double($0 % 11 - 5) / 5)
        }
        let expected = signals.filter { abs($0.sentiment!) == 1 }.map(\.key).sorted()
        #expect(expected == ["r00", "r10", "r11", "r21", "r22", "r32", "r33"])
        for order in [signals, signals.reversed(), signals.shuffled()] {
            #expect(HealthModel().drivers(order, asOf: Self.asOf, limit: expected.count).map(\.key) == expected)
        }
    }

    /// Three years of weekly feedback for 30 accounts in 3 segments, with every kind of answer.
    static func portfolio() -> (signals: [FeedbackSignal], directory: [String: DirectoryAccount]) {
        var generator = SplitMix64(seed: 11)
        let directory = Dictionary(uniqueKeysWithValues: (0..<30).map { index in
            ("A\(index)", DirectoryAccount(id: "A\(index)", segment: ["smb", "mid", "enterprise"][index % 3]))
        })
        let signals = (0..<3_000).map { index in
            let account = index % 7 == 0 ? nil : "A\(Int.random(in: 0..<32, using: &generator))"
            return FeedbackSignal(
                key: "r\(index)", accountID: account,
                submittedAt: index % 50 == 0 ? nil : daysAgo(Double.random(in: -10...1_000, using: &generator)),
                nps: Bool.random(using: &generator) ? Int.random(in: 0...10, using: &generator) : nil,
                csatFavourable: Bool.random(using: &generator) ? Bool.random(using: &generator) : nil,
                cesFavourable: Bool.random(using: &generator) ? Bool.random(using: &generator) : nil,
                sentiment: Bool.random(using: &generator) ? Double.random(in: -1...1, using: &generator) : nil,
                churn: Int.random(in: 0..<20, using: &generator) == 0, effort: Int.random(in: 0..<10, using: &generator) == 0)
        }
        return (signals, directory)
    }

    /// The signals summed per account and day, as a store's rollups hold them, each account's records split into
    /// `groups` series (as an account's records can come from several domains).
    static func series(_ signals: [FeedbackSignal], groups: Int = 1) -> [(account: String?, days: DaySeries)] {
        var series: [String?: [DaySeries]] = [:]
        for (index, signal) in signals.enumerated() {
            var day = DaySignals()
            day.add(signal)
            series[signal.accountID, default: Array(repeating: DaySeries(), count: groups)][index % groups]
                .add(day, day: signal.submittedAt.map { RollupKey.day(of: $0.timeIntervalSince1970) })
        }
        return series.sorted { ($0.key ?? "") < ($1.key ?? "") }.flatMap { account, parts in parts.map { (account, $0) } }
    }

    @Test func aPassGivesTheSameFiguresInAnyOrderToTheLastDigit() {
        let (signals, directory) = Self.portfolio()
        let groups = Self.series(signals)
        #expect(groups.map(\.days.count).reduce(0, +) < signals.count, "some days hold several records of one account")
        func run(_ groups: [(account: String?, days: DaySeries)]) -> (scores: [String], history: [String]) {
            var pass = HealthPass(model: HealthModel(), directory: directory, asOf: Self.asOf, historyPeriods: 8)
            for (account, days) in groups { pass.add(days, account: account) }
            return (pass.accounts().map { "\($0.account) \($0.score.bitPattern) \($0.confidence.bitPattern) \($0.previousScore?.bitPattern ?? 0)" },
                    pass.history().map { "\($0.account) \($0.periodEnd) \($0.score.bitPattern)" })
        }
        let forward = run(groups)
        #expect(forward.scores.count == 32, "30 directory accounts and 2 unknown ones")
        #expect(forward.history.count > 8 * 30)
        #expect(run(groups.reversed()) == forward)
        #expect(run(groups.shuffled()) == forward)
        // The same records split into other groups weigh each group's day once: equal to the last digits that the
        // rounding of weight × count leaves (the stores always group by account key and domain).
        let regrouped = HealthModel().assess(signals, directory: directory, asOf: Self.asOf)
        var split = HealthPass(model: HealthModel(), directory: directory, asOf: Self.asOf)
        for (account, days) in Self.series(signals, groups: 3).shuffled() { split.add(days, account: account) }
        #expect(zip(split.accounts(), regrouped).allSatisfy { $0.account == $1.account && abs($0.score - $1.score) < 1e-9 })
        let assessed = HealthModel().assess(signals.shuffled(), directory: directory, asOf: Self.asOf)
        #expect(assessed.map { "\($0.account) \($0.score.bitPattern) \($0.confidence.bitPattern) \($0.previousScore?.bitPattern ?? 0)" }
                == forward.scores, "assessing records sums them into the same cells")
    }

    @Test func historyPointsEqualAssessmentsAtEachPeriodEnd() {
        let (signals, directory) = Self.portfolio()
        let model = HealthModel()
        var pass = HealthPass(model: model, directory: directory, asOf: Self.asOf, historyPeriods: 5)
        for (account, days) in Self.series(signals) { pass.add(days, account: account) }
        let history = pass.history()
        #expect(Set(history.map(\.periodEnd)) == Set(model.periodEnds(asOf: Self.asOf, count: 5)))
        for end in model.periodEnds(asOf: Self.asOf, count: 5) {
            // A period end at midnight closes the day before it: the records of that day and earlier count.
            let closed = HealthModel.day(closedBy: end)
            let direct = model.assess(signals.filter { ($0.submittedAt.map { RollupKey.day(of: $0.timeIntervalSince1970) } ?? .min) <= closed },
                                      directory: directory, asOf: end)
                .sorted { $0.account < $1.account }
            let points = history.filter { $0.periodEnd == end }
            #expect(points.map(\.account) == direct.map(\.account))
            // The pass weighs every day at the as-of day and rescales; a pass as of `end` weighs at `end`.
            #expect(zip(points, direct).allSatisfy { abs($0.score - $1.score) < 1e-9 })
            #expect(points.map(\.responses) == direct.map(\.responses))
        }
        #expect(history.filter { $0.periodEnd == Self.asOf }.map(\.score) == pass.accounts().sorted { $0.account < $1.account }.map(\.score))
    }
}
