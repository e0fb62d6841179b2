import Hummingbird
import VocCore
import VocHealth
import VocReport

/// A request's query parameters, each read into its type: a value that does not fit answers 400 with the
/// parameter's name and why, never a crash or a silently ignored filter. Names a route does not take are ignored
/// (links may carry tracking parameters); a name given twice is refused.
struct QueryParameters {
    private var values: [String: String] = [:]

    init(_ request: Request) throws {
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            guard values[name] == nil else { throw Self.invalid(name, "is given more than once") }
            values[name] = String(value)
        }
    }

    /// The text of `name`; nil when absent or empty (an empty filter means "any").
    func text(_ name: String, maximumLength: Int = 200) throws -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        guard value.count <= maximumLength else { throw Self.invalid(name, "is longer than \(maximumLength) characters") }
        return value
    }

    /// One of `T`'s cases by its raw value.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws -> T? where T.RawValue == String {
        guard let value = try text(name) else { return nil }
        guard let choice = T(rawValue: value) else {
            throw Self.invalid(name, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    /// A whole number within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = try text(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw Self.invalid(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    static func invalid(_ name: String, _ reason: String) -> HTTPError {
        HTTPError(.badRequest, message: "parameter '\(name)' \(reason)")
    }
}

/// The sort orders of the account list.
enum SortOrder: String, CaseIterable { case asc, desc }

extension AccountQuery {
    /// The account list's filters, search, order and page from the query; 400 for a band, sort key or order that
    /// does not exist, or a page or page size out of range. A page past the last one is empty.
    init(_ parameters: QueryParameters) throws {
        self.init(segment: try parameters.text("segment"), band: try parameters.choice("band", as: HealthBand.self),
                  owner: try parameters.text("owner"), language: try parameters.text("language"), search: try parameters.text("q"),
                  sort: try parameters.choice("sort", as: SortKey.self) ?? .score,
                  descending: try parameters.choice("order", as: SortOrder.self) == .desc,
                  page: try parameters.integer("page", in: 1...1_000_000) ?? 1,
                  pageSize: try parameters.integer("page_size", in: 1...AccountQuery.maximumPageSize) ?? AccountQuery.defaultPageSize)
    }
}
