import Foundation
import GRDB
import Testing
@testable import VocStore
import VocCore
import VocTestSupport

/// The column enums are the one definition of the feedback and quarantine rows: the SQLite schema the migrations build
/// must declare exactly their columns, in their order and with their types, and the row writers must hand over every
/// column once, in that order (binding is positional).
@Suite struct StoreTableTests {
    @Test func theMigratedSQLiteSchemaDeclaresTheTablesColumnsInOrder() throws {
        let store = try SQLiteStore(path: Fixtures.temporaryDirectory().appendingPathComponent("voc.sqlite").path)
        func declared(_ table: String) throws -> [String] {
            try store.queue.read { db in try db.columns(in: table).map { "\($0.name) \($0.type)" } }
        }
        #expect(try declared("feedback") == ["id INTEGER"] + FeedbackColumn.allCases.map { "\($0.name) \($0.type.sqlite)" })
        #expect(try declared("quarantine") == QuarantineColumn.allCases.map { "\($0.name) \($0.type.sqlite)" })
        #expect(try declared("feedback_rollup") == RollupColumn.allCases.map { "\($0.name) \($0.type.sqlite)" })
        #expect(try declared("feedback_rollup_delta") == ["id INTEGER"] + RollupColumn.allCases.map { "\($0.name) \($0.type.sqlite)" })
        #expect(try declared("feedback_answer") == zip(SQLiteStore.partColumns(AnswerColumn.self), AnswerColumn.allCases).map { name, column in
            "\(name) \(column == .feedbackKey ? "INTEGER" : column.type.sqlite)"
        })
        #expect(try declared("survey_question") == QuestionColumn.allCases.map { "\($0.name) \($0.type.sqlite)" })
        #expect(try declared("feedback_aspect") == zip(SQLiteStore.partColumns(AspectRatingColumn.self), AspectRatingColumn.allCases).map { name, column in
            "\(name) \(column == .feedbackKey ? "INTEGER" : column.type.sqlite)"
        })
        #expect(try declared("team_message") == ["id INTEGER"] + MailColumn.allCases.map { "\($0.name) \($0.type.sqlite)" })
    }

    @Test func aRollupGroupWritesEveryColumnOnceInTableOrder() {
        var rollup = GroupRollup()
        rollup.totals.responses = 3
        var sink = ColumnRecorder()
        rollup.write(key: RollupKey(accountID: nil, domain: "acme.com"), into: &sink)
        #expect(sink.columns == RollupColumn.allCases.map(\.name))
        #expect(sink.values[RollupColumn.accountKey.rawValue] == "", "no account is stored as ''")
        #expect(sink.values[RollupColumn.responses.rawValue] == "3")
    }

    @Test func aFeedbackRecordWritesEveryColumnOnceInTableOrder() {
        var record = FeedbackRecord(key: "k", channel: .survey, position: SourcePosition(file: "f.csv", line: 2, record: 1))
        record.csat = ScaledAnswer(.rating(4), on: RatingScale.csat5)
        record.sentiment = SentimentSummary(compound: -0.5, label: .negative, churn: true, effort: false, topics: ["billing"])
        var sink = ColumnRecorder()
        var scales = ScaleCodeMemo()
        record.write(run: 7, scales: &scales, into: &sink)
        #expect(sink.columns == FeedbackColumn.allCases.map(\.name))
        #expect(sink.values[FeedbackColumn.csatScale.rawValue] == "1-5:4-5")
        #expect(sink.values[FeedbackColumn.csatGood.rawValue] == "true")
        #expect(sink.values[FeedbackColumn.sentimentLabel.rawValue] == "neg")
        #expect(sink.values[FeedbackColumn.runID.rawValue] == "7")
    }

    @Test func aQuarantinedRecordWritesEveryColumnOnceInTableOrder() {
        let entry = QuarantinedRecord(reason: .raggedRow, position: SourcePosition(file: "f.csv", line: 3, record: 2), detail: "3 fields, expected 4",
                                      raw: Array("a,b,c".utf8))
        var sink = ColumnRecorder()
        entry.write(run: 1, into: &sink)
        #expect(sink.columns == QuarantineColumn.allCases.map(\.name))
    }

    @Test func readersFindEachSelectedColumnWhereTheSelectPutsIt() {
        let positions = StoredFeedback.columns
        #expect(positions.columns.enumerated().allSatisfy { positions[$0.element] == $0.offset })
        #expect(Set(positions.columns).count == positions.columns.count, "no column selected twice")
    }
}

/// Records which columns a writer hands over, in order, with their values as text.
private struct ColumnRecorder: StoreRowSink {
    var columns: [String] = []
    var values: [String] = []

    mutating func record(_ value: String, _ column: some StoreColumn) {
        columns.append(column.name)
        values.append(value)
    }

    mutating func put(_ value: String?, _ column: some StoreColumn) { record(value ?? "NULL", column) }
    mutating func put(_ value: Int?, _ column: some StoreColumn) { record(value.map(String.init) ?? "NULL", column) }
    mutating func put(_ value: Double?, _ column: some StoreColumn) { record(value.map { "\($0)" } ?? "NULL", column) }
    mutating func put(_ value: Bool?, _ column: some StoreColumn) { record(value.map { "\($0)" } ?? "NULL", column) }
    mutating func put(_ value: [UInt8], _ column: some StoreColumn) { record("\(value.count) bytes", column) }
}
