import Foundation
import Testing
import VocCore
import VocHealth
import VocTestSupport

@Suite struct HealthConfigurationTests {
    @Test func theDocumentedFileIsTheBuiltInDefault() throws {
        let path = Fixtures.repositoryRoot.appendingPathComponent("docs/health.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let loaded = try HealthConfiguration.load(yaml: text, path: path)
        var expected = HealthConfiguration()
        expected.segments = loaded.segments
        #expect(loaded == expected, "docs/health.yaml must state the defaults")
        #expect(loaded.segments["high-touch"]?.weights[.churn] == 15)
        #expect(loaded.segments["high-touch"]?.weights[.nps] == 20, "a segment overrides only the weights it names")
    }

    @Test func segmentProfilesOverrideWeightsAndBands() throws {
        let configuration = try HealthConfiguration.load(yaml: """
            half_life_days: 30
            bands: {red_below: 40, green_above: 80}
            segments:
              tech-touch:
                weights: {volume: 0}
                bands: {red_below: 45}
            """, path: "health.yaml")
        #expect(configuration.halfLifeDays == 30)
        #expect(configuration.profile.bands == BandThresholds(redBelow: 40, greenAbove: 80))
        let tech = configuration.profile(forSegment: "tech-touch")
        #expect(tech.bands == BandThresholds(redBelow: 45, greenAbove: 80))
        #expect(tech.weights[.volume] == 0)
        #expect(configuration.profile(forSegment: "other") == configuration.profile)
    }

    @Test func mistakesNameTheLine() {
        #expect(throws: VocError.self) { try HealthConfiguration.load(yaml: "weights:\n  npss: 3\n", path: "h.yaml") }
        do {
            _ = try HealthConfiguration.load(yaml: "half_life_days: 90\nperiod_dayz: 7\n", path: "h.yaml")
            Issue.record("an unknown key must be an error")
        } catch {
            #expect("\(error)".contains("h.yaml:2"))
            #expect("\(error)".contains("period_dayz"))
        }
        #expect(throws: VocError.self) { try HealthConfiguration.load(yaml: "bands: {red_below: 80, green_above: 60}\n", path: "h.yaml") }
        #expect(throws: VocError.self) { try HealthConfiguration.load(yaml: "half_life_days: -3\n", path: "h.yaml") }
        #expect(throws: VocError.self) { try HealthConfiguration.load(yaml: "weights: {nps: 0, csat: 0, ces: 0, sentiment: 0, sentiment_trend: 0, detractors: 0, churn: 0, effort: 0, recency: 0, volume: 0}\n", path: "h.yaml") }
    }
}
