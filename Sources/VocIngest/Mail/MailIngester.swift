import Foundation
public import VocCore

/// Streams e-mail (an mbox or one `.eml`) into ingest events, one per message, in file order.
///
/// Splitting the mbox into messages is cheap; parsing them (headers, MIME, charsets, HTML, reply stripping) is not,
/// so messages are parsed in batches on `jobs` threads (one per core unless given), each taking a contiguous share.
/// Every message is parsed on its own, so the events are the same whatever `jobs` is (tested). Splitting runs on a
/// thread of its own a batch ahead, parsing on a read-ahead thread, so both overlap with what the consumer does with
/// the events (counting, scoring, storing). Memory stays bounded by a few batches of at most `batchMessages` messages
/// and little more than `batchBytes` bytes each.
public struct MailIngester {
    public let file: String
    public let format: InputFormat
    public private(set) var counts = IngestCounts()
    /// Parsed batches, handed over whole rather than event by event.
    private let events: ReadAhead<IngestEvent>

    public static let maximumMessageBytes = 32 << 20
    static let batchMessages = 1024
    static let batchBytes = 8 << 20

    /// - Parameter teamDomains: the team's own domains, lower-cased: their messages are `.teamMessage` events.
    public init(path: String, format: InputFormat, vocabulary: ColumnVocabulary, stripper: ReplyStripper, teamDomains: Set<String> = [],
                jobs: Int? = nil) throws(VocError) {
        file = path
        self.format = format
        let reader = MboxReader(source: try FileDescriptorSource(path: path), isSingleMessage: format == .eml,
                                maximumMessageBytes: Self.maximumMessageBytes)
        let batches = Batches(reader: reader, parser: MailMessageParser(file: path, vocabulary: vocabulary, stripper: stripper, teamDomains: teamDomains),
                              jobs: max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount))
        events = ReadAhead(depth: 2) { () throws(VocError) in try batches.next() }
    }

    public mutating func next() throws(VocError) -> IngestEvent? {
        guard let event = try events.next() else { return nil }
        counts.count(event)
        return event
    }

    /// The messages' events, parsed a batch at a time; used by the read-ahead thread only. Splitting is serial, so it
    /// runs a batch ahead on a thread of its own, overlapping with the parse of the batch before.
    private final class Batches {
        private let split: ReadAhead<[Numbered]>
        private let parser: MailMessageParser
        private let jobs: Int

        init(reader: MboxReader, parser: MailMessageParser, jobs: Int) {
            let splitter = Splitter(reader: reader)
            split = ReadAhead(batchSize: 1, depth: 1) { () throws(VocError) in try splitter.next() }
            self.parser = parser
            self.jobs = jobs
        }

        /// The next batch's events, never empty; nil at the end.
        func next() throws(VocError) -> [IngestEvent]? {
            guard let messages = try split.next() else { return nil }
            let parser = self.parser
            // A share under 64 messages is not worth a thread (a message parses in about 50 µs).
            return ContiguousShares.map(messages, jobs: jobs, minimumShare: 64) { parser.parse($0.message, ordinal: $0.ordinal) }
        }
    }

    /// A message and its place in the file (1-based).
    private typealias Numbered = (message: MboxReader.Message, ordinal: Int)

    /// Splits the mbox into batches of messages; used by the splitting thread only.
    private final class Splitter {
        private var reader: MboxReader
        private var ordinal = 0
        /// A read error met while filling a batch, thrown once the messages before it are handed out.
        private var pendingError: VocError?

        init(reader: MboxReader) { self.reader = reader }

        /// The next batch, never empty; nil at the end.
        func next() throws(VocError) -> [Numbered]? {
            if let error = pendingError {
                pendingError = nil
                throw error
            }
            var messages: [Numbered] = []
            var bytes = 0
            do throws(VocError) {
                while messages.count < MailIngester.batchMessages, bytes < MailIngester.batchBytes, let message = try reader.next() {
                    ordinal += 1
                    bytes += message.bytes.count
                    messages.append((message, ordinal))
                }
            } catch {
                guard !messages.isEmpty else { throw error }
                pendingError = error
            }
            return messages.isEmpty ? nil : messages
        }
    }
}
