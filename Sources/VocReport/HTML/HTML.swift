/// A fragment of HTML that is safe to emit: text only gets in through `init(text:)` or interpolation, both escaped.
///
/// Customer text is hostile input; a comment such as `<script>alert(1)</script>` or `"><img src=x onerror=…>`
/// must render as the characters typed. Markup is written as string literals in the project's own code
/// (`HTML("<td>")`), and every interpolated value goes through `escape`, in text and in double-quoted attributes.
public struct HTML: Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var description: String

    /// Markup written by voc itself (a literal or an already-safe fragment).
    public init(stringLiteral markup: String) { description = markup }

    public init(stringInterpolation: Interpolation) { description = stringInterpolation.output }

    /// Escaped text.
    public init(text: String) { description = HTML.escape(text) }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(safe: lhs.description + rhs.description) }

    public static func += (lhs: inout HTML, rhs: HTML) { lhs.description += rhs.description }

    public static let empty: HTML = ""

    /// Joins fragments.
    public static func join(_ parts: some Sequence<HTML>, separator: HTML = "") -> HTML {
        HTML(safe: parts.map(\.description).joined(separator: separator.description))
    }

    private init(safe: String) { description = safe }

    /// `&`, `<`, `>`, `"` and `'` as character references, so the result is inert in element content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\u{0}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public struct Interpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) { output.reserveCapacity(literalCapacity * 2) }

        public mutating func appendLiteral(_ literal: String) { output += literal }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }

        public mutating func appendInterpolation(_ text: String?) { output += HTML.escape(text ?? "") }

        public mutating func appendInterpolation(_ number: Int) { output += String(number) }

        /// A fragment that is already HTML.
        public mutating func appendInterpolation(_ html: HTML) { output += html.description }

        public mutating func appendInterpolation(_ parts: [HTML]) { output += parts.map(\.description).joined() }
    }
}
