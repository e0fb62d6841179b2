import Foundation
import VocCore
import VocHealth
import VocScore

/// The dashboard's pages and the HTML report as complete documents: inline CSS and SVG, no script, no external resource.
public enum DashboardPage {
    /// No script, no fetch: only the inline style and inline images the pages are made of.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'"

    /// Where a page is shown: on the live server (navigation and links between pages) or in a self-contained report file.
    public enum Context: Sendable { case server, report }

    public static func overview(_ overview: PortfolioOverview, context: Context = .server) -> HTML {
        document(title: "Portfolio", active: "overview", context: context, body: overviewBody(overview, context: context))
    }

    /// What's new: the portfolio's emerging themes.
    public static func themes(_ report: ThemeReport) -> HTML {
        document(title: "What's new", active: "themes", context: .server, body: whatsNew(report, context: .server, heading: "h1"))
    }

    /// The emerging themes: each phrase with its counts and the accounts that mention it (linked to those comments).
    private static func whatsNew(_ report: ThemeReport, context: Context, heading: String = "h2") -> HTML {
        var body: HTML = "<\(heading)>What's new</\(heading)><p class=\"muted\">phrases whose share of comments rose in the last \(ThemeReport.days(of: report.recent)) (\(report.recentComments) comments) against the \(report.baselineComments) comments of the \(ThemeReport.baselineDays) days before (G² ≥ 10.83, at least \(report.minimumCount) mentions)</p>"
        guard !report.themes.isEmpty else { return body + "<p class=\"muted\">Nothing has emerged.</p>" }
        body += "<div class=\"scroll\"><table class=\"themes\"><thead><tr><th>Phrase</th><th class=\"num\">Recent</th><th class=\"num\">Before</th><th class=\"num\">Rate ratio</th><th>Accounts</th><th>Latest comment</th></tr></thead><tbody>"
        for theme in report.themes.prefix(10) {
            let accounts = HTML.join(theme.accounts.prefix(5).map { account in
                context == .server
                    ? "<a href=\"/accounts/\(AccountQuery.percentEncode(account))/comments\(CommentQuery(text: theme.phrase).link(page: 1))\">\(account)</a>" : HTML(text: account)
            }, separator: ", ")
            body += "<tr data-theme=\"\(theme.phrase)\"><td>\(theme.phrase)\(theme.new ? HTML(" <span class=\"tag\">new</span>") : .empty)</td><td class=\"num\">\(theme.recent)</td><td class=\"num\">\(theme.baseline)</td>"
                + "<td class=\"num\">\(Formatting.fixed(theme.rateRatio))×</td><td>\(accounts)</td><td>\(theme.examples.first ?? "")</td></tr>"
        }
        return body + "</tbody></table></div>"
    }

    /// The HTML report: the overview, what's new, the portfolio's key drivers, the account list, then one section per account (its
    /// measures, drivers, topics and latest detractor comments, as on its page), in one file to send by e-mail; the list
    /// links to the sections.
    public static func report(_ overview: PortfolioOverview, themes: ThemeReport, drivers: DriverList, accounts: AccountList,
                              details: [AccountDetail]) -> HTML {
        var body = overviewBody(overview, context: .report) + whatsNew(themes, context: .report)
        body += "<h2>Topics and key drivers</h2>" + driversBody(drivers, context: .report)
        body += "<h2>All accounts</h2>" + accountTable(accounts, context: .report)
        for detail in details {
            body += "<section class=\"account\" id=\"\(anchor(detail.account.account ?? ""))\">\(accountBody(detail, context: .report))</section>"
        }
        return document(title: "Voice of the customer report", active: "", context: .report, body: body)
    }

    /// An account's section in the report, as a fragment id.
    static func anchor(_ account: String) -> String { "account-" + AccountQuery.percentEncode(account) }

    public static func accounts(_ list: AccountList) -> HTML {
        let query = list.query
        let form: HTML = """
            <form method="get" action="/accounts" class="filters">\
            \(select("segment", "Segment", list.segments, query.segment))\
            \(select("band", "Band", HealthBand.allCases.map(\.rawValue), query.band?.rawValue))\
            \(select("owner", "CSM", list.owners, query.owner))\
            \(select("language", "Language", list.languages, query.language))\
            <label>Search <input type="search" name="q" value="\(HTML(text: query.search ?? ""))" placeholder="id or name"></label>\
            <input type="hidden" name="sort" value="\(query.sort.rawValue)">\
            <button type="submit">Filter</button> <a href="/accounts">reset</a></form>
            """
        let first = (list.page - 1) * (query.pageSize ?? 0) + 1
        let shown = list.rows.isEmpty ? "none" : "\(first)-\(first + list.rows.count - 1)"
        let body: HTML = "<h1>Accounts</h1>\(form)<p class=\"muted\">\(shown) of \(list.matched) matching (\(list.total) accounts), as of \(Formatting.iso8601(list.asOf))</p>"
            + accountTable(list, context: .server) + pager(page: list.page, of: list.pages) { "/accounts" + query.link(page: $0) }
        return document(title: "Accounts", active: "accounts", context: .server, body: body)
    }

    /// A filter's drop-down: "any" and each value, the current one selected.
    private static func select(_ name: String, _ label: String, _ values: [String], _ current: String?) -> HTML {
        let options = HTML.join(values.map { value in "<option value=\"\(value)\"\(value == current ? HTML(" selected") : "")>\(value)</option>" })
        return "<label>\(label) <select name=\"\(name)\"><option value=\"\">any</option>\(options)</select></label>"
    }

    /// Links to the previous and next pages (`link` gives a page's address, the filters and order kept); nothing when
    /// one page holds every match.
    private static func pager(page: Int, of pages: Int, link: (Int) -> String) -> HTML {
        guard pages > 1 else { return .empty }
        let previous: HTML = page > 1 ? "<a rel=\"prev\" href=\"\(link(min(page - 1, pages)))\">← previous</a>" : "← previous"
        let next: HTML = page < pages ? "<a rel=\"next\" href=\"\(link(page + 1))\">next →</a>" : "next →"
        return "<nav class=\"pager\">\(previous) · page \(page) of \(pages) · \(next)</nav>"
    }

    public static func account(_ detail: AccountDetail) -> HTML {
        document(title: detail.account.account ?? "", active: "accounts", context: .server, body: accountBody(detail, context: .server))
    }

    /// An account's page, or its section of the report (its headings one level down).
    private static func accountBody(_ detail: AccountDetail, context: Context) -> HTML {
        let (h1, h2) = context == .server ? ("h1", "h2") : ("h2", "h3")
        let summary = detail.account
        let id = summary.account ?? ""
        var body: HTML = "<\(h1)>\(id)\(summary.name.map { HTML(" <small>\(HTML(text: $0))</small>") } ?? .empty)</\(h1)>"
        let renewsOn = detail.health?.renewal
        let soon = detail.health.map { AccountRow.renewsSoon(band: $0.band, renewal: renewsOn, asOf: $0.asOf) } ?? false
        let renewal: HTML = soon
            ? "<span class=\"renewal-soon\" title=\"renews within 90 days\">renewal \(Formatting.day(renewsOn))</span>" : "renewal \(Formatting.day(renewsOn))"
        body += "<p class=\"muted\">\(summary.segment ?? "no segment") · CSM \(summary.owner ?? "—") · ARR \(Formatting.money(summary.arr)) · \(renewal) · \(summary.responses) responses, \(Formatting.day(summary.firstResponse)) to \(Formatting.day(summary.lastResponse))</p>"
        body += "<div class=\"tiles\">"
        if let health = detail.health {
            body += tile("Health", Formatting.fixed(health.score), band: health.band,
                         note: "\(health.trend.arrow) \(health.previousScore.map { "from \(Formatting.fixed($0))" } ?? "no previous period") · confidence \(health.confidenceLabel)")
        }
        body += metricTiles(summary, changes: detail.changes, minimumSample: detail.minimumSample)
        body += "</div>"
        body += SVGChart.intervals(title: "Scores with 95% intervals", intervalItems(summary))
        let periods = ChartPeriods(ends: detail.periods.map(\.end))
        body += "<div class=\"charts\">"
        body += SVGChart.line(title: "Mean sentiment per week", periods: periods,
                              series: [ChartSeries(name: "sentiment", color: SVGChart.blue, values: detail.periods.map(\.sentiment),
                                                   counts: detail.periods.map(\.scoredComments))],
                              domain: -1...1, yTitle: "sentiment −1…1", minimumSample: detail.minimumSample)
        body += SVGChart.line(title: "Health score per week", periods: periods,
                              series: [ChartSeries(name: "health", color: SVGChart.green, values: detail.periods.map(\.score))], domain: 0...100,
                              yTitle: "health 0-100", guides: [(detail.redBelow, "red below"), (detail.greenAbove, "green above")])
        body += "</div>"
        if let health = detail.health {
            body += "<\(h2)>Health measures</\(h2)><div class=\"scroll\"><table><thead><tr><th>Measure</th><th>0-100 as</th><th class=\"num\">Value</th><th class=\"num\">Evidence</th><th class=\"num\">Prior</th><th class=\"num\">Adjusted</th><th class=\"num\">Share</th><th class=\"num\">Points</th></tr></thead><tbody>"
            for measure in health.measures where measure.weight > 0 {
                body += measure.adjusted == nil
                    ? "<tr><td>\(measure.measure.rawValue)</td><td class=\"muted\">\(measure.measure.normalization)</td><td colspan=\"6\" class=\"muted\">excluded: \(measure.excluded?.rawValue ?? "") (weights renormalized)</td></tr>"
                    : "<tr><td>\(measure.measure.rawValue)</td><td class=\"muted\">\(measure.measure.normalization)</td><td class=\"num\">\(Formatting.fixed(measure.value))</td><td class=\"num\">\(Formatting.fixed(measure.evidence))</td><td class=\"num\">\(Formatting.fixed(measure.prior)) \(measure.priorSource?.rawValue ?? "")</td><td class=\"num\">\(Formatting.fixed(measure.adjusted))</td><td class=\"num\">\(Formatting.fixed(100 * measure.share))%</td><td class=\"num\">\(Formatting.fixed(measure.contribution))</td></tr>"
            }
            body += "<tr class=\"total\"><td>score</td><td colspan=\"5\"></td><td class=\"num\">\(Formatting.fixed(health.score))</td></tr></tbody></table></div>"
        }
        if !detail.drivers.isEmpty {
            body += "<\(h2)>Responses that move the score most</\(h2)><ul class=\"comments\">"
            for driver in detail.drivers {
                body += "<li><b class=\"\(driver.driver.pull < 0 ? "neg" : "pos")\">\(Formatting.signed(driver.driver.pull))</b> \(Formatting.day(driver.driver.submittedAt)) · \(driver.driver.reasons.joined(separator: ", ")) · <span class=\"muted\">\(driver.origin)</span>"
                body += comment(driver.comment, trace: driver.trace) + "</li>"
            }
            body += "</ul>"
        }
        if !detail.keyDrivers.isEmpty {
            let comments = "/accounts/\(AccountQuery.percentEncode(id))/comments"
            body += "<\(h2)>Topics and key drivers</\(h2)><p class=\"muted\">all its responses, each topic or signal set against the account's other responses\(context == .server ? HTML(" · <a href=\"\(comments)\">all comments</a>") : .empty)</p>"
            body += keyDrivers(detail.keyDrivers, minimumSample: detail.minimumSample, link: context == .server ? { driver in driver.commentFilter.map { comments + $0.link(page: 1) } } : nil)
        }
        if !detail.aspectDrivers.isEmpty {
            body += "<\(h2)>Aspects of rating matrices as drivers</\(h2)><p class=\"muted\">all its responses that rated each aspect, those that rated it unfavourably set against those that rated it favourably</p>"
            body += keyDrivers(detail.aspectDrivers, minimumSample: detail.minimumSample, link: nil)
        }
        body += "<\(h2)>Latest detractor comments</\(h2)>"
        if detail.detractorComments.isEmpty { body += "<p class=\"muted\">No detractor left a comment.</p>" }
        body += "<ul class=\"comments\">"
        for evidence in detail.detractorComments {
            body += "<li><b class=\"neg\">NPS \(evidence.nps.map(String.init) ?? "—")</b> \(Formatting.day(evidence.submittedAt)) · sentiment \(Formatting.signed(evidence.sentiment, decimals: 2)) \(evidence.label ?? "") · <span class=\"muted\">\(evidence.origin)</span>"
            body += comment(evidence.comment, trace: evidence.trace) + "</li>"
        }
        body += "</ul>"
        return body
    }

    /// An account's comments, filtered by topic, sentiment, language, channel and dates, a page at a time.
    public static func comments(_ list: AccountComments) -> HTML {
        let query = list.query, account = AccountQuery.percentEncode(list.account)
        let day = { (date: Date?) in date.map { String(Formatting.iso8601($0).prefix(10)) } ?? "" }
        var body: HTML = "<h1><a href=\"/accounts/\(account)\">\(list.account)</a> · comments</h1>"
        body += """
            <form method="get" action="/accounts/\(account)/comments" class="filters">\
            \(select("topic", "Topic", list.topics, query.topic))\
            \(select("signal", "Signal", CommentSignal.allCases.map(\.rawValue), query.signal?.rawValue))\
            <label>Words <input type="search" name="q" value="\(HTML(text: query.text ?? ""))"></label>\
            \(select("label", "Sentiment", SentimentLabel.allCases.map(\.rawValue), query.label?.rawValue))\
            \(select("language", "Language", list.languages, query.language))\
            \(select("channel", "Channel", list.channels, query.channel))\
            <label>From <input type="date" name="from" value="\(day(query.from))"></label>\
            <label>To <input type="date" name="to" value="\(day(query.to))"></label>\
            <button type="submit">Filter</button> <a href="/accounts/\(account)/comments">reset</a></form>
            """
        body += "<p class=\"muted\">\(list.matched) of the \(list.read) latest comments match</p><ul class=\"comments\">"
        for row in list.comments {
            let nps: HTML = row.nps.map { "NPS \($0) · " } ?? .empty
            body += "<li data-key=\"\(row.key)\">\(Formatting.day(row.submittedAt)) · \(nps)sentiment \(Formatting.signed(row.sentiment, decimals: 2)) \(row.label?.rawValue ?? "") · \(row.language ?? "") · "
                + "<span class=\"muted\">\(row.channel)\(row.respondent.map { HTML(" · \(HTML(text: $0))") } ?? .empty)</span>"
                + "\(HTML.join(row.topics.map { " <span class=\"tag\">\($0)</span>" }))<blockquote>\(row.comment)</blockquote></li>"
        }
        body += "</ul>" + pager(page: query.page, of: list.pages) { "/accounts/\(account)/comments" + query.link(page: $0) }
        return document(title: "\(list.account) comments", active: "accounts", context: .server, body: body)
    }

    /// The key drivers of the portfolio, a segment's or a CSM's accounts, each with the accounts that mention it most.
    public static func drivers(_ list: DriverList) -> HTML {
        let query = list.query
        var body: HTML = "<h1>Topics and key drivers</h1>"
        body += """
            <form method="get" action="/drivers" class="filters">\
            \(select("segment", "Segment", list.segments, query.segment))\
            \(select("owner", "CSM", list.owners, query.owner))\
            <button type="submit">Filter</button> <a href="/drivers">reset</a></form>
            """
        body += driversBody(list, context: .server)
        return document(title: "Drivers", active: "drivers", context: .server, body: body)
    }

    /// The drivers page without its form: the scope in words, the chart and the table (with each driver's accounts).
    private static func driversBody(_ list: DriverList, context: Context) -> HTML {
        let analysis = list.analysis.analysis
        var body: HTML = "<p class=\"muted\">\(list.analysis.scope.description) · all time · \(analysis.scope.responses) responses"
        body += analysis.basis == .nps ? " · NPS \(Formatting.signed(analysis.npsScore)) (n=\(analysis.scope.nps.answered))</p>" : " · no NPS answers: sentiment is the basis</p>"
        let accounts = Dictionary(list.accounts.map { ($0.key, $0.accounts) }, uniquingKeysWith: { first, _ in first })
        let accountCell = { (driver: KeyDriver) -> HTML in
            HTML.join((accounts[driver.accountsKey] ?? []).map { account in
                let label: HTML = "\(account.account) (\(account.mentions))"
                guard context == .server else { return label }
                return "<a href=\"/accounts/\(AccountQuery.percentEncode(account.account))/comments\(driver.commentFilter?.link(page: 1) ?? "")\">\(label)</a>"
            }, separator: ", ")
        }
        body += analysis.drivers.isEmpty ? "<p class=\"muted\">No topic or signal is mentioned.</p>"
            : keyDrivers(analysis.drivers, minimumSample: analysis.minimumSample, link: nil, accounts: accountCell)
        if let aspects = list.aspects?.analysis {
            body += "<h3>Aspects of rating matrices</h3><p class=\"muted\">the responses that rated each aspect: those that rated it unfavourably set against those that rated it favourably</p>"
            body += keyDrivers(aspects.drivers, minimumSample: aspects.minimumSample, link: nil, accounts: accountCell)
        }
        return body
    }

    public static func quarantine(_ list: QuarantineList) -> HTML {
        var body: HTML = "<h1>Quarantine</h1><p>\(list.total) records were not accepted; each is kept with its position and reason (its text is shown by <code>voc quarantine --show-values</code>).</p>"
        body += "<p>\(HTML.join(list.reasons.sorted { $0.key < $1.key }.map { "<span class=\"tag\">\($0.key): \($0.value)</span>" }, separator: " "))</p>"
        body += "<div class=\"scroll\"><table><thead><tr><th>File</th><th class=\"num\">Line</th><th class=\"num\">Record</th><th>Reason</th><th>Field</th><th>Detail</th></tr></thead><tbody>"
        for entry in list.entries {
            body += "<tr><td>\(entry.file)</td><td class=\"num\">\(entry.line.map(String.init) ?? "")</td><td class=\"num\">\(entry.record.map(String.init) ?? "")</td><td>\(entry.reason)</td><td>\(entry.field)</td><td>\(entry.detail)\(entry.truncated ? " (truncated)" : "")</td></tr>"
        }
        body += "</tbody></table></div>"
        if list.entries.count < list.total { body += "<p class=\"muted\">showing the first \(list.entries.count); the API and <code>voc quarantine</code> list all</p>" }
        return document(title: "Quarantine", active: "quarantine", context: .server, body: body)
    }

    /// An error answer as a page: the status, and why in words (`parameter 'band' must be one of red, yellow, green`).
    public static func error(status: Int, reason: String, message: String) -> HTML {
        document(title: "\(status) \(reason)", active: "", context: .server,
                 body: "<h1>\(status) \(reason)</h1><p>\(message)</p><p><a href=\"/\">Back to the portfolio</a></p>")
    }

    // MARK: - Parts

    private static func overviewBody(_ overview: PortfolioOverview, context: Context) -> HTML {
        var body: HTML = "<h1>Portfolio</h1><p class=\"muted\">as of \(Formatting.iso8601(overview.asOf)) · \(overview.responses) responses · \(overview.quarantined) quarantined · \(overview.unmatched) matched no account</p>"
        if overview.stale, let latest = overview.latestResponse {
            let days = Int(overview.asOf.timeIntervalSince(latest) / 86_400)
            body += "<p class=\"banner\">The newest response is from \(Formatting.day(latest)), \(days) days before this view: recent weeks have no data and every score has decayed with age. To see the portfolio as it was then: <code>voc serve --as-of \(Formatting.day(latest))</code>.</p>"
        }
        body += "<div class=\"tiles\">"
        body += metricTiles(overview.portfolio, changes: overview.changes, minimumSample: overview.minimumSample)
        body += tile("Accounts", "\(overview.bands.red + overview.bands.yellow + overview.bands.green)", band: nil,
                     note: "\(overview.bands.red) red · \(overview.bands.yellow) yellow · \(overview.bands.green) green")
        body += tile("Revenue at risk", Formatting.money(overview.revenueAtRisk), band: overview.revenueAtRisk > 0 ? .red : nil,
                     note: "ARR of red accounts" + (overview.redWithoutARR > 0 ? ", \(overview.redWithoutARR) without ARR" : ""))
        body += "</div>"
        body += "<p class=\"muted\">Bands: red below \(Formatting.fixed(overview.redBelow, decimals: 0)), yellow \(Formatting.fixed(overview.redBelow, decimals: 0)) to \(Formatting.fixed(overview.greenAbove, decimals: 0)) (both included), green above \(Formatting.fixed(overview.greenAbove, decimals: 0)).</p>"
        body += SVGChart.intervals(title: "Portfolio scores with 95% intervals", intervalItems(overview.portfolio))
        if !overview.retention.isEmpty { body += retentionTable(overview.retention) }
        let periods = ChartPeriods(ends: overview.periods.map(\.end))
        body += "<div class=\"charts\">"
        body += SVGChart.line(title: "NPS per week", periods: periods,
                              series: [ChartSeries(name: "NPS", color: SVGChart.blue, values: overview.periods.map(\.nps), counts: overview.periods.map(\.npsAnswered))],
                              domain: -100...100, yTitle: "NPS −100…100", minimumSample: overview.minimumSample)
        body += SVGChart.line(title: "Mean sentiment per week", periods: periods,
                              series: [ChartSeries(name: "sentiment", color: SVGChart.blue, values: overview.periods.map(\.sentiment),
                                                   counts: overview.periods.map(\.scoredComments))],
                              domain: -1...1, yTitle: "sentiment −1…1", minimumSample: overview.minimumSample)
        body += SVGChart.stackedBars(title: "Accounts per health band", periods: periods, yTitle: "accounts", stacks: [
            ChartSeries(name: "red", color: SVGChart.red, values: overview.periods.map { Double($0.bands.red) }),
            ChartSeries(name: "yellow", color: SVGChart.yellow, values: overview.periods.map { Double($0.bands.yellow) }),
            ChartSeries(name: "green", color: SVGChart.green, values: overview.periods.map { Double($0.bands.green) }),
        ])
        body += SVGChart.stackedBars(title: "Responses per week", periods: periods, yTitle: "responses", stacks: [
            ChartSeries(name: "responses", color: SVGChart.grey, values: overview.periods.map { Double($0.responses) }),
        ])
        body += "</div><h2>Accounts at risk</h2>"
        if overview.atRisk.isEmpty { body += "<p class=\"muted\">No account is red.</p>" } else {
            // On the server the worst few, then a link to the paged list; the report lists them all.
            let shown = context == .server ? Array(overview.atRisk.prefix(atRiskShown)) : overview.atRisk
            body += accountTable(AccountList(asOf: overview.asOf, query: AccountQuery(band: .red), total: overview.atRisk.count, matched: overview.atRisk.count,
                                             page: 1, pages: 1, rows: shown, segments: [], owners: [], languages: []), context: context, sortable: false)
            if shown.count < overview.atRisk.count {
                body += "<p><a href=\"/accounts\(AccountQuery(band: .red).link())\">All \(overview.atRisk.count) red accounts →</a></p>"
            }
        }
        return body
    }

    /// How many red accounts the overview lists before linking to the rest.
    static let atRiskShown = 20

    private static func accountTable(_ list: AccountList, context: Context, sortable: Bool = true) -> HTML {
        let columns: [(AccountQuery.SortKey?, String, Bool)] = [
            (.account, "Account", false), (.name, "Name", false), (.segment, "Segment", false), (.owner, "CSM", false),
            (.score, "Health", true), (nil, "Why", false), (.nps, "NPS", true), (.csat, "CSAT %", true), (.ces, "CES easy %", true),
            (.sentiment, "Sentiment", true), (.responses, "Responses", true), (.arr, "ARR", true), (.renewal, "Renewal", false), (.language, "Lang", false),
        ]
        var header = HTML.empty
        for (key, label, numeric) in columns {
            let cell: HTML
            if sortable && context == .server, let key {
                let current = list.query.sort == key
                let descending = current ? !list.query.descending : false
                cell = "<a href=\"/accounts\(list.query.link(sort: key, descending: descending))\">\(label)\(current ? (list.query.descending ? " ▼" : " ▲") : "")</a>"
            } else {
                cell = HTML(text: label)
            }
            header += numeric ? "<th class=\"num\">\(cell)</th>" : "<th>\(cell)</th>"
        }
        var rows = HTML.empty
        for row in list.rows {
            let health: HTML = row.band.map { band in "<span class=\"band \(band.rawValue)\">\(Formatting.fixed(row.score)) \(band.rawValue)</span> \(row.trend?.arrow ?? "")" } ?? "—"
            let account: HTML = context == .server ? "<a href=\"/accounts/\(AccountQuery.percentEncode(row.account))\">\(row.account)</a>"
                : "<a href=\"#\(anchor(row.account))\">\(row.account)</a>"
            let why = row.weakestMeasures.map(\.rawValue).joined(separator: ", ") + (row.scoreChange.map { " · " + Formatting.signed($0) } ?? "")
            let renewal: HTML = row.renewalSoon
                ? "<td class=\"renewal-soon\" title=\"renews within 90 days\">\(Formatting.day(row.renewal))</td>" : "<td>\(Formatting.day(row.renewal))</td>"
            rows += """
                <tr class="account" data-account="\(row.account)"><td>\(account)</td><td>\(row.name)</td><td>\(row.segment)</td><td>\(row.owner)</td>\
                <td class="num">\(health)</td><td class="why">\(why.isEmpty ? "—" : why)</td>\
                <td class="num">\(sampled(Formatting.signed(row.nps), row.npsAnswered, row.npsSufficient))</td>\
                <td class="num">\(sampled(Formatting.fixed(row.csat), row.csatAnswered, row.csatSufficient))</td>\
                <td class="num">\(sampled(Formatting.fixed(row.ces), row.cesAnswered, row.cesSufficient))</td>\
                <td class="num">\(Formatting.signed(row.sentiment, decimals: 2))</td><td class="num">\(row.responses)</td><td class="num">\(Formatting.money(row.arr))</td>\
                \(renewal)<td>\(row.language)</td></tr>
                """
        }
        return "<div class=\"scroll\"><table class=\"accounts\"><thead><tr>\(header)</tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    /// Key drivers as a chart (the basis measure's difference with its 95% interval, the first 12) and a table; a
    /// driver's name links to the comments that mention it (`link`), and `accounts` adds a column (the portfolio's).
    private static func keyDrivers(_ drivers: [KeyDriver], minimumSample: Int, link: ((KeyDriver) -> String?)?,
                                   accounts: ((KeyDriver) -> HTML)? = nil) -> HTML {
        let basis = drivers.first?.basis ?? .nps
        let byAspect = drivers.first?.kind == .aspect
        let decimals = basis == .nps ? 1 : 2
        let (with, rest) = byAspect ? ("that rate it unfavourably", "those that rate it favourably") : ("that mention it", "the rest")
        var body = SVGChart.differences(
            title: "\(basis == .nps ? "NPS" : "Mean sentiment") of the responses \(with) minus \(rest), 95% intervals",
            drivers.prefix(12).map { ($0.driver, $0.difference.change, $0.difference.changeCiLow, $0.difference.changeCiHigh, !$0.established) },
            axisTitle: basis == .nps ? "NPS points (pale: not established)" : "sentiment (pale: not established)", decimals: decimals)
        body += "<div class=\"scroll\"><table class=\"drivers\"><thead><tr><th>\(byAspect ? "Aspect" : "Topic or signal")</th><th class=\"num\">\(byAspect ? "Rated unfavourably" : "Mentions")</th><th class=\"num\">Negative</th><th class=\"num\">Mean sentiment</th>"
        body += "<th class=\"num\">NPS \(byAspect ? "unfavourable" : "with")</th><th class=\"num\">\(byAspect ? "favourable" : "without")</th><th class=\"num\">Difference [95% CI]</th><th class=\"num\">Impact</th>\(accounts == nil ? HTML.empty : "<th>Accounts</th>")</tr></thead><tbody>"
        for driver in drivers {
            let name: HTML = link.flatMap { $0(driver) }.map { "<a href=\"\($0)\">\(driver.driver)</a>" } ?? HTML(text: driver.driver)
            let kind: HTML = driver.kind == .signal ? " <span class=\"tag\">signal</span>"
                : driver.aspect.map { " <small class=\"muted\">\($0.question)</small>" } ?? .empty
            let difference = driver.difference
            let mark: HTML = driver.thin ? " <small class=\"thin\">too few</small>" : driver.established ? .empty : " <small class=\"muted\">not established</small>"
            body += "<tr data-driver=\"\(driver.driver)\"><td>\(name)\(kind)</td><td class=\"num\">\(driver.mentions) <small class=\"muted\">\(Formatting.fixed(100 * driver.share, decimals: 0))%</small></td>"
                + "<td class=\"num\">\(driver.negativeShare.map { Formatting.fixed(100 * $0, decimals: 0) + "%" } ?? "—")</td><td class=\"num\">\(Formatting.signed(driver.sentiment.current, decimals: 2))</td>"
                + "<td class=\"num\">\(sampled(Formatting.signed(driver.nps.current), driver.nps.currentAnswered, driver.nps.currentAnswered >= minimumSample))</td>"
                + "<td class=\"num\">\(Formatting.signed(driver.nps.previous))</td>"
                + "<td class=\"num\">\(Formatting.signed(difference.change, decimals: decimals)) \(Formatting.interval(of: difference, decimals: decimals) ?? "")\(mark)</td>"
                + "<td class=\"num\">\(Formatting.signed(driver.impact))</td>\(accounts.map { "<td>\($0(driver))</td>" } ?? .empty)</tr>"
        }
        body += "</tbody></table></div><p class=\"muted\">Impact: the NPS points \(byAspect ? "its raters" : "the scope") would gain if the responses \(with) scored like \(rest). Fewer than \(minimumSample) answers on either side: too few to judge.</p>"
        return body
    }

    /// A figure with the number of answers behind it, marked when they are too few to judge (`--min-n`).
    private static func sampled(_ value: String, _ answered: Int, _ sufficient: Bool) -> HTML {
        guard answered > 0 else { return HTML(text: value) }
        return sufficient ? "\(value)<small class=\"n\">n=\(answered)</small>"
            : "<span class=\"thin\" title=\"too few answers to judge\">\(value)</span><small class=\"n thin\">n=\(answered) · too few</small>"
    }

    /// Quarterly churn and revenue retention from the CRM snapshots (`voc retention`).
    private static func retentionTable(_ rows: [RetentionRow]) -> HTML {
        var body: HTML = "<h2>Retention</h2><p class=\"muted\">Per quarter, from the CRM snapshots at its start and end (voc accounts import --as-of).</p>"
        body += "<div class=\"scroll\"><table class=\"retention\"><thead><tr><th>Quarter</th><th class=\"num\">Accounts at start</th><th class=\"num\">Churned</th><th class=\"num\">New</th><th class=\"num\">Logo churn</th><th class=\"num\">ARR at start</th><th class=\"num\">Churned ARR</th><th class=\"num\">Contraction</th><th class=\"num\">Expansion</th><th class=\"num\">GRR</th><th class=\"num\">NRR</th></tr></thead><tbody>"
        for row in rows {
            body += "<tr><td>\(Formatting.day(row.periodStart))</td><td class=\"num\">\(row.accountsStart)</td><td class=\"num\">\(row.churned)</td><td class=\"num\">\(row.new)</td><td class=\"num\">\(Formatting.fixed(row.logoChurnRate))%</td><td class=\"num\">\(Formatting.money(row.arrStart))</td><td class=\"num\">\(Formatting.money(row.churnedArr))</td><td class=\"num\">\(Formatting.money(row.contractionArr))</td><td class=\"num\">\(Formatting.money(row.expansionArr))</td><td class=\"num\">\(Formatting.fixed(row.grr))%</td><td class=\"num\">\(Formatting.fixed(row.nrr))%</td></tr>"
        }
        return body + "</tbody></table></div>"
    }

    /// A tile's sample size, with the too-few mark under `--min-n`.
    private static func sample(_ answered: Int, _ sufficient: Bool) -> String {
        "n=\(answered)" + (sufficient ? "" : " · too few to judge")
    }

    /// NPS, would recommend % (yes/no questions), first-contact resolution % (e-mail threads), CSAT satisfied %, CES easy % (as the interval chart shows it; the mean in the note) and sentiment, all time,
    /// each with its change over the last `periodDays` days (`MetricChanges`).
    private static func metricTiles(_ summary: AccountSummary, changes: MetricChanges, minimumSample: Int) -> HTML {
        var tiles = HTML.empty
        if let nps = summary.nps {
            tiles += tile("NPS", Formatting.signed(nps.score), band: nil,
                          note: "95% CI \(Formatting.interval(nps.ciLow, nps.ciHigh)) · \(sample(nps.answered, nps.sufficient))",
                          change: change(changes.nps, days: changes.periodDays, decimals: 1, minimumSample: minimumSample))
        }
        if let recommend = summary.recommend {
            tiles += tile("Would recommend", Formatting.fixed(recommend.percent) + "%", band: nil,
                          note: "yes/no · 95% CI \(Formatting.interval(recommend.ciLow, recommend.ciHigh)) · \(sample(recommend.answered, recommend.sufficient))")
        }
        if let fcr = summary.fcr {
            tiles += tile("First-contact resolution", fcr.percent.map { Formatting.fixed($0) + "%" } ?? "—", band: nil,
                          note: (fcr.percent == nil ? "no e-mail thread decided yet"
                                 : "95% CI \(Formatting.interval(fcr.ciLow, fcr.ciHigh)) · \(sample(fcr.decided, fcr.sufficient)) threads")
                                + " · \(fcr.pending) pending · \(fcr.unanswered) unanswered")
        }
        if let csat = summary.csat {
            tiles += tile("CSAT", Formatting.fixed(csat.favourablePercent) + "% satisfied", band: nil,
                          note: "95% CI \(Formatting.interval(csat.favourableCiLow, csat.favourableCiHigh)) · \(sample(csat.answered, csat.sufficient))",
                          change: change(changes.csat, days: changes.periodDays, decimals: 1, share: true, minimumSample: minimumSample))
        }
        if let ces = summary.ces {
            tiles += tile("CES", Formatting.fixed(ces.favourablePercent) + "% easy", band: nil,
                          note: "95% CI \(Formatting.interval(ces.favourableCiLow, ces.favourableCiHigh)) · mean \(Formatting.fixed(ces.mean, decimals: 2)) on \(ces.scale) · \(sample(ces.answered, ces.sufficient))",
                          change: change(changes.ces, days: changes.periodDays, decimals: 1, share: true, minimumSample: minimumSample))
        }
        if let sentiment = summary.sentiment {
            tiles += tile("Sentiment", Formatting.signed(sentiment.mean, decimals: 2), band: nil,
                          note: "\(Formatting.fixed(sentiment.negativePercent, decimals: 0))% negative · churn \(sentiment.churnMentions) · effort \(sentiment.effortMentions)",
                          change: change(changes.sentiment, days: changes.periodDays, decimals: 2, minimumSample: minimumSample))
        }
        return tiles
    }

    /// "last 7 days −50.0 vs −25.0: ▼ −25.0 [−85.4, 68.2] · n 4 / 12 · too few to judge", or why there is no change.
    /// - Parameter share: the figure is a percentage (unsigned, with %), not a score.
    private static func change(_ change: PeriodChange, days: Int, decimals: Int, share: Bool = false, minimumSample: Int) -> String {
        guard let difference = change.change, let current = change.current, let previous = change.previous else {
            return change.currentAnswered == 0 ? "no answers in the last \(days) days" : "no answers in the \(days) days before the last \(days)"
        }
        let value = { (figure: Double) in share ? Formatting.fixed(figure, decimals: decimals) + "%" : Formatting.signed(figure, decimals: decimals) }
        let arrow = difference > 0 ? "▲" : difference < 0 ? "▼" : "="
        let interval = Formatting.interval(of: change, decimals: decimals).map { " " + $0 } ?? ""
        let thin = min(change.currentAnswered, change.previousAnswered) < minimumSample ? " · too few to judge" : ""
        return "last \(days) days \(value(current)) vs \(value(previous)): \(arrow) \(Formatting.signed(difference, decimals: decimals))\(share ? " pts" : "")"
            + "\(interval) · n \(change.currentAnswered) / \(change.previousAnswered)\(thin)"
    }

    private static func intervalItems(_ summary: AccountSummary) -> [ChartInterval] {
        [
            ChartInterval(label: "NPS", value: summary.nps?.score, low: summary.nps?.ciLow, high: summary.nps?.ciHigh, domain: -100...100),
            ChartInterval(label: "CSAT %", value: summary.csat?.favourablePercent, low: summary.csat?.favourableCiLow, high: summary.csat?.favourableCiHigh, domain: 0...100),
            ChartInterval(label: "CES easy %", value: summary.ces?.favourablePercent, low: summary.ces?.favourableCiLow, high: summary.ces?.favourableCiHigh, domain: 0...100),
        ]
    }

    private static func tile(_ label: String, _ value: String, band: HealthBand?, note: String, change: String? = nil) -> HTML {
        let changeLine: HTML = change.map { "<div class=\"note change\">\($0)</div>" } ?? .empty
        return "<div class=\"tile\"><div class=\"label\">\(label)</div><div class=\"value\(band.map { " \($0.rawValue)" } ?? "")\">\(value)</div><div class=\"note\">\(note)</div>\(changeLine)</div>"
    }

    private static func comment(_ text: String?, trace: [String]) -> HTML {
        guard let text else { return .empty }
        return "<blockquote>\(text)</blockquote>" + (trace.isEmpty ? .empty : "<div class=\"trace\">trace: \(trace.joined(separator: "; "))</div>")
    }

    private static func document(title: String, active: String, context: Context, body: HTML) -> HTML {
        let nav: HTML = context == .report ? .empty : HTML.join([("overview", "/", "Portfolio"), ("accounts", "/accounts", "Accounts"), ("drivers", "/drivers", "Drivers"),
                                                                            ("themes", "/themes", "What's new"), ("quarantine", "/quarantine", "Quarantine")]
            .map { key, href, label in "<a href=\"\(href)\"\(key == active ? HTML(" class=\"active\"") : "")>\(label)</a>" }, separator: " ")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · voc</title><style>\(style)</style></head>
            <body><header><b>voc</b> \(nav)</header><main>
            \(body)
            </main><footer>voc \(context == .report ? "report" : "dashboard") · generated \(Formatting.iso8601(Date()))</footer></body></html>

            """
    }

    private static let style: HTML = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#222;background:#fafafa}\
        header{background:#1f2d3d;color:#fff;padding:10px 20px}header a{color:#cfd8e3;margin-left:16px;text-decoration:none}header a.active{color:#fff;font-weight:600}\
        main{padding:12px 20px;max-width:1280px}footer{color:#888;font-size:12px;padding:12px 20px}h1 small{color:#666;font-weight:400}\
        .muted{color:#777}small.n{display:block;color:#777;font-size:11px}.scroll{overflow-x:auto;max-width:100%}.thin{color:#a05a00}.renewal-soon{background:#fde2e1;font-weight:600}.banner{background:#fff7e0;border:1px solid #e8c96a;border-radius:6px;padding:8px 12px}.tiles{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}.tile{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:10px 14px;min-width:150px}\
        .tile .label{color:#666;font-size:12px;text-transform:uppercase}.tile .value{font-size:26px;font-weight:600}.tile .note{color:#777;font-size:12px}\
        .value.red,.band.red,.neg{color:#c0392b}.value.yellow,.band.yellow{color:#a67c00}.value.green,.band.green,.pos{color:#2e8b57}\
        .charts{display:flex;flex-wrap:wrap;gap:12px}figure.chart{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:8px;margin:8px 0}\
        figcaption{font-weight:600;margin-bottom:4px}.key{font-weight:400;color:#555;margin-left:8px}.key i{display:inline-block;width:10px;height:10px;margin-right:4px}\
        svg text{font-size:11px;fill:#555}svg text.label,svg text.value{font-size:13px;fill:#222}svg text.axis{font-size:11px;fill:#777}\
        table{border-collapse:collapse;background:#fff;margin:8px 0}th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:top}\
        th a{color:#222}td.num,th.num{text-align:right;white-space:nowrap}tr.total td{font-weight:600}.filters label{margin-right:10px}.pager{margin:8px 0}\
        .tag{background:#eef2f7;border-radius:10px;padding:2px 8px}.comments li{margin:10px 0}\
        blockquote{margin:4px 0 2px 0;padding:4px 10px;border-left:3px solid #ccc;background:#fff;white-space:pre-wrap}.trace{color:#666;font-size:12px}
        """
}
