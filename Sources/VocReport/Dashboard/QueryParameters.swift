public import Foundation
public import VocCore
import VocHealth

/// A dashboard request's query parameters, each read into its type: a value that does not fit is an `Invalid` that
/// names the parameter and says why (the server answers it as 400), never a crash or a silently ignored filter. Names
/// a route does not take are ignored (links may carry tracking parameters); a name given twice is refused.
///
/// Built from decoded name-value pairs, so the dashboard server (which decodes them with its HTTP library) and the
/// `query` fuzz target read parameters the same way.
public struct QueryParameters: Sendable {
    /// A parameter that does not fit, and why.
    public struct Invalid: Error, Sendable, Equatable {
        public let name: String
        public let reason: String
        /// "parameter 'band' must be one of red, yellow, green".
        public var message: String { "parameter '\(name)' \(reason)" }
    }

    private var values: [String: String] = [:]

    public init(_ pairs: some Sequence<(name: String, value: String)>) throws(Invalid) {
        for (name, value) in pairs {
            guard values[name] == nil else { throw Invalid(name: name, reason: "is given more than once") }
            values[name] = value
        }
    }

    /// The text of `name`; nil when absent or empty (an empty filter means "any").
    public func text(_ name: String, maximumLength: Int = 200) throws(Invalid) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        guard value.count <= maximumLength else { throw Invalid(name: name, reason: "is longer than \(maximumLength) characters") }
        return value
    }

    /// One of `T`'s cases by its raw value.
    public func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws(Invalid) -> T? where T.RawValue == String {
        guard let value = try text(name) else { return nil }
        guard let choice = T(rawValue: value) else {
            throw Invalid(name: name, reason: "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    /// A UTC day written `YYYY-MM-DD` (a day that does not exist, such as February 30, is refused, not rolled over).
    public func day(_ name: String) throws(Invalid) -> Date? {
        guard let value = try text(name) else { return nil }
        let format = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()
        guard let date = try? format.parse(value), format.format(date) == value else { throw Invalid(name: name, reason: "must be a date written YYYY-MM-DD") }
        return date
    }

    /// A whole number within `range`.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws(Invalid) -> Int? {
        guard let value = try text(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw Invalid(name: name, reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// The sort orders of the account list.
enum SortOrder: String, CaseIterable { case asc, desc }

extension AccountQuery {
    /// The account list's filters, search, order and page from the query; `Invalid` for a band, sort key or order that
    /// does not exist, or a page or page size out of range. A page past the last one is empty.
    public init(_ parameters: QueryParameters) throws(QueryParameters.Invalid) {
        self.init(segment: try parameters.text("segment"), band: try parameters.choice("band", as: HealthBand.self),
                  owner: try parameters.text("owner"), language: try parameters.text("language"), search: try parameters.text("q"),
                  sort: try parameters.choice("sort", as: SortKey.self) ?? .score,
                  descending: try parameters.choice("order", as: SortOrder.self) == .desc,
                  page: try parameters.integer("page", in: 1...1_000_000) ?? 1,
                  pageSize: try parameters.integer("page_size", in: 1...AccountQuery.maximumPageSize) ?? AccountQuery.defaultPageSize)
    }
}

/// The quarantine routes' `reason` (a quarantine reason) and `limit` (1-10,000 entries, default 500).
public struct QuarantineQuery: Sendable {
    public var reason: QuarantineReason?
    public var limit: Int

    public init(_ parameters: QueryParameters) throws(QueryParameters.Invalid) {
        reason = try parameters.choice("reason", as: QuarantineReason.self)
        limit = try parameters.integer("limit", in: 1...10_000) ?? 500
    }
}

extension CommentQuery {
    /// An account's comment filters and page from the query; `Invalid` for a signal or label that does not exist, a date not
    /// written YYYY-MM-DD, or a page or page size out of range.
    public init(_ parameters: QueryParameters) throws(QueryParameters.Invalid) {
        self.init(topic: try parameters.text("topic"), signal: try parameters.choice("signal", as: CommentSignal.self), text: try parameters.text("q"),
                  label: try parameters.choice("label", as: SentimentLabel.self),
                  language: try parameters.text("language"), channel: try parameters.text("channel"),
                  from: try parameters.day("from"), to: try parameters.day("to"),
                  page: try parameters.integer("page", in: 1...1_000_000) ?? 1, pageSize: try parameters.integer("page_size", in: 1...500) ?? 50)
    }
}

/// The drivers page's scope: a directory segment and a CSM (`owner`), both optional.
public struct DriverQuery: Sendable, Encodable {
    public var segment: String?
    public var owner: String?

    public init(segment: String? = nil, owner: String? = nil) {
        self.segment = segment
        self.owner = owner
    }

    public init(_ parameters: QueryParameters) throws(QueryParameters.Invalid) {
        self.init(segment: try parameters.text("segment"), owner: try parameters.text("owner"))
    }

    public var scope: DriverScope { DriverScope(segment: segment, owner: owner) }
}
