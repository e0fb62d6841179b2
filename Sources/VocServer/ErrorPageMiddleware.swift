import Hummingbird
import VocReport

/// Turns every error a route throws into an answer the client can read: a JSON object on `/api/…`, a page
/// everywhere else, with the status and the reason (a parameter that does not fit, an unknown account). Errors that
/// are not HTTP errors answer 500 without their details. Inside `SecurityHeadersMiddleware`, so error answers carry
/// the same headers as any page.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = (error as? HTTPError).map { ($0.status, $0.body ?? $0.status.reasonPhrase) }
                ?? (.internalServerError, "the dashboard could not answer this request; the server log says why")
            if !(error is HTTPError) { context.logger.error("request failed: \(request.uri.path): \(error)") }
            if request.uri.path.hasPrefix("/api/") {
                var json = JSONText()
                json.beginObject()
                json.key("error")
                json.beginObject()
                json.field("message", message)
                json.key("status")
                json.number(Int(status.code))
                json.endObject()
                json.endObject()
                return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: json.text + "\n")))
            }
            let page = DashboardPage.error(status: Int(status.code), reason: status.reasonPhrase, message: message).description
            return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
    }
}
