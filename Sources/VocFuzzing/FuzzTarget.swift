import Foundation
import VocCore
import VocIngest
import VocReport
import VocScore

/// The parsers that take untrusted bytes, each wrapped so that one input exercises it end to end: the CSV scanner and
/// survey mapping, the MIME parser, RFC 2047 decoding, the XML record reader, the tokenizer with the sentiment
/// rules, and the dashboard's query parameters. A target must return for every input: a crash, a sanitizer report or
/// a hang is a finding.
///
/// The inputs go through the same public entry points `voc ingest` uses, from a file in a per-process scratch
/// directory, so what is fuzzed is what users run.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case csv, mime, rfc2047, xml, sentiment, query

    /// Runs one input; returns how many events (records, quarantined, skipped) or tokens it produced.
    @discardableResult
    public func run(_ bytes: [UInt8]) -> Int {
        switch self {
        case .sentiment:
            return FuzzContext.shared.analyzer.analyze(String(decoding: bytes, as: UTF8.self)).trace.items.count
        case .csv:
            return ingest(Array("Response ID,Account,Email,Submitted,NPS,CSAT,Comment\n".utf8) + bytes, name: "input.csv", format: .csv)
        case .mime:
            let head = "From fuzz@example.com Mon Mar  4 09:12:00 2024\nFrom: a@example.com\nMessage-ID: <f@x>\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            return ingest(Array(head.utf8) + bytes + Array("\n--b--\n".utf8), name: "input.mbox", format: .mbox)
        case .rfc2047:
            let head = "From fuzz@example.com Mon Mar  4 09:12:00 2024\nFrom: "
            return ingest(Array(head.utf8) + bytes.map { $0 == 10 || $0 == 13 ? 32 : $0 } + Array("\nSubject: =?utf-8?q?x?=\n\nbody\n".utf8),
                          name: "input.mbox", format: .mbox)
        case .xml:
            return ingest(bytes, name: "input.xml", format: .xml)
        case .query:
            return query(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// A URL query (`band=red&q=acme&page=2`), split and percent-decoded as an HTTP server would, read by every
    /// dashboard route's parameters; the account query then builds its links and pages. A parameter that does not fit
    /// is a correct outcome.
    private func query(_ text: String) -> Int {
        let pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part) }
            return (name: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : "")
        }
        do throws(QueryParameters.Invalid) {
            let parameters = try QueryParameters(pairs)
            let accounts = try AccountQuery(parameters)
            _ = try QuarantineQuery(parameters)
            let pages = accounts.pages(matching: 1_234)
            return accounts.link().utf8.count + accounts.link(page: pages).utf8.count + accounts.page(of: Array(0..<1_234)).count
        } catch {
            return 0
        }
    }

    private func ingest(_ bytes: [UInt8], name: String, format: InputFormat) -> Int {
        // A name of its own per call: targets may run concurrently (the regression tests do).
        let path = FuzzContext.shared.scratch.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fatalError("cannot write \(path)") }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let context = FuzzContext.shared
        do {
            var source = try RecordSources.open(path: path, format: format, vocabulary: context.vocabulary, stripper: context.stripper)
            var events = 0
            while let event = try source.next() {
                if case .accepted(var record) = event { context.analyzer.enrich(&record) }
                events += 1
            }
            precondition(source.counts.isBalanced, "read \(source.counts.read) ≠ accepted + quarantined + skipped")
            return events
        } catch {
            return 0  // a reported error (unreadable document, no mappable columns) is a correct outcome
        }
    }
}

/// What every fuzz run shares: the language data (found like `voc` finds it) and a scratch directory.
final class FuzzContext: Sendable {
    static let shared = FuzzContext()

    let vocabulary: ColumnVocabulary
    let stripper: ReplyStripper
    let analyzer: SentimentAnalyzer
    let scratch: URL

    private init() {
        do {
            let lexicons = try LexiconDirectory.locate(explicit: ProcessInfo.processInfo.environment["VOC_LEXICONS"])
            vocabulary = try ColumnVocabulary.load(from: lexicons)
            stripper = try ReplyStripper.load(from: lexicons)
            analyzer = SentimentAnalyzer(model: try SentimentModel.load(from: lexicons))
        } catch {
            fatalError("voc-fuzz needs the lexicons/ directory (run it from the repository or set VOC_LEXICONS): \(error)")
        }
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("voc-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }
}
