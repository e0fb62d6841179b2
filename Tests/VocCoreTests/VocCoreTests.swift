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
