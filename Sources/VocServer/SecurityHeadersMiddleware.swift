import Hummingbird
import VocReport

/// Headers that keep customer text inert even if a page had an escaping bug: no script may run, nothing is
/// framed, sniffed, cached or sent to another origin.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The pages' own policy, plus what only a header can say.
    static var policy: String { DashboardPage.contentSecurityPolicy + "; frame-ancestors 'none'" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = "no-store"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        return response
    }
}
