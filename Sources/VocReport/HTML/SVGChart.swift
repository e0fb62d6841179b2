public import Foundation

/// One line of a `SVGChart.line` chart: a value (or a gap) per period.
public struct ChartSeries: Sendable {
    public var name: String
    public var color: String
    public var values: [Double?]
    /// The answers behind each value, when they can be too few to judge.
    public var counts: [Int]?

    public init(name: String, color: String, values: [Double?], counts: [Int]? = nil) {
        self.name = name
        self.color = color
        self.values = values
        self.counts = counts
    }
}

/// A metric with its 95% interval, drawn by `SVGChart.intervals`.
public struct ChartInterval: Sendable {
    public var label: String
    public var value: Double?
    public var low: Double?
    public var high: Double?
    public var domain: ClosedRange<Double>

    public init(label: String, value: Double?, low: Double?, high: Double?, domain: ClosedRange<Double>) {
        self.label = label
        self.value = value
        self.low = low
        self.high = high
        self.domain = domain
    }
}

/// The periods along a chart's x axis, given by their ends (as the health history keeps them): each is labelled by
/// its first day, and the last one, which ends at the as-of instant rather than at a period boundary, is drawn as
/// partial.
public struct ChartPeriods: Sendable {
    public var starts: [Date]
    public var ends: [Date]
    /// Whether the last period is shorter than the others.
    public var lastIsPartial: Bool

    /// Periods ending at `ends`, each as long as the spacing of the first two ends (all but the last are whole).
    public init(ends: [Date]) {
        self.ends = ends
        let length = ends.count > 1 ? ends[1].timeIntervalSince(ends[0]) : 7 * 86_400
        starts = ends.indices.map { $0 == 0 ? ends[0].addingTimeInterval(-length) : ends[$0 - 1] }
        lastIsPartial = ends.count > 1 && ends[ends.count - 1].timeIntervalSince(starts[ends.count - 1]) < length - 1
    }

    var count: Int { ends.count }

    /// What a point's tooltip says of its period.
    func describe(_ index: Int) -> String {
        let partial = index == count - 1 && lastIsPartial ? " (partial, to \(Formatting.day(ends[index])))" : ""
        return "week of \(Formatting.day(starts[index]))\(partial)"
    }
}

/// Inline SVG charts drawn by voc itself: no script, no external resource, readable without JavaScript.
/// Every label goes through `HTML` escaping; each point carries a `<title>` with its exact value.
public enum SVGChart {
    public static let red = "#c0392b", yellow = "#c99a06", green = "#2e8b57", blue = "#2c6fbb", grey = "#888"

    private static let left = 56.0, right = 24.0, top = 12.0, bottom = 40.0

    /// Lines over periods, y within `domain` (titled `yTitle`); nil values leave gaps. The line into a partial last
    /// period is dashed and its point hollow, as is a point from fewer than `minimumSample` answers (`counts`);
    /// `guides` draws labelled dashed levels (e.g. the health bands' edges).
    public static func line(title: String, periods: ChartPeriods, series: [ChartSeries], domain: ClosedRange<Double>, yTitle: String,
                            guides: [(value: Double, label: String)] = [], minimumSample: Int = 0, width: Double = 560, height: Double = 200) -> HTML {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let x = { (index: Int) in left + (periods.count > 1 ? Double(index) / Double(periods.count - 1) * plotWidth : plotWidth / 2) }
        let y = { (value: Double) in top + (1 - (min(max(value, domain.lowerBound), domain.upperBound) - domain.lowerBound) / (domain.upperBound - domain.lowerBound)) * plotHeight }
        let ticks = (0...4).map { domain.lowerBound + Double($0) / 4 * (domain.upperBound - domain.lowerBound) }
        var body = axes(periods: periods, ticks: ticks, decimals: abs(domain.upperBound - domain.lowerBound) < 5 ? 1 : 0, yTitle: yTitle,
                        x: x, y: y, width: width, height: height)
        for guide in guides {
            body += "<line x1=\"\(format(left))\" x2=\"\(format(width - right))\" y1=\"\(format(y(guide.value)))\" y2=\"\(format(y(guide.value)))\" stroke=\"#999\" stroke-dasharray=\"4 3\" class=\"guide\"/>"
            body += "<text x=\"\(format(width - right))\" y=\"\(format(y(guide.value) - 3))\" text-anchor=\"end\" class=\"tick\">\(guide.label)</text>"
        }
        let partial = periods.lastIsPartial ? periods.count - 1 : nil
        for line in series {
            var segments: [[Int]] = [[]]
            for (index, value) in line.values.enumerated() {
                guard value != nil else { if !segments[segments.count - 1].isEmpty { segments.append([]) }; continue }
                segments[segments.count - 1].append(index)
            }
            for segment in segments where segment.count > 1 {
                let whole = partial.map { last in segment.filter { $0 != last } } ?? segment
                let points = { (indices: [Int]) in indices.map { "\(format(x($0))),\(format(y(line.values[$0]!)))" }.joined(separator: " ") }
                if whole.count > 1 { body += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\" points=\"\(points(whole))\"/>" }
                if let last = partial, segment.last == last {
                    body += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\" stroke-dasharray=\"4 3\" class=\"partial\" points=\"\(points(Array(segment.suffix(2))))\"/>"
                }
            }
            for (index, value) in line.values.enumerated() {
                guard let value else { continue }
                let count = line.counts?[index]
                let thin = count.map { $0 < minimumSample } ?? false
                let paint: HTML = index == partial || thin
                    ? "fill=\"#fff\" stroke=\"\(line.color)\" stroke-width=\"2\" class=\"\(thin ? "thin" : "partial")\"" : "fill=\"\(line.color)\""
                let sample = count.map { " (n=\($0)\(thin ? ", too few to judge" : ""))" } ?? ""
                body += "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(value)))\" r=\"3\" \(paint)><title>\(line.name), \(periods.describe(index)): \(Formatting.fixed(value, decimals: 2))\(sample)</title></circle>"
            }
        }
        return figure(title: title, width: width, height: height, body: body, legend: series.map { ($0.name, $0.color) })
    }

    /// Stacked bars per period (e.g. accounts per health band), on a scale with round ticks; a partial last period's
    /// bar is drawn faded.
    public static func stackedBars(title: String, periods: ChartPeriods, yTitle: String, stacks: [ChartSeries],
                                   width: Double = 560, height: Double = 200) -> HTML {
        let totals = periods.ends.indices.map { index in stacks.reduce(0) { $0 + ($1.values[index] ?? 0) } }
        let step = niceStep(max(1, totals.max() ?? 1) / 4)
        let maximum = max(1, ((totals.max() ?? 0) / step).rounded(.up)) * step
        let ticks = stride(from: 0, through: maximum + step / 2, by: step).map { $0 }
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let slot = plotWidth / Double(max(periods.count, 1))
        let x = { (index: Int) in left + (Double(index) + 0.5) * slot }
        let y = { (value: Double) in top + (1 - value / maximum) * plotHeight }
        var body = axes(periods: periods, ticks: ticks, decimals: 0, yTitle: yTitle, x: x, y: y, width: width, height: height)
        for index in periods.ends.indices {
            var base = 0.0
            let faded: HTML = index == periods.count - 1 && periods.lastIsPartial ? " fill-opacity=\"0.45\" class=\"partial\"" : ""
            for stack in stacks {
                let value = stack.values[index] ?? 0
                guard value > 0 else { continue }
                body += "<rect x=\"\(format(x(index) - slot * 0.35))\" y=\"\(format(y(base + value)))\" width=\"\(format(slot * 0.7))\" height=\"\(format(y(base) - y(base + value)))\" fill=\"\(stack.color)\"\(faded)><title>\(stack.name), \(periods.describe(index)): \(Formatting.fixed(value, decimals: 0))</title></rect>"
                base += value
            }
        }
        return figure(title: title, width: width, height: height, body: body, legend: stacks.map { ($0.name, $0.color) })
    }

    /// A round tick step of at least `raw`: 1, 2 or 5 times a power of ten.
    static func niceStep(_ raw: Double) -> Double {
        let power = pow(10, (log10(max(raw, 1))).rounded(.down))
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
    }

    /// One row per metric: a dot at the value and a whisker over its 95% interval, on the metric's own scale.
    public static func intervals(title: String, _ items: [ChartInterval], width: Double = 560) -> HTML {
        let rowHeight = 34.0, labelWidth = 70.0, height = top + Double(items.count) * rowHeight + 8
        let plotWidth = width - labelWidth - right - 40
        var body = HTML.empty
        for (row, item) in items.enumerated() {
            let centre = top + Double(row) * rowHeight + rowHeight / 2
            let x = { (value: Double) in labelWidth + (value - item.domain.lowerBound) / (item.domain.upperBound - item.domain.lowerBound) * plotWidth }
            body += "<text x=\"0\" y=\"\(format(centre + 4))\" class=\"label\">\(item.label)</text>"
            body += "<line x1=\"\(format(x(item.domain.lowerBound)))\" x2=\"\(format(x(item.domain.upperBound)))\" y1=\"\(format(centre))\" y2=\"\(format(centre))\" stroke=\"#ddd\"/>"
            body += "<text x=\"\(format(x(item.domain.lowerBound)))\" y=\"\(format(centre + 14))\" class=\"tick\">\(Formatting.fixed(item.domain.lowerBound, decimals: 0))</text>"
            body += "<text x=\"\(format(x(item.domain.upperBound) - 14))\" y=\"\(format(centre + 14))\" class=\"tick\">\(Formatting.fixed(item.domain.upperBound, decimals: 0))</text>"
            if let low = item.low, let high = item.high {
                body += "<line x1=\"\(format(x(low)))\" x2=\"\(format(x(high)))\" y1=\"\(format(centre))\" y2=\"\(format(centre))\" stroke=\"\(blue)\" stroke-width=\"6\" stroke-opacity=\"0.35\"><title>95% interval \(Formatting.interval(low, high))</title></line>"
            }
            if let value = item.value {
                body += "<circle cx=\"\(format(x(value)))\" cy=\"\(format(centre))\" r=\"5\" fill=\"\(blue)\"><title>\(item.label) \(Formatting.fixed(value))</title></circle>"
                body += "<text x=\"\(format(width - right - 34))\" y=\"\(format(centre + 4))\" class=\"value\">\(Formatting.fixed(value))</text>"
            } else {
                body += "<text x=\"\(format(width - right - 34))\" y=\"\(format(centre + 4))\" class=\"value\">—</text>"
            }
        }
        return figure(title: title, width: width, height: height, body: body, legend: [])
    }

    /// One row per item: a bar from zero to its value (red below zero, green above) and a whisker over its 95%
    /// interval, all on one scale symmetric around zero (titled `axisTitle`); an item marked `faded` (its interval
    /// crosses zero, or too few answers) is drawn pale.
    public static func differences(title: String, _ items: [(label: String, value: Double?, low: Double?, high: Double?, faded: Bool)],
                                   axisTitle: String, decimals: Int = 1, width: Double = 560) -> HTML {
        let rowHeight = 24.0, labelWidth = 120.0, height = top + Double(items.count) * rowHeight + 36
        let extent = items.flatMap { [$0.value, $0.low, $0.high].compactMap { $0.map(abs) } }.max() ?? 1
        let bound = niceStep(max(extent, 1e-9) * (decimals > 1 ? 100 : 1)) / (decimals > 1 ? 100 : 1)
        let plotLeft = labelWidth, plotWidth = width - labelWidth - right
        let x = { (value: Double) in plotLeft + (value + bound) / (2 * bound) * plotWidth }
        var body = HTML.empty
        for value in [-bound, 0, bound] {
            body += "<line x1=\"\(format(x(value)))\" x2=\"\(format(x(value)))\" y1=\"\(format(top))\" y2=\"\(format(height - 30))\" stroke=\"\(value == 0 ? "#999" : "#e4e4e4")\"/>"
            body += "<text x=\"\(format(x(value)))\" y=\"\(format(height - 18))\" text-anchor=\"middle\" class=\"tick\">\(Formatting.signed(value, decimals: decimals))</text>"
        }
        body += "<text x=\"\(format(plotLeft + plotWidth / 2))\" y=\"\(format(height - 4))\" text-anchor=\"middle\" class=\"axis\">\(axisTitle)</text>"
        for (row, item) in items.enumerated() {
            let centre = top + Double(row) * rowHeight + rowHeight / 2
            let opacity = item.faded ? "0.35" : "0.9"
            body += "<text x=\"0\" y=\"\(format(centre + 4))\" class=\"label\">\(item.label)</text>"
            if let value = item.value {
                let (from, to) = (x(min(0, value)), x(max(0, value)))
                body += "<rect x=\"\(format(from))\" y=\"\(format(centre - 7))\" width=\"\(format(max(1, to - from)))\" height=\"14\" fill=\"\(value < 0 ? red : green)\" fill-opacity=\"\(opacity)\"><title>\(item.label) \(Formatting.signed(value, decimals: decimals)) \(Formatting.interval(item.low, item.high))</title></rect>"
            }
            if let low = item.low, let high = item.high {
                let (from, to) = (x(max(-bound, low)), x(min(bound, high)))
                body += "<path d=\"M\(format(from)) \(format(centre - 5))v10M\(format(from)) \(format(centre))H\(format(to))M\(format(to)) \(format(centre - 5))v10\" stroke=\"#333\" stroke-opacity=\"\(opacity)\" fill=\"none\"/>"
            }
        }
        return figure(title: title, width: width, height: height, body: body, legend: [])
    }

    /// Grid lines with their values, the axis titles, and period labels (each period's first day, MM-DD).
    private static func axes(periods: ChartPeriods, ticks: [Double], decimals: Int, yTitle: String, x: (Int) -> Double, y: (Double) -> Double,
                             width: Double, height: Double) -> HTML {
        var body = HTML.empty
        for value in ticks {
            body += "<line x1=\"\(format(left))\" x2=\"\(format(width - right))\" y1=\"\(format(y(value)))\" y2=\"\(format(y(value)))\" stroke=\"#e4e4e4\"/>"
            body += "<text x=\"\(format(left - 6))\" y=\"\(format(y(value) + 4))\" text-anchor=\"end\" class=\"tick\">\(Formatting.fixed(value, decimals: decimals))</text>"
        }
        let every = max(1, Int((Double(periods.count) / 6).rounded(.up)))
        for index in periods.starts.indices where index % every == 0 || index == periods.count - 1 {
            body += "<text x=\"\(format(x(index)))\" y=\"\(format(height - bottom + 16))\" text-anchor=\"middle\" class=\"tick\">\(String(Formatting.day(periods.starts[index]).dropFirst(5)))</text>"
        }
        body += "<text x=\"\(format(left + (width - left - right) / 2))\" y=\"\(format(height - 4))\" text-anchor=\"middle\" class=\"axis\">week starting\(periods.lastIsPartial ? " (last one partial)" : "")</text>"
        let middle = top + (height - top - bottom) / 2
        body += "<text x=\"12\" y=\"\(format(middle))\" text-anchor=\"middle\" transform=\"rotate(-90 12 \(format(middle)))\" class=\"axis\">\(yTitle)</text>"
        return body
    }

    private static func figure(title: String, width: Double, height: Double, body: HTML, legend: [(String, String)]) -> HTML {
        let keys = HTML.join(legend.map { name, color in "<span class=\"key\"><i style=\"background:\(color)\"></i>\(name)</span>" }, separator: " ")
        return """
            <figure class="chart"><figcaption>\(title) \(keys)</figcaption>\
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(format(width)) \(format(height))" width="\(format(width))" height="\(format(height))" style="max-width:100%;height:auto" role="img" aria-label="\(title)">\(body)</svg></figure>
            """
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
