import Foundation
import HummingbirdTesting
import Testing
import VocCore
import VocHealth
import VocIngest
import VocPipeline
import VocReport
import VocScore
import VocServer
import VocStore
import VocTestSupport

/// The dashboard through Hummingbird's router test client and a live server, over a store holding the project's
/// sample surveys, a CRM directory and comments written to break out of HTML.
@Suite struct DashboardServerTests {
    static let asOf = ISO8601DateFormatter().date(from: "2024-03-20T23:59:59Z")!

    /// A store with the sample surveys, the hostile comments and a directory; built once per test.
    static func makeStore() async throws -> SQLiteStore {
        let store = try SQLiteStore(path: Fixtures.temporaryDirectory().appendingPathComponent("voc.sqlite").path)
        let pipeline = IngestPipeline(store: store, vocabulary: try ColumnVocabulary.load(from: Fixtures.lexicons),
                                      stripper: try ReplyStripper.load(from: Fixtures.lexicons),
                                      analyzer: SentimentAnalyzer(model: try SentimentModel.load(from: Fixtures.lexicons)))
        let files = ["surveys/generic_en.csv", "surveys/qualtrics_es.csv", "surveys/googleforms_pt.csv", "hostile/comments_en.csv"]
        _ = try await pipeline.ingest(files.map { InputFile(path: Fixtures.corpora.appendingPathComponent($0).path, walked: false) }, command: "test")
        try store.replaceDirectory([
            DirectoryAccount(id: "NW-1001", name: "Northwind Traders", domains: ["northwind.com"], segment: "high-touch", arr: 240_000, owner: "Dana Okafor"),
            DirectoryAccount(id: "HX-7007", name: "Hexagon <b>Labs</b>", domains: ["hexagon.example"], segment: "low-touch", arr: 90_000,
                             renewal: asOf.addingTimeInterval(42 * 86_400), owner: "<i>Sam</i>"),
        ])
        return store
    }

    static func server(token: String? = nil) async throws -> DashboardServer {
        DashboardServer(store: try await makeStore(), model: HealthModel(), analyzer: SentimentAnalyzer(model: try SentimentModel.load(from: Fixtures.lexicons)),
                        themes: try PhraseExtractor.load(from: Fixtures.lexicons), asOf: asOf, token: token)
    }

    @Test func everyPageAndItsAPIAnswerThroughTheRouter() async throws {
        let server = try await Self.server()
        let totals = try await server.store.totals()
        try await server.application(host: "127.0.0.1", port: 0).test(.router) { client in
            for path in ["/", "/accounts", "/accounts/NW-1001", "/drivers", "/themes", "/quarantine"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                    #expect(!String(buffer: response.body).contains("<script"), "voc's pages carry no script: \(path)")
                }
            }
            let overview = try await client.execute(uri: "/api/overview", method: .get)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: overview.body)) as? [String: Any])
            #expect(json["responses"] as? Int == totals.feedback)
            #expect(json["quarantined"] as? Int == totals.quarantined)
            #expect((json["periods"] as? [Any])?.count == 12)
            let portfolio = try #require(json["portfolio"] as? [String: Any])
            let nps = try #require(portfolio["nps"] as? [String: Any])
            #expect((nps["ci_low"] as! Double) < (nps["score"] as! Double) && (nps["score"] as! Double) < (nps["ci_high"] as! Double))

            let quarantine = try await client.execute(uri: "/api/quarantine", method: .get)
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(buffer: quarantine.body)) as? [String: Any])
            #expect(entries["total"] as? Int == totals.quarantined)

            try await client.execute(uri: "/accounts/NO-SUCH", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/quarantine?reason=nonsense", method: .get) { #expect($0.status == .badRequest) }
        }
    }

    @Test func theAccountListFiltersAndSorts() async throws {
        try await Self.server().application(host: "127.0.0.1", port: 0).test(.router) { client in
            func rows(_ query: String) async throws -> [[String: Any]] {
                let response = try await client.execute(uri: "/api/accounts" + query, method: .get)
                let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                return try #require(list["rows"] as? [[String: Any]])
            }
            let all = try await rows("")
            let scores = all.compactMap { $0["score"] as? Double }
            #expect(scores == scores.sorted(), "worst health first by default")
            #expect(all.count > 3)
            let byARR = try await rows("?sort=arr&order=desc")
            #expect(byARR.prefix(2).map { $0["account"] as? String } == ["NW-1001", "HX-7007"], "known ARR first, highest first")
            let lowTouch = try await rows("?segment=low-touch")
            #expect(lowTouch.map { $0["account"] as? String } == ["HX-7007"])
            let red = try await rows("?band=red")
            #expect(!red.isEmpty && red.allSatisfy { $0["band"] as? String == "red" })
            let portuguese = try await rows("?language=pt")
            #expect(!portuguese.isEmpty && portuguese.allSatisfy { $0["language"] as? String == "pt" })
        }
    }

    /// Pages split the ordered matches without gaps or repeats, a search finds ids and names whatever their case and
    /// accents, and the HTML pager's links keep the filters, search and order.
    @Test func theAccountListPagesAndSearches() async throws {
        try await Self.server().application(host: "127.0.0.1", port: 0).test(.router) { client in
            func list(_ query: String) async throws -> [String: Any] {
                let response = try await client.execute(uri: "/api/accounts" + query, method: .get)
                #expect(response.status == .ok, "\(query)")
                return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            }
            func accounts(_ list: [String: Any]) -> [String] { (list["rows"] as? [[String: Any]] ?? []).compactMap { $0["account"] as? String } }
            let all = try await list("?sort=account")
            let everyone = accounts(all)
            #expect(everyone.count >= 5 && all["matched"] as? Int == everyone.count && all["pages"] as? Int == 1)
            var paged: [String] = []
            let pages = try #require(try await list("?sort=account&page_size=2")["pages"] as? Int)
            #expect(pages == (everyone.count + 1) / 2)
            for page in 1...pages {
                let one = try await list("?sort=account&page_size=2&page=\(page)")
                #expect(one["page"] as? Int == page && one["matched"] as? Int == everyone.count)
                paged += accounts(one)
            }
            #expect(paged == everyone, "the pages, in order, are the whole list")
            #expect(accounts(try await list("?sort=account&page_size=2&page=\(pages + 1)")).isEmpty, "a page past the last is empty")

            #expect(accounts(try await list("?q=northwind")) == ["NW-1001"], "by name, any case")
            #expect(accounts(try await list("?q=NW-10")) == ["NW-1001"], "by id")
            #expect(accounts(try await list("?q=h%C3%A9xagon")) == ["HX-7007"], "accents ignored")
            #expect(accounts(try await list("?q=no-such-account")).isEmpty)

            let page = String(buffer: try await client.execute(uri: "/accounts?sort=account&order=desc&q=x&page_size=1&page=2", method: .get).body)
            #expect(page.contains("rel=\"prev\" href=\"/accounts?q=x&amp;sort=account&amp;order=desc&amp;page_size=1\""), "\(page)")
            #expect(page.contains("page 2 of"))
            #expect(page.contains("name=\"q\" value=\"x\""))
        }
    }

    /// The tiles' change compares the last 7 whole days through the view's day with the 7 before (the chart's last
    /// week is partial): the same answers as the account's records in those days, read one by one.
    @Test func theTilesChangeIsTheLastSevenDaysAgainstTheSevenBefore() async throws {
        let store = try await Self.makeStore()
        let dashboard = try await Dashboard(store: store, analyzer: nil, asOf: Self.asOf)
        for account in ["NW-1001", "IN-4004"] {
            let detail = try #require(try await dashboard.account(account))
            var tallies = [NPSTally(), NPSTally()]
            let lastDay = Int((Self.asOf.timeIntervalSince1970 / 86_400).rounded(.down))
            for record in try await dashboard.view.feedback(account: account, limit: 10_000) {
                guard let at = record.submittedAt, let answer = record.nps else { continue }
                let day = Int((at.timeIntervalSince1970 / 86_400).rounded(.down))
                if day <= lastDay && day > lastDay - 14 { tallies[day > lastDay - 7 ? 1 : 0].add(answer) }
            }
            #expect(detail.changes.periodDays == 7)
            #expect(detail.changes.nps.currentAnswered == tallies[1].answered && detail.changes.nps.previousAnswered == tallies[0].answered, "\(account)")
            #expect(detail.changes.nps == PeriodChange.nps(tallies[1], previous: tallies[0]), "\(account)")
        }
        let overview = dashboard.overview()
        #expect(overview.changes.nps.currentAnswered > 0 && overview.changes.nps.previousAnswered > 0, "the sample data fills both weeks")
        #expect(overview.changes.nps.changeCiLow != nil && overview.changes.csat.change != nil)
        #expect(DashboardPage.overview(overview).description.contains("<div class=\"note change\">last 7 days "))
    }

    /// An account's topics and signals are its key drivers (from the rollups): each counts the comments that mention it
    /// (with their share negative), and links to the comment list filtered by it; the list's filters and pages keep to
    /// what they say.
    @Test func topicsLinkToTheCommentsThatMentionThem() async throws {
        try await Self.server().application(host: "127.0.0.1", port: 0).test(.router) { client in
            func json(_ uri: String) async throws -> [String: Any] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            }
            let page = String(buffer: try await client.execute(uri: "/accounts/NW-1001", method: .get).body)
            #expect(page.contains("<span class=\"muted\">survey · ") && !page.contains("corpora/surveys/"), "drivers and comments cite channel and respondent, not a server path")
            #expect(page.contains("<figure class=\"chart\"><figcaption>NPS of the responses that mention it minus the rest"))
            var kinds: Set<String> = []
            for row in try #require(try await json("/api/accounts")["rows"] as? [[String: Any]]) {
                let id = try #require(row["account"] as? String)
                let path = "/accounts/" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id)
                let page = String(buffer: try await client.execute(uri: path, method: .get).body)
                for driver in try #require(try await json("/api" + path)["key_drivers"] as? [[String: Any]]) {
                    let name = try #require(driver["driver"] as? String), kind = try #require(driver["kind"] as? String)
                    kinds.insert(kind)
                    let filter = kind == "topic" ? "topic=\(name)" : "signal=\(name)"
                    let list = try await json("/api\(path)/comments?\(filter)&page_size=500")
                    let comments = try #require(list["comments"] as? [[String: Any]])
                    #expect(driver["mentions"] as? Int == comments.count && list["matched"] as? Int == comments.count, "\(id) \(name)")
                    if kind == "topic" { #expect(comments.allSatisfy { ($0["topics"] as? [String])?.contains(name) == true }) }
                    let negative = comments.count { $0["label"] as? String == "neg" }
                    #expect(abs((driver["negative_share"] as? Double ?? -1) - Double(negative) / Double(comments.count)) < 1e-9)
                    #expect(page.contains("/comments?\(filter)\">\(name)</a>"), "\(name) links to its comments")
                }
            }
            #expect(kinds == ["topic", "signal"])
            let all = try #require(try await json("/api/accounts/NW-1001/comments?page_size=500")["comments"] as? [[String: Any]])
            let negative = try #require(try await json("/api/accounts/NW-1001/comments?label=neg&page_size=500")["comments"] as? [[String: Any]])
            #expect(negative.count == all.count { $0["label"] as? String == "neg" } && negative.count < all.count)
            let dated = all.compactMap { ($0["submitted_at"] as? String).map { String($0.prefix(10)) } }.sorted()
            let (first, last) = (try #require(dated.first), try #require(dated.last))
            #expect(try await json("/api/accounts/NW-1001/comments?from=\(first)&to=\(last)&page_size=500")["matched"] as? Int == dated.count, "both ends included")
            #expect(try await json("/api/accounts/NW-1001/comments?from=\(last)&to=\(last)&page_size=500")["matched"] as? Int == dated.count { $0 == last })
            var paged: [String] = []
            for page in 1...2 {
                paged += try #require(try await json("/api/accounts/NW-1001/comments?page_size=\((all.count + 1) / 2)&page=\(page)")["comments"] as? [[String: Any]]).compactMap { $0["key"] as? String }
            }
            #expect(paged == all.compactMap { $0["key"] as? String })
            #expect(all.allSatisfy { $0["channel"] as? String == "survey" }, "comments say their channel, not a server path")
            try await client.execute(uri: "/api/accounts/NO-SUCH/comments", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/accounts/NW-1001/comments?from=2024-02-30", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/accounts/NW-1001/comments?label=happy", method: .get) { #expect($0.status == .badRequest) }
        }
    }

    /// The drivers page sets each topic and signal against the rest of its scope: a segment of one account gives that
    /// account's own key drivers; each driver lists the accounts that mention it, linked to their comments.
    @Test func theDriversPageAnalysesTheScopeItIsGiven() async throws {
        try await Self.server().application(host: "127.0.0.1", port: 0).test(.router) { client in
            func json(_ uri: String) async throws -> [String: Any] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            }
            let portfolio = try await json("/api/drivers")
            let analysis = try #require(portfolio["analysis"] as? [String: Any])
            let overview = try await json("/api/overview")
            #expect(analysis["responses"] as? Int == overview["responses"] as? Int && analysis["scope"] as? String == "portfolio")
            let drivers = try #require(analysis["drivers"] as? [[String: Any]])
            #expect(!drivers.isEmpty)
            let impacts = drivers.filter { $0["thin"] as? Bool == false }.compactMap { $0["impact"] as? Double }
            #expect(impacts == impacts.sorted(by: >), "most harmful first")

            let segment = try await json("/api/drivers?segment=HIGH-TOUCH")
            let account = try await json("/api/accounts/NW-1001")
            let segmentDrivers = try #require((segment["analysis"] as? [String: Any])?["drivers"] as? [[String: Any]])
            #expect(NSArray(array: segmentDrivers).isEqual(to: try #require(account["key_drivers"] as? [Any])), "the segment is NW-1001 alone")
            let listed = try #require(segment["accounts"] as? [[String: Any]])
            #expect(listed.allSatisfy { ($0["accounts"] as? [[String: Any]])?.allSatisfy { $0["account"] as? String == "NW-1001" } == true })

            let page = String(buffer: try await client.execute(uri: "/drivers?segment=high-touch", method: .get).body)
            #expect(page.contains("<figure class=\"chart\">") && page.contains("segment high-touch · all time"))
            let first = try #require(segmentDrivers.first?["driver"] as? String)
            #expect(page.contains("/accounts/NW-1001/comments?") && page.contains(">NW-1001 ("), "\(first)")
            #expect(try await json("/api/drivers?owner=nobody")["analysis"].flatMap { ($0 as? [String: Any])?["drivers"] as? [Any] }?.isEmpty == true)
            try await client.execute(uri: "/api/drivers?segment=a&segment=b", method: .get) { #expect($0.status == .badRequest) }
        }
    }

    /// The overview lists the 20 worst red accounts and links to the rest; the report lists every one.
    @Test func theOverviewListsTheWorstRedAccountsAndLinksToTheRest() async throws {
        var overview = try await Dashboard(store: Self.makeStore(), analyzer: nil, asOf: Self.asOf).overview()
        let red = try #require(overview.atRisk.first)
        overview.atRisk = Array(repeating: red, count: 25)
        let page = DashboardPage.overview(overview).description
        #expect(page.components(separatedBy: "<tr class=\"account\"").count - 1 == 20)
        #expect(page.contains("<a href=\"/accounts?band=red&amp;sort=score\">All 25 red accounts →</a>"), "\(page)")
        let report = DashboardPage.overview(overview, context: .report).description
        #expect(report.components(separatedBy: "<tr class=\"account\"").count - 1 == 25)
        #expect(!report.contains("All 25 red accounts"))
    }

    @Test func theAccountListSaysHowManyAnsweredWhyAndWhatRenewsSoon() async throws {
        try await Self.server().application(host: "127.0.0.1", port: 0).test(.router) { client in
            let response = try await client.execute(uri: "/api/accounts", method: .get)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let rows = try #require(list["rows"] as? [[String: Any]])
            let page = String(buffer: try await client.execute(uri: "/accounts", method: .get).body)
            func html(of account: String) throws -> Substring {
                let start = try #require(page.range(of: "data-account=\"\(account)\""))
                let rest = page[start.upperBound...]
                return rest[..<(rest.range(of: "</tr>")?.lowerBound ?? rest.endIndex)]
            }
            var thin = 0
            for row in rows {
                let account = try #require(row["account"] as? String)
                // The hostile sample ids are escaped in the page (`hostileCommentsAndNamesRenderAsText`).
                guard !account.contains(where: { "<>\"&'".contains($0) }) else { continue }
                let cells = try html(of: account)
                for metric in ["nps", "csat", "ces"] {
                    let answered = try #require(row["\(metric)_answered"] as? Int)
                    let sufficient = try #require(row["\(metric)_sufficient"] as? Bool)
                    if answered > 0 { #expect(cells.contains("n=\(answered)"), "\(account) \(metric) shows its n") }
                    if answered > 0 && !sufficient {
                        thin += 1
                        #expect(cells.contains("n=\(answered) · too few"), "\(account) \(metric) is marked too few")
                    }
                }
                if let easy = row["ces"] as? Double {
                    #expect((0...100).contains(easy) && row["ces_mean"] is Double, "\(account): ces is the % easy, as the tiles show it")
                    #expect(cells.contains(Formatting.fixed(easy) + "<"), "\(account): the CES column shows the % easy")
                }
                if let band = row["band"] as? String {
                    let weakest = try #require(row["weakest_measures"] as? [String])
                    #expect(!weakest.isEmpty && cells.contains(weakest.joined(separator: ", ")), "\(account) says which measures pull it down")
                    let soon = try #require(row["renewal_soon"] as? Bool)
                    #expect(soon == (account == "HX-7007" && ["red", "yellow"].contains(band)))
                    #expect(cells.contains("renewal-soon") == soon)
                }
            }
            #expect(thin > 0, "the sample store has accounts with too few answers")
            #expect(page.contains("<div class=\"scroll\"><table class=\"accounts\">"), "a wide table scrolls in its box, not the page (360 px)")
            let hexagon = try #require(rows.first { $0["account"] as? String == "HX-7007" })
            #expect(hexagon["renewal_soon"] as? Bool == true, "HX-7007 (\(hexagon["band"] ?? "no band")) renews in six weeks")
        }
    }

    @Test func anAccountPageShowsItsRenewalAndExplainsItsMeasures() async throws {
        try await Self.server().application(host: "127.0.0.1", port: 0).test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/accounts/HX-7007", method: .get).body)
            #expect(page.contains("<span class=\"renewal-soon\" title=\"renews within 90 days\">renewal 2024-05-01</span>"))
            #expect(page.contains("CSM &lt;i&gt;Sam&lt;/i&gt;"))
            #expect(page.contains("<td class=\"muted\">(NPS + 100) / 2</td>"), "the measures table says how NPS becomes 0-100")
            let api = try await client.execute(uri: "/api/accounts/HX-7007", method: .get)
            let detail = try #require(try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any])
            let account = try #require(detail["account"] as? [String: Any])
            for metric in ["csat", "ces"] {
                guard let rating = account[metric] as? [String: Any], rating["sufficient"] as? Bool == false else { continue }
                #expect(page.contains("n=\(rating["answered"] as? Int ?? -1) · too few to judge"), "\(metric) tile says too few")
            }
        }
    }

    @Test func anAccountsHistoryEndsAtItsCurrentScore() async throws {
        try await Self.server().application(host: "127.0.0.1", port: 0).test(.router) { client in
            let response = try await client.execute(uri: "/api/accounts/HX-7007", method: .get)
            let detail = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let health = try #require(detail["health"] as? [String: Any])
            let periods = try #require(detail["periods"] as? [[String: Any]])
            #expect(periods.count == 12)
            let score = try #require(health["score"] as? Double)
            #expect(abs((periods.last?["score"] as? Double ?? -1) - score) < 1e-9, "the last period ends at as-of")
            #expect(periods.map { $0["responses"] as? Int ?? 0 }.reduce(0, +) == 4)
            let comments = try #require(detail["detractor_comments"] as? [[String: Any]])
            #expect(comments.count == 4 && comments.allSatisfy { ($0["nps"] as? Int ?? 99) <= 6 })
            #expect(comments.allSatisfy { !($0["trace"] as? [String] ?? []).isEmpty }, "each detractor comment carries its sentiment trace")
        }
    }

    @Test func hostileCommentsAndNamesRenderAsText() async throws {
        try await Self.server().application(host: "127.0.0.1", port: 0).test(.router) { client in
            let detail = String(buffer: try await client.execute(uri: "/accounts/HX-7007", method: .get).body)
            #expect(detail.contains("&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;xss-1&#39;)&lt;/script&gt;"))
            #expect(detail.contains("&quot;&gt;&lt;img src=x onerror="))
            #expect(detail.contains("Hexagon &lt;b&gt;Labs&lt;/b&gt;"))
            #expect(detail.contains("&amp;lt;b&amp;gt;slow"), "entities typed by the customer stay as typed")
            for markup in ["<script", "<img", "<svg onload", "<style>body{display:none}", "<a href=\"javascript", "<b>Labs", "<i>Sam"] {
                #expect(!detail.contains(markup), "\(markup) must not reach the page as markup")
            }
            let list = String(buffer: try await client.execute(uri: "/accounts", method: .get).body)
            #expect(!list.contains("<svg onload"))
            #expect(list.contains("href=\"/accounts/%22%3E%3Csvg%20onload%3D"), "the hostile account id is percent-encoded in links")
            let breaker = try await client.execute(uri: "/accounts/%22%3E%3Csvg%20onload%3Ddocument.body.setAttribute('data-pwned','xss-4')%3E", method: .get)
            #expect(breaker.status == .ok)
            #expect(String(buffer: breaker.body).contains("&quot;&gt;&lt;svg onload="))
        }
    }

    @Test func aTokenGuardsEveryRouteWhenConfigured() async throws {
        let token = "s3cret-token-for-tests"
        try await Self.server(token: token).application(host: "127.0.0.1", port: 0).test(.live) { try await $0.patiently { client in
            try await client.execute(uri: "/api/overview", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer wrong-token-wrong-token"]) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer \(token)"]) { #expect($0.status == .ok) }
            let redirect = try await client.execute(uri: "/accounts?token=\(token)", method: .get)
            #expect(redirect.status == .seeOther)
            #expect(redirect.headers[.location] == "/accounts")
            let cookie = try #require(redirect.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            try await client.execute(uri: "/accounts", method: .get, headers: [.cookie: "voc_token=\(token)"]) { #expect($0.status == .ok) }
        } }
    }

    @Test func theLiveServerAnswersLikeTheRouter() async throws {
        try await Self.server().application(host: "127.0.0.1", port: 0).test(.live) { try await $0.patiently { client in
            let page = try await client.execute(uri: "/accounts/NW-1001", method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("Northwind Traders"))
            #expect(page.headers[.xContentTypeOptions] == "nosniff")
            try await client.execute(uri: "/healthz", method: .get) { #expect(String(buffer: $0.body) == "ok\n") }
        } }
    }
}
