import Foundation
import Testing
import VocCore
import VocTestSupport

@Suite struct VocErrorTests {
    @Test func descriptionReadsLikeADiagnostic() {
        let error = VocError(.invalidInput, "unterminated quote", at: SourcePosition(file: "surveys.csv", line: 812, record: 811))
        #expect(error.description == "surveys.csv:812: record 811: unterminated quote")
        #expect(error.code == .invalidInput)
    }
}

@Suite struct RatingScaleTests {
    @Test func csatTopBoxFollowsTheScaleLength() throws {
        #expect(try RatingScale.csat(1...5).favourable == 4...5)
        #expect(try RatingScale.csat(1...3).favourable == 3...3)
        #expect(try RatingScale.csat(1...7).favourable == 6...7)
        #expect(try RatingScale.csat(1...10).favourable == 8...10)
    }

    @Test func cesEasyIsTheEasySideOfTheMidpoint() throws {
        #expect(try RatingScale.ces(1...7).favourable == 5...7)
        #expect(try RatingScale.ces(1...5).favourable == 4...5)
        #expect(try RatingScale.ces(1...5, lowerIsEasier: true).favourable == 1...2)
    }

    @Test func invalidScalesAreConfigurationErrors() throws {
        #expect(throws: VocError.self) { try RatingScale(minimum: 5, maximum: 1, favourable: 1...1) }
        #expect(throws: VocError.self) { try RatingScale(minimum: 1, maximum: 5, favourable: 4...6) }
        #expect(throws: VocError.self) { try RatingScale.parseRange("1 to 5") }
        #expect(try RatingScale.parseRange("1-10:8-10").favourable == 8...10)
    }
}

@Suite struct StableHasherTests {
    @Test func isDeterministicAndSeparatesFields() {
        func hash(_ parts: [String]) -> String {
            var hasher = StableHasher()
            for part in parts { hasher.combine(part) }
            return hasher.finalizeHex()
        }
        #expect(hash(["ab", "c"]) == hash(["ab", "c"]))
        #expect(hash(["ab", "c"]) != hash(["a", "bc"]))
        #expect(hash(["ab", "c"]).count == 32)
        // Pinned (computed independently with Python big integers): stored keys must stay valid.
        #expect(hash([""]) == "d228cb68f51a8caf78912b704e49f346")
    }
}

@Suite struct LexiconTableTests {
    @Test func skipsCommentsAndKeepsLineNumbers() throws {
        let table = try LexiconTable(path: "x.tsv", text: "# header\n\nbad\tword\n# more\ngood\tthing\n")
        #expect(table.rows.map(\.line) == [3, 5])
        #expect(table.rows[1].columns == ["good", "thing"])
        #expect(table.error("oops", row: table.rows[0]).description == "x.tsv:3: oops")
    }

    @Test func everyLanguageHasTheSameDataFiles() throws {
        for language in LexiconDirectory.languages {
            for file in ["columns.tsv", "not-applicable.txt", "language-names.tsv"] {
                #expect(try !Fixtures.lexicons.table(file, language: language).rows.isEmpty, "\(language)/\(file)")
            }
        }
    }
}

@Suite struct TallyTests {
    @Test func npsBandsAndSkippedAnswers() {
        var tally = NPSTally()
        for answer in [ScoreAnswer.rating(10), .rating(9), .rating(8), .rating(7), .rating(6), .rating(0), .blank, .notApplicable] {
            tally.add(answer)
        }
        #expect(tally == NPSTally(promoters: 2, passives: 2, detractors: 2, blank: 1, notApplicable: 1))
        #expect(tally.answered == 6)
    }

    @Test func ratingTallyNoticesMixedScales() throws {
        var tally = RatingTally()
        tally.add(ScaledAnswer(.rating(5), on: .csat5))
        #expect(tally.scale == .csat5)
        tally.add(ScaledAnswer(.rating(7), on: try .csat(1...7)))
        #expect(tally.scale == nil)
        #expect(tally.favourable == 2)
        #expect(tally.unitSum == 2)
    }
}

@Suite struct ExactSumTests {
    @Test func theSumDoesNotDependOnTheOrderOfItsTerms() {
        var generator = SystemRandomNumberGenerator()
        let terms = (0..<10_000).map { _ in Double.random(in: -1...1, using: &generator) * pow(0.5, Double.random(in: 0...40, using: &generator)) }
        var forward = ExactSum()
        terms.forEach { forward.add($0) }
        for _ in 0..<5 {
            var shuffled = ExactSum()
            terms.shuffled(using: &generator).forEach { shuffled.add($0) }
            #expect(shuffled == forward)
            #expect(shuffled.value.bitPattern == forward.value.bitPattern)
        }
        // Plain floating-point addition does depend on the order: 1 + 1e-16 + 1e-16 − 1 is 0 one way, 2e-16 the other.
        var a = ExactSum(), b = ExactSum()
        [1, 1e-16, 1e-16, -1].forEach { a.add($0) }
        [1e-16, 1e-16, 1, -1].forEach { b.add($0) }
        #expect(a == b)
        #expect(abs(a.value - 2e-16) < 1e-18)
    }

    @Test func sumsAreExactToTheUnitOfTruncation() {
        var sum = ExactSum()
        for _ in 0..<1_000_000 { sum.add(0.1) }
        #expect(abs(sum.value - 100_000) < 1e-9)
        var halves = ExactSum()
        halves.add(0.5)
        halves.add(-4)
        halves.add(4)
        #expect(halves.value == 0.5)
        var merged = ExactSum()
        merged.add(sum)
        merged.add(halves)
        #expect(abs(merged.value - 100_000.5) < 1e-9)
        var small = ExactSum()
        small.add(-1e-10)
        #expect(abs(small.value + 1e-10) < 1e-18, "small negative sums keep their digits")
        small.add(-3.5)
        small.add(3.5)
        small.add(2e-10)
        #expect(abs(small.value - 1e-10) < 1e-18)
        var negative = ExactSum()
        for _ in 0..<1_000_000 { negative.add(-0.7) }
        #expect(abs(negative.value + 700_000) < 1e-9)
    }
}

@Suite struct RollupTests {
    static func facts(account: String?, email: String?, at seconds: Double?, nps: Int?, sentiment: Double?, topics: [String] = [], language: String? = "en") -> RollupFacts {
        RollupFacts(key: RollupKey(accountID: account, respondentEmail: email), accountName: account.map { "Name of \($0)" }, submittedAt: seconds,
                    nps: nps.map { .rating($0) }, csat: .init(answer: .rating(4), scaleCode: "1-5:4-5", favourable: true, unit: 0.75),
                    ces: .init(answer: .blank, scaleCode: "1-7:5-7", favourable: false, unit: nil), hasComment: sentiment != nil,
                    sentiment: sentiment, negative: (sentiment ?? 0) < -0.05, churn: false, effort: sentiment.map { $0 < -0.5 } ?? false,
                    language: language, topics: topics)
    }

    /// Records over a few accounts, days and domains, with undated ones and negative sentiment.
    static func sample() -> [RollupFacts] {
        var generator = SplitMix64(seed: 3)
        return (0..<400).map { index in
            let account = index % 9 == 0 ? nil : "A\(index % 5)"
            return facts(account: account, email: index % 4 == 0 ? nil : "p\(index)@Dom\(index % 3).Example",
                         at: index % 17 == 0 ? nil : 1_700_000_000 + Double(Int.random(in: -200_000...9_000_000, using: &generator)),
                         nps: index % 6 == 0 ? nil : index % 11, sentiment: index % 5 == 0 ? nil : Double.random(in: -1...1, using: &generator),
                         topics: index % 3 == 0 ? ["billing", "support"] : ["support"], language: ["en", "es", "pt", nil][index % 4])
        }
    }

    @Test func rollupsDoNotDependOnOrderOrBatching() {
        let records = Self.sample()
        var whole = RollupBatch()
        records.forEach { whole.add($0) }
        var shuffled = RollupBatch()
        records.shuffled().forEach { shuffled.add($0) }
        #expect(shuffled == whole)
        var batched = RollupBatch()
        for start in stride(from: 0, to: records.count, by: 37) {
            var batch = RollupBatch()
            records[start..<min(start + 37, records.count)].forEach { batch.add($0) }
            batched.merge(batch)
        }
        #expect(batched == whole, "merging batches gives the same integers as one pass")
        #expect(whole.groups.values.reduce(0) { $0 + $1.totals.responses } == records.count)
        #expect(whole.groups.keys.contains(RollupKey(accountID: "A1", domain: "dom1.example")), "domains are lower-cased")
    }

    @Test func daySeriesAndLabelsSurviveTheirBinaryForm() throws {
        var whole = RollupBatch()
        Self.sample().forEach { whole.add($0) }
        for rollup in whole.groups.values {
            #expect(try RollupCoding.decodeDays(RollupCoding.encode(days: rollup.days)) == rollup.days)
            #expect(try RollupCoding.decodeLabels(RollupCoding.encode(labels: rollup.labels)) == rollup.labels)
        }
        let undated = try #require(whole.groups.values.first { $0.days.entries.first?.day == nil })
        #expect(undated.days.entries.dropFirst().allSatisfy { $0.day != nil }, "the undated records come first")
        #expect(whole.groups.values.contains { $0.days.contains { $0.signals.sentimentUnits < 0 } }, "negative sums round-trip")
        let encoded = RollupCoding.encode(days: undated.days)
        #expect(throws: RollupDecodingError.self) { try RollupCoding.decodeDays(Array(encoded.dropLast(3))) }
        #expect(throws: RollupDecodingError.self) { try RollupCoding.decodeDays([9] + encoded.dropFirst()) }
        #expect(throws: RollupDecodingError.self) { try RollupCoding.decodeLabels([1, 1, 7, 0, 0]) }
        #expect(try RollupCoding.decodeDays([]).count == 0)
    }

    @Test func aDayCountsItsRecordsAndTheTotalsEveryAnswer() {
        var rollup = GroupRollup()
        for facts in [Self.facts(account: "A", email: nil, at: 86_400 * 3 + 10, nps: 10, sentiment: 0.5),
                      Self.facts(account: "A", email: nil, at: 86_400 * 3 + 500, nps: 3, sentiment: -0.75),
                      Self.facts(account: "A", email: nil, at: nil, nps: nil, sentiment: nil)] {
            rollup.add(facts)
        }
        #expect(rollup.days.entries.map(\.day) == [nil, 3])
        let day = rollup.days.entries[1].signals
        #expect((day.responses, day.nps.answered, day.nps.promoters, day.nps.detractors, day.scored, day.effort) == (2, 2, 1, 1, 2, 1))
        #expect(day.sentimentUnits == RollupUnits.units(0.5) + RollupUnits.units(-0.75))
        #expect(day.lastAt == Double(86_400 * 3 + 500))
        #expect(rollup.totals.responses == 3 && rollup.totals.nps.answered == 2)
        #expect(rollup.totals.csat.answered == 3 && rollup.totals.csat.unitSum == 3 * RollupUnits.units(0.75))
        #expect(rollup.totals.ces.blank == 3 && rollup.totals.ces.sharedScale == "1-7:5-7")
        #expect(rollup.labels[RollupLabel(kind: .language, label: "en")]?.records == 3)
    }

    /// A topic's tally counts what its records answered and felt; the effort signal is a label of the records that
    /// show it (scored comments only), so drivers can set them against the rest.
    @Test func aLabelTalliesTheRecordsThatCarryIt() throws {
        var rollup = GroupRollup()
        for facts in [Self.facts(account: "A", email: nil, at: 10, nps: 10, sentiment: 0.5, topics: ["price", "support"]),
                      Self.facts(account: "A", email: nil, at: 20, nps: 3, sentiment: -0.75, topics: ["price"]),
                      Self.facts(account: "A", email: nil, at: 30, nps: nil, sentiment: nil)] {
            rollup.add(facts)
        }
        let price = try #require(rollup.labels[RollupLabel(kind: .topic, label: "price")])
        let signals = price.signals
        #expect((price.records, signals.nps.promoters, signals.nps.detractors, signals.nps.answered) == (2, 1, 1, 2))
        #expect((signals.csatAnswered, signals.csatFavourable, signals.cesAnswered) == (2, 2, 0))
        #expect((signals.scored, price.negative, signals.effort, signals.lastAt) == (2, 1, 1, 20))
        #expect(signals.sentimentUnits == RollupUnits.units(0.5) + RollupUnits.units(-0.75))
        #expect(price.sentimentSquareUnits == RollupUnits.units(0.25) + RollupUnits.units(0.5625))
        #expect(rollup.labels[RollupLabel(kind: .topic, label: "support")]?.signals.nps.promoters == 1)
        #expect(rollup.labels[.effort]?.records == 1 && rollup.labels[.churn] == nil)
        #expect(rollup.totals.sentimentSquareUnits == price.sentimentSquareUnits)
        #expect(try RollupCoding.decodeLabels(RollupCoding.encode(labels: rollup.labels)) == rollup.labels)
        #expect(throws: RollupDecodingError.self, "counts only (version 1) are not read as tallies") {
            try RollupCoding.decodeLabels([1, 1, 0, 5] + Array("price".utf8) + [4])
        }
    }
}
