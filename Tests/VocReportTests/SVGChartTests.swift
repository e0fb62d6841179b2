import Foundation
import Testing
@testable import VocReport

/// The dashboard's charts: periods labelled by their first day, the partial last period drawn as partial, axis
/// titles, round ticks, band guides, and a size that follows the page.
@Suite struct SVGChartTests {
    /// Weekly ends as the health history makes them: Mondays, then the as-of instant (a Wednesday noon).
    let periods = ChartPeriods(ends: [
        "2024-02-26T00:00:00Z", "2024-03-04T00:00:00Z", "2024-03-11T00:00:00Z", "2024-03-13T12:00:00Z",
    ].map { ISO8601DateFormatter().date(from: $0)! })

    @Test func periodsAreLabelledByTheirFirstDayAndTheLastIsPartial() {
        #expect(periods.starts.map { Formatting.day($0) } == ["2024-02-19", "2024-02-26", "2024-03-04", "2024-03-11"])
        #expect(periods.lastIsPartial)
        #expect(periods.describe(3) == "week of 2024-03-11 (partial, to 2024-03-13)")
        #expect(!ChartPeriods(ends: Array(periods.ends.prefix(3))).lastIsPartial, "whole weeks only")
    }

    @Test func aLineChartMarksThePartialPeriodAndTitlesItsAxes() {
        let chart = SVGChart.line(title: "Health score per week", periods: periods,
                                  series: [ChartSeries(name: "health", color: SVGChart.green, values: [40, nil, 55, 62])], domain: 0...100,
                                  yTitle: "health 0-100", guides: [(50, "red below"), (75, "green above")]).description
        #expect(chart.contains(">02-19<") && chart.contains(">03-11<") && !chart.contains(">03-13<"), "x labels are the periods' first days")
        #expect(chart.contains("week starting (last one partial)"))
        #expect(chart.contains(">health 0-100</text>"))
        #expect(chart.components(separatedBy: "class=\"guide\"").count == 3)
        #expect(chart.contains("stroke-dasharray=\"4 3\" class=\"partial\" points=\"376.0,78.6 536.0,68.2\""), "the line into the partial week is dashed")
        #expect(!chart.contains("points=\"56.0,100.8 376.0"), "a missing week leaves a gap")
        #expect(chart.contains("fill=\"#fff\" stroke=\"#2e8b57\" stroke-width=\"2\" class=\"partial\""), "its point is hollow")
        #expect(chart.contains("<title>health, week of 2024-03-11 (partial, to 2024-03-13): 62.00</title>"))
        #expect(chart.contains("width=\"560.0\" height=\"200.0\" style=\"max-width:100%;height:auto\""), "the chart shrinks with a narrow page")
    }

    @Test func aPointFromTooFewAnswersIsHollowAndSaysSo() {
        let chart = SVGChart.line(title: "NPS per week", periods: periods,
                                  series: [ChartSeries(name: "NPS", color: SVGChart.blue, values: [10, -20, 30, 5], counts: [40, 3, 25, 12])],
                                  domain: -100...100, yTitle: "NPS", minimumSample: 10).description
        #expect(chart.contains("class=\"thin\"><title>NPS, week of 2024-02-26: -20.00 (n=3, too few to judge)</title>"))
        #expect(chart.contains("<title>NPS, week of 2024-02-19: 10.00 (n=40)</title>"))
        #expect(chart.components(separatedBy: "class=\"thin\"").count == 2, "only the week with 3 answers")
    }

    @Test func barsHaveRoundTicksAndAFadedPartialPeriod() {
        let chart = SVGChart.stackedBars(title: "Responses per week", periods: periods, yTitle: "responses",
                                         stacks: [ChartSeries(name: "responses", color: SVGChart.grey, values: [993, 1986, 2979, 400])]).description
        for tick in ["0", "1000", "2000", "3000"] { #expect(chart.contains(">\(tick)</text>"), "tick \(tick)") }
        #expect(!chart.contains(">993</text>") && !chart.contains(">2979</text>"))
        #expect(chart.contains("fill-opacity=\"0.45\" class=\"partial\""))
        #expect(SVGChart.niceStep(745) == 1000 && SVGChart.niceStep(3) == 5 && SVGChart.niceStep(0.5) == 1 && SVGChart.niceStep(20) == 20)
    }
}
