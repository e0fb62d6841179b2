import Foundation
import HummingbirdTesting
import Synchronization
import Testing
import VocHealth
import VocServer
import VocTestSupport

/// No request can crash or hang the dashboard: every parameter of every route with hostile values answers 400 (or
/// 404/200), never 5xx, with the security headers, and the server answers the next request.
@Suite struct HostileRequestTests {
    static let routes = ["/", "/accounts", "/accounts/NW-1001", "/accounts/NW-1001/comments", "/drivers", "/quarantine", "/api/overview",
                         "/api/accounts", "/api/accounts/NW-1001", "/api/accounts/NW-1001/comments", "/api/drivers", "/api/quarantine", "/themes"]
    static let parameters = ["limit", "reason", "band", "sort", "order", "segment", "owner", "language", "q", "page", "page_size",
                             "topic", "signal", "label", "channel", "from", "to"]
    static let values = [
        "-1", "0", "1", "99999999999999999999999", "-9223372036854775808", "9223372036854775807", "abc", "", "%00", "%FF%FE",
        "1e9", "0x10", "%E2%80%AE", "%F0%9F%98%A1", "red%0D%0AX-Injected:%201", "%3Cscript%3Ealert(1)%3C/script%3E",
        String(repeating: "a", count: 5_000), "..%2F..%2Fetc%2Fpasswd", "purple", "desc", "bogus",
    ]

    @Test func everyRouteAnswersHostileParametersWithoutAServerError() async throws {
        let server = try await DashboardServerTests.server()
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            var checked = 0
            for route in Self.routes {
                for parameter in Self.parameters {
                    for value in Self.values {
                        let response = try await client.execute(uri: "\(route)?\(parameter)=\(value)", method: .get)
                        #expect(response.status.code < 500, "\(route)?\(parameter)=\(value.prefix(40)) answered \(response.status.code)")
                        #expect(response.headers[.contentSecurityPolicy] != nil, "security headers on every answer")
                        checked += 1
                    }
                }
                let repeated = try await client.execute(uri: "\(route)?band=red&band=green&limit=1&limit=2", method: .get)
                #expect(repeated.status.code < 500, "\(route) with repeated parameters")
            }
            #expect(checked == Self.routes.count * Self.parameters.count * Self.values.count)
            try await client.execute(uri: "/healthz", method: .get) { #expect(String(buffer: $0.body) == "ok\n", "still answering") }
        }
    }

    @Test func invalidValuesSayWhichParameterAndWhy() async throws {
        let server = try await DashboardServerTests.server()
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            let cases = [
                ("/api/quarantine?limit=-1", "parameter 'limit' must be a whole number from 1 to 10000"),
                ("/api/quarantine?limit=abc", "parameter 'limit' must be a whole number from 1 to 10000"),
                ("/api/quarantine?reason=nonsense", "parameter 'reason' must be one of"),
                ("/api/accounts?band=purple", "parameter 'band' must be one of red, yellow, green"),
                ("/api/accounts?sort=bogus", "parameter 'sort' must be one of account, name"),
                ("/api/accounts?order=sideways", "parameter 'order' must be one of asc, desc"),
                ("/api/accounts?band=red&band=green", "parameter 'band' is given more than once"),
                ("/api/accounts?page=0", "parameter 'page' must be a whole number from 1 to 1000000"),
                ("/api/accounts?page_size=5000", "parameter 'page_size' must be a whole number from 1 to 1000"),
                ("/api/accounts?page_size=ten", "parameter 'page_size' must be a whole number from 1 to 1000"),
            ]
            for (uri, message) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let error = try #require(body["error"] as? [String: Any])
                #expect((error["message"] as? String)?.hasPrefix(message) == true, "\(uri): \(error)")
                #expect(error["status"] as? Int == 400)
            }
            let page = try await client.execute(uri: "/accounts?band=purple", method: .get)
            #expect(page.status == .badRequest)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8", "an HTML route answers a page")
            #expect(String(buffer: page.body).contains("parameter &#39;band&#39; must be one of red, yellow, green")
                    || String(buffer: page.body).contains("parameter 'band' must be one of red, yellow, green"))
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func unknownAccountsAndHeadRequestsAnswerLikePages() async throws {
        let server = try await DashboardServerTests.server()
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            let missing = try await client.execute(uri: "/accounts/NO-SUCH", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: missing.body).contains("no feedback for account"))
            #expect(missing.headers[.contentSecurityPolicy] != nil)
            let api = try await client.execute(uri: "/api/accounts/NO-SUCH", method: .get)
            #expect(api.status == .notFound && api.headers[.contentType] == "application/json; charset=utf-8")
            for path in ["/", "/accounts", "/quarantine", "/api/overview", "/healthz"] {
                let head = try await client.execute(uri: path, method: .head)
                #expect(head.status == .ok, "HEAD \(path)")
                #expect(head.body.readableBytes == 0, "HEAD \(path) has no body")
            }
            let quarantine = String(buffer: try await client.execute(uri: "/quarantine?limit=1", method: .get).body)
            #expect(quarantine.contains("showing the first 1"), "the HTML quarantine honours limit")
        }
    }
}

/// Old data says it is old: a banner with the newest response's date and the `--as-of` to use, and a revenue at
/// risk of zero is not coloured as a crisis.
@Suite struct StaleDataTests {
    static func overview(asOf: String) async throws -> (html: String, json: [String: Any]) {
        let server = await DashboardServer(store: try DashboardServerTests.makeStore(), model: HealthModel(), analyzer: nil,
                                     asOf: ISO8601DateFormatter().date(from: asOf)!, token: nil)
        let answers = Mutex<(page: String, json: Data)>(("", Data()))
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/", method: .get).body)
            let json = Data(buffer: try await client.execute(uri: "/api/overview", method: .get).body)
            answers.withLock { $0 = (page, json) }
        }
        let (page, json) = answers.withLock { $0 }
        return (page, try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:])
    }

    @Test func anOldStoreSaysSoAndAFreshViewDoesNot() async throws {
        let old = try await Self.overview(asOf: "2026-12-06T12:00:00Z")
        let latest = try #require((old.json["latest_response"] as? String)?.prefix(10))
        #expect(latest.hasPrefix("2024-03"), "the sample data ends in March 2024")
        #expect(old.html.contains("class=\"banner\""))
        #expect(old.html.contains("The newest response is from \(latest)"))
        #expect(old.html.contains("voc serve --as-of \(latest)"))
        #expect(old.json["stale"] as? Bool == true)
        let fresh = try await Self.overview(asOf: "2024-03-20T23:59:59Z")
        #expect(!fresh.html.contains("class=\"banner\""))
        #expect(fresh.json["stale"] as? Bool == false)
    }

    @Test func aZeroRevenueAtRiskIsNotRed() async throws {
        let old = try await Self.overview(asOf: "2026-12-06T12:00:00Z")
        let tile = try #require(old.html.range(of: "Revenue at risk")).upperBound
        let value = old.html[tile...].prefix(80)
        if (old.json["revenue_at_risk"] as? Double) == 0 {
            #expect(!value.contains("value red"), "\(value)")
        } else {
            #expect(value.contains("value red"), "\(value)")
        }
    }
}
