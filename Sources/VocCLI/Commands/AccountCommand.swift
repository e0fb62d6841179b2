import ArgumentParser
import Foundation
import VocCore
import VocHealth
import VocReport
import VocScore
import VocStore

/// `voc account ID`: one account's metrics with their intervals and skipped answers, and its latest responses.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Show one account: NPS, CSAT and CES with intervals and skipped answers, and its latest responses.")

    @Argument(help: "The account id as `voc accounts` lists it; '(unmatched)' for feedback with no account.")
    var id: String

    @Option(name: .long, help: "How many of the latest responses to show.")
    var limit = 20

    @Option(name: .long, help: "Below this many answers a figure is marked insufficient.")
    var minN = Confidence.defaultMinimumSample

    @Flag(name: .long, help: "Also show the quoted replies, forwards and signatures stripped from e-mail (customer data).")
    var showQuoted = false

    @Option(name: .long, help: "How many of the responses that move the health score most to show, with their text and trace.")
    var drivers = 5

    @OptionGroup var health: HealthOptions
    @OptionGroup var sentimentOptions: SentimentOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let account: String? = id == AccountListing.unmatched ? nil : id
        // The lexicons load while the store is read: each took about half of this command.
        async let analyzer = sentimentOptions.analyzer()
        let store = try await storeOptions.open(), model = try health.model()
        var dashboard = try await Dashboard(store: store, model: model, analyzer: nil, asOf: health.date(for: store, model: model),
                                            drivers: drivers, minimumSample: minN, only: .some(account))
        dashboard.analyzer = try await analyzer
        let view = dashboard.view
        guard let tally = dashboard.tally(of: account) else {
            throw VocError(.notFound, "no feedback for account '\(id)' in \(view.store.location); `voc accounts` lists them")
        }
        let summary = dashboard.summary(of: tally)
        let responses = try await view.feedback(account: account, limit: limit)
        let questions = try await view.questions(of: .some(account)).map { QuestionSummary($0, minimumSample: minN) }
        let aspects = try await view.aspects(of: .some(account)).map { AspectSummary($0, minimumSample: minN) }
        // The health and drivers of an account with feedback on or before --as-of.
        let detail = if let account { try await dashboard.account(account) } else { nil as AccountDetail? }
        let assessment = detail.flatMap { detail in detail.health.map { (health: $0, drivers: detail.drivers) } }
        switch output.format {
        case .table:
            Console.out("account:   \(summary.account ?? AccountListing.unmatched)\(summary.name.map { " (\($0))" } ?? "")")
            Console.out("responses: \(summary.responses), \(summary.comments) with comments, \(Formatting.day(summary.firstResponse)) to \(Formatting.day(summary.lastResponse))")
            if let nps = summary.nps {
                Console.out("NPS:       \(Formatting.signed(nps.score)) (95% CI \(Formatting.interval(nps.ciLow, nps.ciHigh)) around \(Formatting.signed(nps.ciCenter)), n=\(nps.answered)"
                            + "\(nps.sufficient ? "" : ", too few to judge")): \(Formatting.count(nps.promoters, "promoter")), \(Formatting.count(nps.passives, "passive")), "
                            + "\(Formatting.count(nps.detractors, "detractor")); \(nps.blank) blank, \(nps.notApplicable) not applicable")
            }
            if let recommend = summary.recommend {
                Console.out("recommend: \(Formatting.fixed(recommend.percent))% would recommend (95% CI \(Formatting.interval(recommend.ciLow, recommend.ciHigh)), "
                            + "n=\(recommend.answered)\(recommend.sufficient ? "" : ", too few to judge")): \(recommend.yes) yes, \(recommend.answered - recommend.yes) no")
            }
            if let fcr = summary.fcr { Console.out("FCR:       " + Self.resolutionLine(fcr)) }
            for (name, rating, favourable) in [("CSAT", summary.csat, "satisfied"), ("CES", summary.ces, "easy")] {
                guard let rating else { continue }
                Console.out("\(name):\(String(repeating: " ", count: 10 - name.count))\(Formatting.fixed(rating.favourablePercent))% \(favourable) "
                            + "(95% CI \(Formatting.interval(rating.favourableCiLow, rating.favourableCiHigh))), mean \(Formatting.fixed(rating.mean, decimals: 2)) "
                            + "(95% CI \(Formatting.interval(rating.meanCiLow, rating.meanCiHigh))) on \(rating.scale), n=\(rating.answered)"
                            + "\(rating.sufficient ? "" : ", too few to judge"); \(rating.blank) blank, \(rating.notApplicable) not applicable")
            }
            if let sentiment = summary.sentiment {
                Console.out("sentiment: mean \(Formatting.signed(sentiment.mean, decimals: 2)) over \(sentiment.scoredComments) comments, "
                            + "\(Formatting.fixed(sentiment.negativePercent, decimals: 0))% negative; churn intent in \(sentiment.churnMentions), "
                            + "effort in \(sentiment.effortMentions)")
                Console.out("topics:    \(sentiment.topics.isEmpty ? "—" : sentiment.topics.joined(separator: ", "))")
            }
            if !questions.isEmpty {
                Console.out("")
                Console.out("open questions (each answer scored on its own):")
                Console.out(QuestionSummary.table(questions, width: Console.width))
            }
            if !aspects.isEmpty {
                Console.out("")
                Console.out("aspects (rows of rating matrices):")
                Console.out(AspectSummary.table(aspects, width: Console.width))
            }
            if let assessment { printHealth(assessment) }
            Console.out("")
            var table = TextTable(columns: [
                .init("DATE"), .init("NPS", alignRight: true), .init("CSAT", alignRight: true), .init("CES", alignRight: true),
                .init("SENT", alignRight: true), .init("LANG"), .init("SOURCE", cut: .start, dropOrder: 1), .init("COMMENT", cut: .end),
            ])
            for response in responses {
                table.append([
                    Formatting.day(response.submittedAt), Self.cell(response.nps), Self.cell(response.csat), Self.cell(response.ces),
                    Formatting.signed(response.sentiment?.compound, decimals: 2) + Self.flags(response.sentiment), response.language ?? "", "\(response.position.file):\(response.position.line ?? 0)",
                    (response.comment ?? "").split(whereSeparator: \.isNewline).joined(separator: " "),
                ])
            }
            Console.out(table.render(maxWidth: Console.width))
            if showQuoted {
                for response in responses {
                    guard let quoted = response.quoted else { continue }
                    Console.out("")
                    Console.out("\(response.position.file):\(response.position.line ?? 0) stripped:")
                    for line in quoted.split(separator: "\n", omittingEmptySubsequences: false) { Console.out("  | \(line)") }
                }
            }
        case .json, .ndjson:
            let detail = AccountDetailOutput(account: summary, health: assessment?.health, drivers: assessment?.drivers ?? [],
                                             questions: questions, aspects: aspects, responses: responses.map(ResponseOutput.init))
            Console.out(JSONOutput.encode(detail, pretty: output.format == .json))
        case .csv:
            let csv = output.csv
            var text = csv.preamble + csv.row(["submitted_at", "nps", "csat", "ces", "language", "source", "comment"])
            for response in responses {
                text += csv.row([response.submittedAt.map(Formatting.iso8601) ?? "", Self.cell(response.nps), Self.cell(response.csat),
                                 Self.cell(response.ces), response.language ?? "", "\(response.position.file):\(response.position.line ?? 0)",
                                 response.comment ?? ""])
            }
            Console.out(text, terminator: "")
        }
    }

    private func printHealth(_ assessment: (health: AccountHealth, drivers: [DriverEvidence])) {
        let health = assessment.health
        Console.out("health:    \(Formatting.fixed(health.score)) \(health.band.rawValue) \(health.trend.arrow)"
                    + (health.previousScore.map { " \(Formatting.signed(health.score - $0)) since \(Formatting.fixed($0)) \(health.previousBand?.rawValue ?? "")" } ?? " (no previous period)")
                    + ", confidence \(health.confidenceLabel) (\(Formatting.fixed(health.confidence, decimals: 2))), as of \(Formatting.iso8601(health.asOf))")
        Console.out("")
        var table = TextTable(columns: [
            .init("MEASURE"), .init("VALUE", alignRight: true), .init("EVIDENCE", alignRight: true), .init("PRIOR", alignRight: true),
            .init("ADJUSTED", alignRight: true), .init("WEIGHT", alignRight: true), .init("SHARE", alignRight: true), .init("POINTS", alignRight: true),
        ])
        for measure in health.measures where measure.weight > 0 {
            guard measure.adjusted != nil else {
                table.append([measure.measure.rawValue, "—", "", "", "excluded: \(measure.excluded?.rawValue ?? "")", Formatting.fixed(measure.weight, decimals: 0), "", ""])
                continue
            }
            table.append([
                measure.measure.rawValue, Formatting.fixed(measure.value), Formatting.fixed(measure.evidence),
                measure.prior.map { Formatting.fixed($0) + " " + (measure.priorSource?.rawValue ?? "") } ?? "—", Formatting.fixed(measure.adjusted),
                Formatting.fixed(measure.weight, decimals: 0), Formatting.fixed(100 * measure.share) + "%", Formatting.fixed(measure.contribution),
            ])
        }
        table.append(["score", "", "", "", "", "", "100.0%", Formatting.fixed(health.score)])
        Console.out(table.render(maxWidth: Console.width))
        if health.measures.contains(where: { $0.excluded != nil && $0.weight > 0 }) {
            Console.out("excluded measures have no evidence; the weights of the others were renormalized to 100%")
        }
        guard !assessment.drivers.isEmpty else { return }
        Console.out("")
        Console.out("responses that move the score most (pull = decay weight × (response value − 50)):")
        for driver in assessment.drivers {
            Console.out("  \(Formatting.signed(driver.driver.pull)) \(Formatting.day(driver.driver.submittedAt))  \(driver.driver.reasons.joined(separator: ", "))  \(driver.source ?? "")")
            if let comment = driver.comment { Console.out("        \"\(comment.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(160))\"") }
            if !driver.trace.isEmpty { Console.out("        trace: \(driver.trace.joined(separator: "; "))") }
        }
    }

    /// `!` marks churn intent, `~` effort.
    static func flags(_ sentiment: SentimentSummary?) -> String {
        (sentiment?.churn == true ? "!" : "") + (sentiment?.effort == true ? "~" : "")
    }

    /// "62.5% resolved at first contact (95% CI 30.6–86.3, n=8 threads decided): 5 resolved, 3 not; 1 pending, 2 unanswered".
    static func resolutionLine(_ fcr: ResolutionResult) -> String {
        let decided = fcr.percent == nil ? "no thread decided yet"
            : "\(Formatting.fixed(fcr.percent))% resolved at first contact (95% CI \(Formatting.interval(fcr.ciLow, fcr.ciHigh)), "
              + "n=\(fcr.decided) threads decided\(fcr.sufficient ? "" : ", too few to judge")): \(fcr.resolved) resolved, \(fcr.decided - fcr.resolved) not"
        return decided + "; \(fcr.pending) pending, \(fcr.unanswered) unanswered"
    }

    static func cell(_ answer: ScoreAnswer?) -> String {
        switch answer {
        case .rating(let value)?: "\(value)"
        case .blank?: "blank"
        case .notApplicable?: "n/a"
        case nil: ""
        }
    }
}

private struct ResponseOutput: Encodable {
    var key: String
    var source: String
    var responseId: String?
    var submittedAt: Date?
    var nps: String
    var csat: String
    var ces: String
    var language: String?
    var comment: String?
    var subject: String?
    var quoted: String?
    var sentiment: SentimentSummary?

    init(_ feedback: StoredFeedback) {
        key = feedback.key
        source = "\(feedback.position.file):\(feedback.position.line ?? 0)"
        responseId = feedback.responseID
        submittedAt = feedback.submittedAt
        nps = AccountCommand.cell(feedback.nps)
        csat = AccountCommand.cell(feedback.csat)
        ces = AccountCommand.cell(feedback.ces)
        language = feedback.language
        comment = feedback.comment
        sentiment = feedback.sentiment
        subject = feedback.subject
        quoted = feedback.quoted
    }
}

private struct AccountDetailOutput: Encodable {
    var type = "account_detail"
    var account: AccountSummary
    var health: AccountHealth?
    var drivers: [DriverEvidence]
    /// Each open question of surveys with several: the account's answers and their sentiment.
    var questions: [QuestionSummary]
    /// Each row of its rating matrices: the account's ratings.
    var aspects: [AspectSummary]
    var responses: [ResponseOutput]
}
