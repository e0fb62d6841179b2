import Foundation
import Testing
import VocCore
@testable import VocScore

/// Churn, GRR and NRR from CRM snapshots, on a history whose answers are worked out by hand.
@Suite struct RetentionAnalysisTests {
    static func day(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + "T00:00:00Z")! }

    static func account(_ id: String, _ arr: Double?, _ segment: String = "x", owner: String = "Dana", _ status: AccountStatus? = nil) -> DirectoryAccount {
        DirectoryAccount(id: id, segment: segment, arr: arr, owner: owner, status: status)
    }

    /// Jan 1: A 100, B 200 (x); C 300, D 400 (y, Luis's). Apr 1: A up to 150, B marked churned, C down to 250, D gone,
    /// E new at 100. Jul 1: E up to 120, F new, the rest as on Apr 1.
    static let history = [
        AccountSnapshot(date: day("2024-07-01"), accounts: [account("A", 150), account("C", 250, "y", owner: "Luis"), account("E", 120), account("F", 10)]),
        AccountSnapshot(date: day("2024-01-01"), accounts: [account("A", 100), account("B", 200), account("C", 300, "y", owner: "Luis"),
                                                           account("D", 400, "y", owner: "Luis")]),
        AccountSnapshot(date: day("2024-04-01"), accounts: [account("A", 150), account("B", 200, "x", .churned), account("C", 250, "y", owner: "Luis"),
                                                           account("E", 100)]),
    ]

    @Test func quartersCountChurnContractionAndExpansion() throws {
        let rows = RetentionAnalysis().rows(Self.history, period: .quarter)
        #expect(rows.map(\.periodStart) == [Self.day("2024-01-01"), Self.day("2024-04-01")])
        let first = rows[0]
        let firstCounts: [Int] = [first.accountsStart, first.churned, first.new]
        #expect(firstCounts == [4, 2, 1], "B marked churned, D absent; E new")
        #expect([first.arrStart, first.churnedArr, first.contractionArr, first.expansionArr] == [1000.0, 600, 50, 50])
        #expect(first.logoChurnRate == 50.0 && first.grr == 35.0 && first.nrr == 40.0)
        #expect(first.startSnapshot == Self.day("2024-01-01") && first.endSnapshot == Self.day("2024-04-01"))
        let second = rows[1]
        let secondCounts: [Int] = [second.accountsStart, second.churned, second.new]
        #expect(secondCounts == [3, 0, 1])
        #expect(second.grr == 100.0 && second.nrr == 104.0, "E's 20 on 500")
    }

    @Test func aPeriodNeedsASnapshotAtItsStartAndAnotherAtItsEnd() throws {
        let months = RetentionAnalysis().rows(Self.history, period: .month)
        #expect(months.map(\.periodStart) == [Self.day("2024-03-01"), Self.day("2024-06-01")], "a change is dated at the snapshot that shows it")
        #expect(months[0].churned == 2 && months[1].new == 1)
        #expect(RetentionAnalysis().rows(Self.history, period: .year).isEmpty, "2024 is covered to July only")
        var yearEnd = Self.history
        yearEnd.append(AccountSnapshot(date: Self.day("2024-12-31"), accounts: Self.history[0].accounts))
        #expect(RetentionAnalysis().rows(yearEnd, period: .year).map(\.churned) == [2], "a snapshot on its last day ends it")
        #expect(RetentionAnalysis().rows([Self.history[0]], period: .quarter).isEmpty, "one snapshot measures nothing")
    }

    @Test func segmentsAndOwnersSplitTheAccounts() throws {
        let bySegment = RetentionAnalysis(bySegment: true).rows(Self.history, period: .quarter).filter { $0.periodStart == Self.day("2024-01-01") }
        #expect(bySegment.map(\.segment) == ["x", "y"])
        #expect(bySegment.map(\.churned) == [1, 1] && bySegment.map(\.accountsStart) == [2, 2])
        #expect(bySegment[0].new == 1 && bySegment[0].grr == 100 * (300 - 200) / 300.0 && bySegment[0].nrr == 100 * (300 - 200 + 50) / 300.0)
        #expect(bySegment[1].grr == 100 * (700 - 400 - 50) / 700.0)
        let luis = RetentionAnalysis(owner: "Luis").rows(Self.history, period: .quarter)
        #expect(luis.map(\.accountsStart) == [2, 1] && luis[0].churned == 1 && luis[0].new == 0)
    }
}
