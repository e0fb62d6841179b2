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
