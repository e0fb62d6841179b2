public import Foundation
public import Hummingbird
import VocCore
public import VocHealth
import VocReport
public import VocScore
public import VocStore

/// `voc serve`: the dashboard pages and the JSON API behind each of them, over one store.
///
/// | Page | API | Shows |
/// |---|---|---|
/// | `/` | `/api/overview` | portfolio NPS / CSAT / CES with intervals, bands, revenue at risk, weekly trends |
/// | `/themes` | `/api/themes` | what's new: the portfolio's emerging themes (`ThemeReport`), read on request |
/// | `/accounts` | `/api/accounts` | accounts, filtered (`segment`, `band`, `owner`, `language`) and sorted (`sort`, `order=desc`) |
/// | `/accounts/ID` | `/api/accounts/ID` | one account: health drivers, sentiment over time, topics and key drivers, detractor comments |
/// | `/accounts/ID/comments` | `/api/accounts/ID/comments` | one account's comments by topic, signal, label, language, channel, dates |
/// | `/drivers` | `/api/drivers` | topics and signals set against the other responses, and aspects of rating matrices (`segment`, `owner`), with the accounts that mention them |
/// | `/quarantine` | `/api/quarantine` | records not accepted, per reason |
public struct DashboardServer: Sendable {
    public var store: any FeedbackStore
    public var model: HealthModel
    public var analyzer: SentimentAnalyzer?
    /// Finds the emerging themes of `/themes` and `/api/themes`; nil answers them 404.
    public var themes: PhraseExtractor?
    /// Fixed instant for reproducible pages; nil computes every page as of the request.
    public var asOf: Date?
    /// When set, every request must carry `Authorization: Bearer TOKEN` (or the cookie set by `/?token=TOKEN`).
    public var token: String?
    private let cache = DashboardCache()

    public init(store: any FeedbackStore, model: HealthModel, analyzer: SentimentAnalyzer?, themes: PhraseExtractor? = nil, asOf: Date?, token: String?) {
        self.store = store
        self.model = model
        self.analyzer = analyzer
        self.themes = themes
        self.asOf = asOf
        self.token = token
    }

    /// The application bound to `host:port` (port 0 picks a free one; `onRunning` receives the bound port).
    public func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "voc"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    /// Serves until SIGINT or SIGTERM. The phrase index is brought up to date meanwhile (a large ingest's comments
    /// take seconds to count), so that the first "What's new" page does not wait for it; a failure shows there.
    public func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        if let themes {
            let (store, asOf) = (store, asOf)
            Task { try? await ThemeReport.prepareIndex(store: store, extractor: themes, asOf: asOf ?? Date()) }
        }
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }

    public func router() -> Router<BasicRequestContext> {
        // HEAD answers every GET route without its body.
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorPageMiddleware())
        if let token { router.add(middleware: BearerTokenMiddleware(token: token)) }
        router.get("/") { _, _ in try await page { DashboardPage.overview($0.overview()) } }
        router.get("/themes") { _, _ in try await page { DashboardPage.themes(try await self.themes(of: $0)) } }
        router.get("/accounts") { request, _ in
            let query = try Self.query(request, AccountQuery.init)
            return try await page { DashboardPage.accounts($0.accounts(query)) }
        }
        router.get("/accounts/{id}") { _, context in
            let id = try Self.decoded(context.parameters.require("id"))
            return try await page { dashboard in
                guard let detail = try await dashboard.account(id) else { throw HTTPError(.notFound, message: "no feedback for account '\(id)'") }
                return DashboardPage.account(detail)
            }
        }
        router.get("/accounts/{id}/comments") { request, context in
            let id = try Self.decoded(context.parameters.require("id"))
            let query = try Self.query(request, CommentQuery.init)
            return try await page { dashboard in
                guard let list = try await dashboard.comments(of: id, query) else { throw HTTPError(.notFound, message: "no feedback for account '\(id)'") }
                return DashboardPage.comments(list)
            }
        }
        router.get("/drivers") { request, _ in
            let query = try Self.query(request, DriverQuery.init)
            return try await page { DashboardPage.drivers($0.drivers(query)) }
        }
        router.get("/quarantine") { request, _ in
            let query = try Self.query(request, QuarantineQuery.init)
            return try await page { try DashboardPage.quarantine(await $0.quarantine(reason: query.reason, limit: query.limit)) }
        }
        router.get("/api/overview") { _, _ in try await json { $0.overview() } }
        router.get("/api/accounts") { request, _ in
            let query = try Self.query(request, AccountQuery.init)
            return try await json { $0.accounts(query) }
        }
        router.get("/api/accounts/{id}") { _, context in
            let id = try Self.decoded(context.parameters.require("id"))
            return try await json { dashboard in
                guard let detail = try await dashboard.account(id) else { throw HTTPError(.notFound, message: "no feedback for account '\(id)'") }
                return detail
            }
        }
        router.get("/api/accounts/{id}/comments") { request, context in
            let id = try Self.decoded(context.parameters.require("id"))
            let query = try Self.query(request, CommentQuery.init)
            return try await json { dashboard in
                guard let list = try await dashboard.comments(of: id, query) else { throw HTTPError(.notFound, message: "no feedback for account '\(id)'") }
                return list
            }
        }
        router.get("/api/themes") { _, _ in try await json { try await self.themes(of: $0) } }
        router.get("/api/drivers") { request, _ in
            let query = try Self.query(request, DriverQuery.init)
            return try await json { $0.drivers(query) }
        }
        router.get("/api/quarantine") { request, _ in
            let query = try Self.query(request, QuarantineQuery.init)
            return try await json { try await $0.quarantine(reason: query.reason, limit: query.limit) }
        }
        router.get("/healthz") { _, _ in "ok\n" }
        return router
    }

    /// A route's parameters read from the request's decoded query; one that does not fit answers 400 saying why.
    private static func query<T>(_ request: Request, _ read: (QueryParameters) throws(QueryParameters.Invalid) -> T) throws -> T {
        do throws(QueryParameters.Invalid) {
            return try read(QueryParameters(request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }))
        } catch {
            throw HTTPError(.badRequest, message: error.message)
        }
    }

    /// Builds the page and answers it as HTML.
    private func page(_ render: (Dashboard) async throws -> HTML) async throws -> Response {
        let html = try await Self.storeErrorsAsHTTP { try await render(await self.dashboard()).description }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    private func json(_ compute: (Dashboard) async throws -> any Encodable) async throws -> Response {
        let text = try await Self.storeErrorsAsHTTP { JSONOutput.encode(try await compute(await self.dashboard()), pretty: false) }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    /// The cached dashboard while the store holds the same records, quarantine and directory (and, without --as-of,
    /// for up to `DashboardCache.maximumAge`); otherwise a new one. Reading a 600k-record store takes seconds.
    private func dashboard() async throws -> Dashboard {
        let totals = try await store.totals()
        var hasher = Hasher()
        for account in try await store.directory() { hasher.combine(String(describing: account)) }
        let fingerprint = "\(totals.feedback)/\(totals.quarantined)/\(hasher.finalize())"
        let now = Date()
        if let cached = cache.dashboard(fingerprint: fingerprint, asOf: asOf, now: now) { return cached }
        let fresh = try await Dashboard(store: store, model: model, analyzer: analyzer, asOf: asOf ?? now)
        cache.store(fresh, fingerprint: fingerprint)
        return fresh
    }

    /// The portfolio's emerging themes as of the dashboard's instant, read on request from the phrase index and the
    /// recent window's comments (under a second on a million responses once the index is counted).
    private func themes(of dashboard: Dashboard) async throws -> ThemeReport {
        guard let themes else { throw HTTPError(.notFound, message: "the server was started without the lexicons that themes need") }
        return try await ThemeReport.find(view: dashboard.view, extractor: themes, scope: DriverScope(), asOf: dashboard.asOf)
    }

    /// Runs `work`, answering a store error as a 500 that says what failed.
    private static func storeErrorsAsHTTP<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as VocError {
            throw HTTPError(.internalServerError, message: error.description)
        }
    }

    /// A path segment with its percent escapes decoded (account ids may contain spaces or non-ASCII letters).
    private static func decoded(_ segment: String) throws -> String {
        guard let text = segment.removingPercentEncoding else { throw HTTPError(.badRequest, message: "malformed percent escape in path") }
        return text
    }
}
