import Hummingbird

/// Lets a request through only with `Authorization: Bearer TOKEN`, or with the `voc_token` cookie that
/// `?token=TOKEN` sets for a browser (answered by a redirect that drops the token from the address bar).
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer "), Self.same(String(header.dropFirst(7)), token) {
            return try await next(request, context)
        }
        if let cookie = request.cookies["voc_token"]?.value, Self.same(cookie, token) {
            return try await next(request, context)
        }
        if let offered = request.uri.queryParameters["token"], Self.same(String(offered), token) {
            return Response(status: .seeOther, headers: [
                .location: request.uri.path,
                .setCookie: "voc_token=\(token); Path=/; HttpOnly; SameSite=Strict",
            ])
        }
        return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"voc\""])
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ offered: String, _ expected: String) -> Bool {
        let a = Array(offered.utf8), b = Array(expected.utf8)
        var difference = a.count ^ b.count
        for index in 0..<min(a.count, b.count) { difference |= Int(a[index] ^ b[index]) }
        return difference == 0
    }
}
