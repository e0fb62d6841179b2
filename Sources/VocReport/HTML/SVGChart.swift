public import Foundation

/// One line of a `SVGChart.line` chart: a value (or a gap) per period.
public struct ChartSeries: Sendable {
    public var name: String
    public var color: String
    public var values: [Double?]

    public init(name: String, color: String, values: [Double?]) {
        self.name = name
        self.color = color
        self.values = values
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

/// Inline SVG charts drawn by voc itself: no script, no external resource, readable without JavaScript.
/// Every label goes through `HTML` escaping; each point carries a `<title>` with its exact value.
public enum SVGChart {
    public static let red = "#c0392b", yellow = "#c99a06", green = "#2e8b57", blue = "#2c6fbb", grey = "#888"

    private static let left = 44.0, right = 24.0, top = 12.0, bottom = 34.0

    /// Lines over periods (x: `periods`, labelled by day), y within `domain`; nil values leave gaps.
    public static func line(title: String, periods: [Date], series: [ChartSeries], domain: ClosedRange<Double>,
                            width: Double = 560, height: Double = 200) -> HTML {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let x = { (index: Int) in left + (periods.count > 1 ? Double(index) / Double(periods.count - 1) * plotWidth : plotWidth / 2) }
        let y = { (value: Double) in top + (1 - (min(max(value, domain.lowerBound), domain.upperBound) - domain.lowerBound) / (domain.upperBound - domain.lowerBound)) * plotHeight }
        var body = axes(periods: periods, domain: domain, x: x, y: y, width: width, height: height)
        for line in series {
            var segments: [[(Double, Double)]] = [[]]
            for (index, value) in line.values.enumerated() {
                guard let value else { if !segments[segments.count - 1].isEmpty { segments.append([]) }; continue }
                segments[segments.count - 1].append((x(index), y(value)))
            }
            for segment in segments where segment.count > 1 {
                body += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\" points=\"\(segment.map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " "))\"/>"
            }
            for (index, value) in line.values.enumerated() {
                guard let value else { continue }
                body += "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(value)))\" r=\"3\" fill=\"\(line.color)\"><title>\(line.name) \(Formatting.day(periods[index])): \(Formatting.fixed(value, decimals: 2))</title></circle>"
            }
        }
        return figure(title: title, width: width, height: height, body: body, legend: series.map { ($0.name, $0.color) })
    }

    /// Stacked bars per period (e.g. accounts per health band).
    public static func stackedBars(title: String, periods: [Date], stacks: [ChartSeries], width: Double = 560, height: Double = 200) -> HTML {
        let totals = periods.indices.map { index in stacks.reduce(0) { $0 + ($1.values[index] ?? 0) } }
        let maximum = 4 * ((max(1, totals.max() ?? 1) / 4).rounded(.up))
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let slot = plotWidth / Double(max(periods.count, 1))
        let x = { (index: Int) in left + (Double(index) + 0.5) * slot }
        let y = { (value: Double) in top + (1 - value / maximum) * plotHeight }
        var body = axes(periods: periods, domain: 0...maximum, x: x, y: y, width: width, height: height)
        for index in periods.indices {
            var base = 0.0
            for stack in stacks {
                let value = stack.values[index] ?? 0
                guard value > 0 else { continue }
                body += "<rect x=\"\(format(x(index) - slot * 0.35))\" y=\"\(format(y(base + value)))\" width=\"\(format(slot * 0.7))\" height=\"\(format(y(base) - y(base + value)))\" fill=\"\(stack.color)\"><title>\(stack.name) \(Formatting.day(periods[index])): \(Formatting.fixed(value, decimals: 0))</title></rect>"
                base += value
            }
        }
        return figure(title: title, width: width, height: height, body: body, legend: stacks.map { ($0.name, $0.color) })
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

    private static func axes(periods: [Date], domain: ClosedRange<Double>, x: (Int) -> Double, y: (Double) -> Double,
                             width: Double, height: Double) -> HTML {
        var body = HTML.empty
        for step in 0...4 {
            let value = domain.lowerBound + Double(step) / 4 * (domain.upperBound - domain.lowerBound)
            body += "<line x1=\"\(format(left))\" x2=\"\(format(width - right))\" y1=\"\(format(y(value)))\" y2=\"\(format(y(value)))\" stroke=\"#e4e4e4\"/>"
            body += "<text x=\"\(format(left - 6))\" y=\"\(format(y(value) + 4))\" text-anchor=\"end\" class=\"tick\">\(Formatting.fixed(value, decimals: abs(domain.upperBound - domain.lowerBound) < 5 ? 1 : 0))</text>"
        }
        let every = max(1, Int((Double(periods.count) / 6).rounded(.up)))
        for index in periods.indices where index % every == 0 || index == periods.count - 1 {
            body += "<text x=\"\(format(x(index)))\" y=\"\(format(height - bottom + 16))\" text-anchor=\"middle\" class=\"tick\">\(String(Formatting.day(periods[index]).dropFirst(5)))</text>"
        }
        return body
    }

    private static func figure(title: String, width: Double, height: Double, body: HTML, legend: [(String, String)]) -> HTML {
        let keys = HTML.join(legend.map { name, color in "<span class=\"key\"><i style=\"background:\(color)\"></i>\(name)</span>" }, separator: " ")
        return """
            <figure class="chart"><figcaption>\(title) \(keys)</figcaption>\
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(format(width)) \(format(height))" width="\(format(width))" height="\(format(height))" role="img" aria-label="\(title)">\(body)</svg></figure>
            """
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
