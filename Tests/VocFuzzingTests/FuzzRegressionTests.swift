import Foundation
import Testing
import VocFuzzing
import VocTestSupport

/// Every input a fuzz run ever crashed or hung on (`corpora/fuzz/<target>/`), replayed through its
/// target on every test run, plus the project's sample inputs as a smoke run of each target.
@Suite struct FuzzRegressionTests {
    static let regressions = Fixtures.corpora.appendingPathComponent("fuzz")

    static func inputs(_ target: FuzzTarget) -> [URL] {
        let folder = regressions.appendingPathComponent(target.rawValue)
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
    }

    /// An input that once hung a parser fails the test through the time limit instead of stalling CI.
    @Test(.timeLimit(.minutes(5)), arguments: FuzzTarget.allCases)
    func everyInputOfTheFuzzCorpusPasses(_ target: FuzzTarget) throws {
        for input in Self.inputs(target) {
            target.run(Array(try Data(contentsOf: input)))
        }
    }

    @Test func theTargetsReadRealInputs() throws {
        let survey = Array(try Data(contentsOf: Fixtures.corpora.appendingPathComponent("surveys/generic_en.csv")))
        let body = survey.split(separator: UInt8(ascii: "\n"), maxSplits: 1).last.map(Array.init) ?? []
        #expect(FuzzTarget.csv.run(body) > 5, "the CSV target maps rows under its fixed header")
        let xml = Array(try Data(contentsOf: Fixtures.corpora.appendingPathComponent("xml/responses_es_pt.xml")))
        #expect(FuzzTarget.xml.run(xml) > 3)
        #expect(FuzzTarget.mime.run(Array("Content-Type: text/plain; charset=iso-8859-1\n\nN\u{E3}o gostei do suporte".utf8)) == 1)
        #expect(FuzzTarget.rfc2047.run(Array("=?ISO-8859-1?Q?Jos=E9?= <jose@example.com>".utf8)) == 1)
        #expect(FuzzTarget.sentiment.run(Array("no me gustó nada 😡".utf8)) > 0)
        #expect(FuzzTarget.query.run(Array("band=red&q=caf%C3%A9&page=2&page_size=10&utm_source=mail".utf8)) > 10, "a valid query builds its links and page")
        #expect(FuzzTarget.query.run(Array("band=purple".utf8)) == 0, "an invalid parameter is refused")
    }
}
