import Foundation
public import VocHealth

/// Filters, order and page of the account list, read from a URL query such as
/// `?band=red&segment=high-touch&q=acme&sort=arr&order=desc&page=2`.
public struct AccountQuery: Sendable, Encodable {
    public enum SortKey: String, Sendable, Encodable, CaseIterable {
        case account, name, segment, owner, language, responses, nps, csat, ces, sentiment, score, arr, renewal
    }

    public var segment: String?
    public var band: HealthBand?
    public var owner: String?
    public var language: String?
    /// Text found in the account id or name, ignoring case and accents.
    public var search: String?
    /// Worst health first unless asked otherwise.
    public var sort: SortKey = .score
    public var descending = false
    /// The page shown, from 1.
    public var page = 1
    /// Rows per page; nil for every row (exports and the report).
    public var pageSize: Int?

    public init(segment: String? = nil, band: HealthBand? = nil, owner: String? = nil, language: String? = nil, search: String? = nil,
                sort: SortKey = .score, descending: Bool = false, page: Int = 1, pageSize: Int? = nil) {
        self.segment = segment
        self.band = band
        self.owner = owner
        self.language = language
        self.search = search
        self.sort = sort
        self.descending = descending
        self.page = max(1, page)
        self.pageSize = pageSize.map { max(1, $0) }
    }

    public func matches(_ row: AccountRow) -> Bool {
        (segment == nil || row.segment == segment) && (band == nil || row.band == band)
            && (owner == nil || row.owner == owner) && (language == nil || row.language == language)
            && (search.map { text in [row.account, row.name ?? ""].contains { $0.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil } } ?? true)
    }

    /// The rows of this query's page among the matching rows in order.
    public func page<Row>(of rows: [Row]) -> ArraySlice<Row> {
        pageSize.map { Self.page(page, of: rows, size: $0) } ?? rows[...]
    }

    /// Page `page` (from 1) of `rows`, `size` to a page; empty past the last (however large `page` is).
    static func page<Row>(_ page: Int, of rows: [Row], size: Int) -> ArraySlice<Row> {
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: size)
        let start = overflow ? rows.count : min(rows.count, offset)
        return rows[start..<min(rows.count, start + size)]
    }

    /// How many pages the matching rows fill (at least one).
    public func pages(matching count: Int) -> Int {
        guard let pageSize, count > 0 else { return 1 }
        return (count + pageSize - 1) / pageSize
    }

    /// The matching rows in the requested order; rows without a value for the sort key come last either way, ties by account id.
    public func apply(_ rows: [AccountRow]) -> [AccountRow] {
        rows.filter(matches).sorted { lhs, rhs in
            switch (key(lhs), key(rhs)) {
            case let (.number(a), .number(b)) where a != b: return descending ? a > b : a < b
            case let (.text(a), .text(b)) where a != b: return descending ? a > b : a < b
            case (.missing, .number), (.missing, .text): return false
            case (.number, .missing), (.text, .missing): return true
            default: return lhs.account < rhs.account
            }
        }
    }

    /// The query string for this query with `changes` applied (for sort links, filters and pages). A new sort order
    /// starts again at the first page.
    public func link(sort newSort: SortKey? = nil, descending newOrder: Bool? = nil, page newPage: Int? = nil) -> String {
        var items = [("segment", segment), ("band", band?.rawValue), ("owner", owner), ("language", language), ("q", search)]
        items.append(("sort", (newSort ?? sort).rawValue))
        if newOrder ?? descending { items.append(("order", "desc")) }
        let shownPage = newPage ?? (newSort == nil && newOrder == nil ? page : 1)
        if shownPage > 1 { items.append(("page", String(shownPage))) }
        if let pageSize, pageSize != Self.defaultPageSize { items.append(("page_size", String(pageSize))) }
        return "?" + items.compactMap { name, value in value.map { "\(name)=\(Self.percentEncode($0))" } }.joined(separator: "&")
    }

    /// Rows per page on the dashboard and its JSON API unless `page_size` says otherwise.
    public static let defaultPageSize = 100
    /// The largest `page_size` taken.
    public static let maximumPageSize = 1_000

    private enum SortValue { case number(Double), text(String), missing }

    private func key(_ row: AccountRow) -> SortValue {
        let number = { (value: Double?) in value.map(SortValue.number) ?? .missing }
        let text = { (value: String?) in value.map(SortValue.text) ?? .missing }
        switch sort {
        case .account: return .text(row.account)
        case .name: return text(row.name)
        case .segment: return text(row.segment)
        case .owner: return text(row.owner)
        case .language: return text(row.language)
        case .responses: return .number(Double(row.responses))
        case .nps: return number(row.nps)
        case .csat: return number(row.csat)
        case .ces: return number(row.ces)
        case .sentiment: return number(row.sentiment)
        case .score: return number(row.score)
        case .arr: return number(row.arr)
        case .renewal: return number(row.renewal?.timeIntervalSince1970)
        }
    }

    /// RFC 3986 unreserved characters kept, everything else as UTF-8 percent escapes.
    static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
