import Foundation
import Testing
@testable import VocIngest
import VocTestSupport

/// Every file of the csv-spectrum suite, compared with its expected JSON (skipped when ../shared is absent).
@Suite struct CSVSpectrumTests {
    static let files = Fixtures.sharedFiles("parsing_suites/csv-spectrum/csvs", extensions: ["csv"])

    /// Where the suite contradicts itself: `location_coordinates.json` is a single object whose phone number
    /// (1234567890) is not the one in its CSV (2095257564). Every other field of that file is still compared.
    static let upstreamErrata: [String: Set<String>] = ["location_coordinates.csv": ["Contact Phone Number"]]

    @Test(.enabled(if: !files.isEmpty, "../shared/corpora is absent"), arguments: files)
    func matchesExpectedJSON(_ file: URL) throws {
        let expectedURL = file.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("json").appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: expectedURL))
        let ignored = Self.upstreamErrata[file.lastPathComponent] ?? []
        let expected = ((json as? [[String: String]]) ?? [json as! [String: String]]).map { $0.filter { !ignored.contains($0.key) } }
        let items = try readAll([UInt8](Data(contentsOf: file)))
        guard case .record(let header, _)? = items.first else {
            Issue.record("no header in \(file.lastPathComponent)")
            return
        }
        let rows: [[String: String]] = items.dropFirst().map { item in
            guard case .record(let fields, _) = item else { return [:] }
            return Dictionary(uniqueKeysWithValues: zip(header, fields)).filter { !ignored.contains($0.key) }
        }
        #expect(rows == expected, "\(file.lastPathComponent)")
    }
}
