import Foundation
import Testing
import VocCore
import VocPostgres
import VocReport
import VocScore
import VocStore
import VocTestSupport

/// The phrase index gives the portfolio's themes exactly as counting every comment does: at instants inside days
/// (parts of days read from the records), after later ingests (counted on from its mark), after a change of stop
/// words (counted anew), and when two runs bring it up to date at once; on SQLite and PostgreSQL.
@Suite struct PhraseIndexTests {
    static let start = ISO8601DateFormatter().date(from: "2024-01-01T03:00:00Z")!

    /// Comments every 3 h 8 min 37 s from `start` (rows `rows`), in three languages with plurals; from 2024-04-10 on,
    /// every fourth one also complains that the export button disappeared (in its language, or shouting).
    static func export(_ rows: Range<Int>, shift: TimeInterval = 0) -> String {
        let ordinary = ["Support answered quickly, thanks.", "The invoices were wrong again.", "One invoice was wrong.",
                        "O suporte respondeu rápido.", "As faturas vieram erradas.", "A fatura veio errada.",
                        "El soporte respondió rápido.", "Las facturas llegaron mal.", "La factura llegó mal."]
        let planted = ["The export button disappeared from the reports page.", "O botão de exportar sumiu da página de relatórios.",
                       "El botón de exportar desapareció de la página de informes.", "The EXPORT BUTTTTON disappeared &amp; reports are gone!!!"]
        let plantFrom = ISO8601DateFormatter().date(from: "2024-04-10T00:00:00Z")!
        var lines = ["Response ID,Account ID,Submitted At,How likely are you to recommend us? (0-10),Comments"]
        let formatter = ISO8601DateFormatter()
        for index in rows {
            let date = start.addingTimeInterval(Double(index) * 11_317 + shift)
            let text = date >= plantFrom && index % 4 == 0 ? planted[(index / 4) % planted.count] : ordinary[index % ordinary.count]
            // Each comment numbered, as tickets are: a column of a few repeated texts would read as a category.
            lines.append("q\(index)-\(Int(shift)),A\(1 + index % 5),\(formatter.string(from: date)),\(index % 11),\"\(text) #\(index)\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Windows that end inside a day, at a day's end, and one too short to hold a whole day.
    static let cases: [(asOf: String, recent: Int, baseline: Int)] = [
        ("2024-04-20T13:17:00Z", 14, 90), ("2024-04-25T23:59:59Z", 7, 30), ("2024-04-22T09:30:00Z", 1, 45), ("2024-03-01T00:00:00Z", 14, 90),
    ]

    /// The themes by the index equal those by the records, for every case; returns how many themes emerged in all.
    @discardableResult
    static func expectSameThemes(_ store: any FeedbackStore, extractor: PhraseExtractor) async throws -> Int {
        let view = try await AccountDirectoryView(store: store)
        var found = 0
        for item in cases {
            let asOf = ISO8601DateFormatter().date(from: item.asOf)!
            let indexed = try await ThemeReport.find(view: view, extractor: extractor, scope: DriverScope(), asOf: asOf, recentDays: item.recent,
                                                     baselineDays: item.baseline, minimumCount: 2)
            let counted = try await ThemeReport.find(view: view, extractor: extractor, scope: DriverScope(), asOf: asOf, recentDays: item.recent,
                                                     baselineDays: item.baseline, minimumCount: 2, usingIndex: false)
            #expect(indexed.recentComments == counted.recentComments && indexed.baselineComments == counted.baselineComments, "\(item)")
            #expect(indexed.themes == counted.themes, "\(item): \(indexed.themes.map(\.phrase)) against \(counted.themes.map(\.phrase))")
            found += indexed.themes.count
        }
        return found
    }

    static func scenario(store location: String, open: () async throws -> any FeedbackStore) async throws {
        let extractor = try PhraseExtractor.load(from: Fixtures.lexicons)
        #expect(try VocProcess.run(["ingest", Fixtures.write(Self.export(0..<900))], store: location).status == 0)
        let store = try await open()
        let everyDay = 19_000...20_500
        #expect(try await store.phraseIndexMarks(days: everyDay) == PhraseIndexMarks(extractor: nil, through: [:]))
        let found = try await expectSameThemes(store, extractor: extractor)
        #expect(found > 0, "the planted phrase emerges")
        let marks = try await store.phraseIndexMarks(days: everyDay), arrived = try await store.arrivedThrough()
        #expect(marks.extractor == extractor.fingerprint && marks.through.values.allSatisfy { $0 == arrived })
        // The windows' days only, 2023-11-18 (the earliest baseline) to 2024-04-25 (the latest as-of day).
        #expect(marks.through.keys.min() == 19_679 && marks.through.keys.max() == 19_838, "\(marks.through.keys.sorted())")
        let report = try await ThemeReport.find(view: AccountDirectoryView(store: store), extractor: extractor, scope: DriverScope(),
                                                asOf: ISO8601DateFormatter().date(from: "2024-04-20T13:17:00Z")!)
        #expect(report.themes.contains { $0.phrase == "export button" && $0.new && $0.language == "en" })

        // Later arrivals, some of them dated in days the index has counted already.
        #expect(try VocProcess.run(["ingest", Fixtures.write(Self.export(500..<1_000, shift: 5_000), name: "later.csv")], store: location).status == 0)
        try await expectSameThemes(store, extractor: extractor)
        let later = try await store.arrivedThrough()
        #expect(try await store.phraseIndexMarks(days: everyDay).through.values.allSatisfy { $0 == later })

        // Other stop words: the index is counted anew with them.
        let lexicons = Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.lexicons.root, to: lexicons.appendingPathComponent("lexicons"))
        let stopwords = lexicons.appendingPathComponent("lexicons/en/stopwords.txt")
        try (String(contentsOf: stopwords, encoding: .utf8) + "button\n").write(to: stopwords, atomically: true, encoding: .utf8)
        let other = try PhraseExtractor.load(from: LexiconDirectory(root: lexicons.appendingPathComponent("lexicons")))
        #expect(other.fingerprint != extractor.fingerprint)
        try await expectSameThemes(store, extractor: other)
        #expect(try await store.phraseIndexMarks(days: everyDay).extractor == other.fingerprint)

        // Two runs bringing it up to date at once count each comment once.
        #expect(try VocProcess.run(["ingest", Fixtures.write(Self.export(1_000..<1_100, shift: 9_000), name: "last.csv")], store: location).status == 0)
        let (first, second) = (try await open(), try await open())
        async let one: Void = PhraseIndex(store: first, extractor: other).count(days: 19_679...19_838)
        async let two: Void = PhraseIndex(store: second, extractor: other).count(days: 19_700...19_838)
        _ = try await (one, two)
        try await expectSameThemes(store, extractor: other)
    }

    @Test func theIndexGivesTheThemesOfTheRecordsOnSQLite() async throws {
        let path = VocProcess.temporaryStore()
        try await Self.scenario(store: path) { try SQLiteStore(path: path) }
    }

    @Test func theIndexGivesTheThemesOfTheRecordsOnPostgreSQL() async throws {
        let server = try PostgresTestServer.start()
        defer { server.stop() }
        try await Self.scenario(store: server.url) { try await PostgresStore(url: server.url) }
    }

    /// What `voc serve` counts when it starts is what the first "What's new" page reads: that page counts nothing more.
    @Test func theDefaultWindowsCanBeCountedAhead() async throws {
        let path = VocProcess.temporaryStore()
        #expect(try VocProcess.run(["ingest", Fixtures.write(Self.export(0..<900))], store: path).status == 0)
        let store: any FeedbackStore = try SQLiteStore(path: path)
        let extractor = try PhraseExtractor.load(from: Fixtures.lexicons)
        let asOf = ISO8601DateFormatter().date(from: "2024-04-20T13:17:00Z")!
        try await ThemeReport.prepareIndex(store: store, extractor: extractor, asOf: asOf)
        let marks = try await store.phraseIndexMarks(days: 19_000...20_500)
        // The baseline starts 2024-01-07 at 13:17 (less than half that day: read from the records), so 2024-01-08 to
        // 2024-04-20, whose 13 h 17 min the recent window covers.
        #expect(marks.through.keys.min() == 19_730 && marks.through.keys.max() == 19_833 && marks.through.count == 104)
        let report = try await ThemeReport.find(view: AccountDirectoryView(store: store), extractor: extractor, scope: DriverScope(), asOf: asOf)
        #expect(!report.themes.isEmpty)
        #expect(try await store.phraseIndexMarks(days: 19_000...20_500) == marks)
    }

    /// Days the window covers at least half of come from the index, less what lies outside the window; the others'
    /// parts are read from the records.
    @Test func daysAreReadWholeWhenTheWindowCoversMostOfThem() {
        let day = 19_800.0 * 86_400
        let instant = { (seconds: Double) in Date(timeIntervalSince1970: day + seconds) }
        let ends = { (intervals: [DateInterval]) in intervals.map { [$0.start.timeIntervalSince1970 - day, $0.end.timeIntervalSince1970 - day] } }
        // From 01:00 on the first day to 00:01 on the fourth: three days whole, the first less its first hour, the
        // fourth's first minute added.
        let most = PhraseIndex.split(DateInterval(start: instant(3_600), end: instant(3 * 86_400 + 60)))
        #expect(most.days == 19_800...19_802 && ends(most.add) == [[3 * 86_400, 3 * 86_400 + 60]] && most.subtract.map(\.start) == [instant(0)])
        #expect(most.subtract.allSatisfy { $0.end < instant(3_600) && $0.end > instant(3_599.999) }, "up to the instant before the window")
        // A --as-of day ends a second before midnight: the day is whole, less that second.
        let asOf = PhraseIndex.split(DateInterval(start: instant(0.001), end: instant(2 * 86_400 - 1)))
        #expect(asOf.days == 19_800...19_801 && ends(asOf.add).isEmpty && asOf.subtract.count == 2)
        // From 20:00 to 10:00 two days later: one whole day, the evening and the morning read.
        let little = PhraseIndex.split(DateInterval(start: instant(20 * 3_600), end: instant(2 * 86_400 + 10 * 3_600)))
        #expect(little.days == 19_801...19_801 && little.add.count == 2 && little.subtract.isEmpty)
        let short = PhraseIndex.split(DateInterval(start: instant(60), end: instant(86_399)))
        #expect(short.days == nil && short.add.count == 1 && short.subtract.isEmpty)
    }
}
