import Foundation
import Testing
import VocTestSupport

/// The dashboard as a person sees it: a live `voc serve` on loopback, each page loaded by headless Chromium
/// (installed from Debian's packages by `.ci/run`), the rendered DOM checked for the expected rows and for
/// any sign that an injected script ran.
@Suite(.serialized) struct DashboardBrowserTests {
    static let chromium: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// The DOM after Chromium has loaded `url` and run whatever the page would run.
    static func renderedDOM(_ url: String) throws -> String {
        let browser = try #require(chromium, "Chromium is required: apt-get install chromium (.ci/run installs it)")
        let profile = Fixtures.temporaryDirectory().path
        let result = try VocProcess.run(["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)",
                                         "--virtual-time-budget=2000", "--dump-dom", url], executable: browser)
        #expect(result.status == 0, "chromium: \(result.stderr.suffix(400))")
        return result.stdout
    }

    /// A page laid out by Chromium in a viewport `width` px wide: how wide its document is, and its widest chart. The
    /// page's own markup and style (as the server sent them, no script having run) go into a frame of that width on a
    /// local page that measures it (the dashboard's policy forbids scripts on the page itself, and a headless window is
    /// never narrower than 500 px).
    static func layout(_ url: String, width: Int) throws -> (document: Int, widestChart: Int) {
        let browser = try #require(chromium, "Chromium is required: apt-get install chromium (.ci/run installs it)")
        let page = try renderedDOM(url).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let frame = """
            <html><body><iframe id="page" style="width:\(width)px;height:900px;border:0" srcdoc="\(page)"></iframe>
            <script>addEventListener('load', () => { const d = document.getElementById('page').contentDocument;
            document.body.setAttribute('data-layout', d.documentElement.scrollWidth + ' ' +
            Math.max(0, ...[...d.querySelectorAll('svg')].map(s => Math.ceil(s.getBoundingClientRect().width)))) })</script></body></html>
            """
        let copy = Fixtures.write(frame, name: "layout.html")
        let result = try VocProcess.run(["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(Fixtures.temporaryDirectory().path)",
                                         "--virtual-time-budget=2000", "--dump-dom", "file://" + copy], executable: browser)
        let attribute = try #require(result.stdout.range(of: "data-layout=\""), "the measuring script ran: \(result.stderr.suffix(300))")
        let values = result.stdout[attribute.upperBound...].prefix { $0 != "\"" }.split(separator: " ").compactMap { Int($0) }
        try #require(values.count == 2)
        return (values[0], values[1])
    }

    /// On a 360 px phone every page fits the screen: no page wider than the window (wide tables scroll inside their
    /// box), charts scaled down to it.
    @Test func everyPageFitsA360PixelScreen() throws {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest"] + VocProcess.sampleSurveys, store: store)
        #expect(try VocProcess.run(["accounts", "import", "corpora/crm/accounts.csv"], store: store).status != 2)
        let server = try ServeProcess(["--store", store, "--as-of", "2024-03-20"])
        defer { server.stop() }
        for path in ["/", "/accounts", "/accounts/IN-4004", "/drivers", "/quarantine"] {
            let layout = try Self.layout(server.base + path, width: 360)
            #expect(layout.document <= 360, "\(path) is \(layout.document) px wide at 360 px")
            #expect(layout.widestChart <= 360 - 16, "\(path): a chart is \(layout.widestChart) px wide at 360 px")
            if ["/", "/accounts/IN-4004", "/drivers"].contains(path) { #expect(layout.widestChart > 100, "\(path) has its charts") }
        }
    }

    /// The "what's new" page lists a phrase planted in one segment's last two weeks, each account linked to its
    /// comments with that phrase; the API and the report say the same.
    @Test func whatsNewShowsTheEmergingThemes() throws {
        let store = try ThemesCommandTests.store()
        let server = try ServeProcess(["--store", store, "--as-of", "2024-03-20"])
        defer { server.stop() }
        let overview = try Self.renderedDOM(server.base + "/themes")
        #expect(overview.contains("<h1>What's new</h1>") && overview.contains("data-theme=\"export button\""))
        let link = "/accounts/A1/comments?q=export%20button"
        #expect(overview.contains("href=\"\(link)\""), "each account links to its comments with the phrase")
        let comments = try Self.renderedDOM(server.base + link)
        #expect(comments.contains("6 of the ") && comments.components(separatedBy: "export button disappeared").count - 1 == 6, "A1's six planted comments")
        let api = try Self.renderedDOM(server.base + "/api/themes")
        #expect(api.contains("\"phrase\":\"export button\""))
        let report = try VocProcess.run(["report", "--html", "-", "--as-of", "2024-03-20"], store: store).stdout
        #expect(report.contains("<h2>What's new</h2>") && report.contains("data-theme=\"export button\""))
    }

    /// A generated store whose data ends long before today, viewed as of today: the overview says how old the data
    /// is and suggests `--as-of`, lists the accounts a page at a time, and every page still fits a 360 px screen.
    @Test func aGeneratedStoreWhoseDataEndedLongAgoSaysSo() throws {
        let export = Fixtures.temporaryDirectory().appendingPathComponent("generated.csv").path
        #expect(try VocProcess.run(["generate", "--rows", "3000", "--accounts", "150", "--seed", "7", "-o", export]).status == 0)
        let store = VocProcess.temporaryStore()
        #expect(try VocProcess.run(["ingest", export], store: store).status == 0)
        let server = try ServeProcess(["--store", store])
        defer { server.stop() }

        let overview = try Self.renderedDOM(server.base + "/")
        #expect(overview.contains("class=\"banner\"") && overview.contains("The newest response is from"), "the stale data is said")
        #expect(overview.contains("<code>voc serve --as-of 20"), "and --as-of is suggested")
        let first = try Self.renderedDOM(server.base + "/accounts")
        let second = try Self.renderedDOM(server.base + "/accounts?page=2")
        let rows = { (dom: String) in dom.components(separatedBy: "<tr class=\"account\"").count - 1 }
        #expect(rows(first) == 100 && rows(second) == 50, "150 accounts, 100 a page")
        #expect(first.contains("page 1 of 2") && first.contains("rel=\"next\" href=\"/accounts?sort=score&amp;page=2\""))
        let account = try #require(first.range(of: "data-account=\"").map { first[$0.upperBound...].prefix { $0 != "\"" } })
        for path in ["/", "/accounts", "/accounts/\(account)", "/accounts/\(account)/comments", "/drivers"] {
            let layout = try Self.layout(server.base + path, width: 360)
            #expect(layout.document <= 360, "\(path) is \(layout.document) px wide at 360 px")
            #expect(layout.widestChart <= 360 - 16, "\(path): a chart is \(layout.widestChart) px wide at 360 px")
        }
    }

    @Test func everyPageRendersItsRowsAndNoInjectedScriptRuns() throws {
        let store = VocProcess.temporaryStore()
        _ = try VocProcess.run(["ingest"] + VocProcess.sampleSurveys + ["corpora/hostile/comments_en.csv"], store: store)
        #expect(try VocProcess.run(["accounts", "import", "corpora/crm/accounts.csv"], store: store).status != 2)
        let server = try ServeProcess(["--store", store, "--as-of", "2024-03-20"])
        defer { server.stop() }

        let accounts = try Self.renderedDOM(server.base + "/accounts")
        for id in ["NW-1001", "CT-2002", "GX-3003", "IN-4004", "UM-5005", "WE-6006", "HX-7007"] {
            #expect(accounts.contains("data-account=\"\(id)\""), "account row \(id)")
        }
        #expect(accounts.contains("Hexagon &lt;b&gt;Labs&lt;/b&gt;"), "a name with markup is shown as text")

        let red = try Self.renderedDOM(server.base + "/accounts?band=red")
        #expect(red.components(separatedBy: "<tr class=\"account\"").count - 1 == red.components(separatedBy: "band red").count - 1)

        let overview = try Self.renderedDOM(server.base + "/")
        #expect(overview.contains("Portfolio") && overview.contains("<svg"))
        #expect(overview.contains("data-account=\"IN-4004\""), "a red account is listed at risk")

        let hexagon = try Self.renderedDOM(server.base + "/accounts/HX-7007")
        #expect(hexagon.contains("&lt;script&gt;document.body.setAttribute('data-pwned','xss-1')&lt;/script&gt;"))
        #expect(hexagon.contains("terrible billing, we were charged twice"))

        let quarantine = try Self.renderedDOM(server.base + "/quarantine")
        #expect(quarantine.contains("records were not accepted"))

        for dom in [accounts, red, overview, hexagon, quarantine] {
            #expect(!dom.contains("data-pwned=\""), "an injected script ran and marked the page")
            #expect(!dom.contains("<script") && !dom.contains("<img") && !dom.contains("<svg onload") && !dom.contains("<a href=\"javascript"),
                    "injected markup became elements")
        }
    }
}
