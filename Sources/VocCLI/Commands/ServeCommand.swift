import ArgumentParser
import Foundation
import VocScore
import VocServer

/// `voc serve`: the dashboard over HTTP, on 127.0.0.1 unless told otherwise.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard (portfolio, accounts, account detail, quarantine) and its JSON API.",
        discussion: """
            Binds to 127.0.0.1:8080 by default. Binding to any other address requires --token (or VOC_TOKEN): requests \
            then need `Authorization: Bearer TOKEN`; a browser opens http://HOST:PORT/?token=TOKEN once and keeps a cookie. \
            Pages are computed from the store on every request, as of that moment unless --as-of fixes it. Stop with Ctrl-C.
            """)

    @Option(name: .long, help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to bind (0 picks a free one and prints it).")
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Require this bearer token (letters, digits, - . _ ~; at least 16); also VOC_TOKEN.", valueName: "token"))
    var token: String?

    @OptionGroup var health: HealthOptions
    @OptionGroup var sentimentOptions: SentimentOptions
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        let token = effectiveToken
        if let token, token.count < 16 || !token.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._~".unicodeScalars.contains($0)) }) {
            throw ValidationError("--token must be at least 16 characters of letters, digits and - . _ ~")
        }
        if token == nil && !["127.0.0.1", "::1", "localhost"].contains(host) {
            throw ValidationError("--host \(host) exposes customer data beyond this machine: give --token (or VOC_TOKEN) too")
        }
    }

    private var effectiveToken: String? { token ?? ProcessInfo.processInfo.environment["VOC_TOKEN"] }

    func run() async throws {
        let server = DashboardServer(store: try await storeOptions.open(), model: try health.model(), analyzer: try sentimentOptions.analyzer(),
                                     themes: try PhraseExtractor.load(from: sentimentOptions.lexiconOptions.locate()), asOf: try health.asOf.map { try HealthOptions.parse($0, option: "--as-of", endOfDay: true) }, token: effectiveToken)
        try await server.run(host: host, port: port) { [host] port in
            Console.error("voc serve: dashboard at http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (Ctrl-C stops)")
        }
    }
}
