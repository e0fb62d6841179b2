public import Foundation
public import VocCore
public import VocIngest
public import VocScore
public import VocStore

/// Reads inputs into a store: every record is accepted, quarantined or skipped; accepted records get their language,
/// sentiment and signals; batches are written one transaction each, so a killed ingest leaves whole batches and a
/// rerun stores the rest exactly once. What `voc ingest` runs, and what tests and benchmarks call.
public struct IngestPipeline {
    public let store: any FeedbackStore
    public let vocabulary: ColumnVocabulary
    public let stripper: ReplyStripper
    public let analyzer: SentimentAnalyzer
    /// How survey and XML columns are mapped (forced columns, scales, dialect).
    public var options: SurveyCSVOptions
    /// The XML record element, when not detected.
    public var recordPath: String?
    /// Threads parsing e-mail and scoring comments; the result does not depend on it.
    public var jobs: Int
    /// The team's own e-mail domains: messages from them are its replies (kept for threading), not feedback.
    public var teamDomains: Set<String> = []

    /// Records per transaction: large enough that commits do not dominate, small enough to keep memory flat (~10 MB).
    public static let batchSize = 16_384

    public init(store: any FeedbackStore, vocabulary: ColumnVocabulary, stripper: ReplyStripper, analyzer: SentimentAnalyzer,
                options: SurveyCSVOptions = SurveyCSVOptions(), recordPath: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.store = store
        self.vocabulary = vocabulary
        self.stripper = stripper
        self.analyzer = analyzer
        self.options = options
        self.recordPath = recordPath
        self.jobs = jobs
    }

    /// Reads `files` in one run of the ingest log (`command` is what the log shows). A file that cannot be read is
    /// logged with its error and reported to `observer`; the others are still read. Returns each file's summary.
    public func ingest(_ files: [InputFile], command: String, observer: IngestObserver = IngestObserver()) async throws(VocError) -> [IngestFileSummary] {
        let run = try await store.startRun(command: command)
        var summaries: [IngestFileSummary] = []
        for file in files {
            do throws(VocError) {
                summaries.append(try await ingest(file, run: run, observer: observer))
            } catch {
                observer.failed(file.path, error)
                // Standard input cannot be read twice.
                let format = file.path == "-" ? "unknown" : (try? InputFormat.sniff(path: file.path))?.rawValue ?? "unknown"
                let summary = IngestFileSummary(path: file.path, format: format, detail: "", counts: IngestCounts(), error: error.description)
                try? await store.logFile(summary, run: run)
                summaries.append(summary)
            }
        }
        try await store.finishRun(run, status: summaries.contains { $0.error != nil } ? .completedWithErrors : .completed)
        return summaries
    }

    /// Reads one file into run `run`. A file met while walking a directory that does not look like an export is
    /// logged as skipped with the reason instead (see `InputFile`).
    ///
    /// The file is read and scored on one thread of its own (`readerThread`), as the batches are written on another
    /// (`BatchWriter`): resumed on whichever pool thread is free after each batch, a batch's records would be
    /// allocated in several threads' malloc arenas, which raises the peak memory (see `DedicatedThreadExecutor`).
    public func ingest(_ file: InputFile, run: Int64, observer: IngestObserver = IngestObserver()) async throws(VocError) -> IngestFileSummary {
        try await withTaskExecutorPreference(Self.readerThread) { () async throws(VocError) -> IngestFileSummary in
            try await read(file, run: run, observer: observer)
        }
    }

    private static let readerThread = DedicatedThreadExecutor(name: "voc.ingest.reader")

    private func read(_ file: InputFile, run: Int64, observer: IngestObserver) async throws(VocError) -> IngestFileSummary {
        if let reason = file.skipReason { return try await skipped(file, reason, run: run) }
        var source: any RecordSource
        do throws(VocError) {
            source = try RecordSources.open(path: file.path, options: options, recordPath: recordPath, vocabulary: vocabulary, stripper: stripper,
                                           teamDomains: teamDomains, jobs: jobs)
        } catch where file.walked && error.code == .invalidInput {
            return try await skipped(file, error.message.prefix { $0 != ":" }.description, run: run)
        }
        if file.walked && !source.hasFeedback { return try await skipped(file, "no NPS, CSAT, CES or comment column", run: run) }
        if file.walked && !source.placesFeedback { return try await skipped(file, "no date, account or e-mail column to place its feedback", run: run) }
        try source.requireFeedback()
        for note in source.mappingNotes { observer.note(source.file, note) }
        var records: [FeedbackRecord] = []
        var quarantined: [QuarantinedRecord] = []
        var mail: [MailEnvelope] = []
        records.reserveCapacity(Self.batchSize)
        var writer = BatchWriter(store: store, run: run)
        do throws(VocError) {
            while let event = try source.next() {
                switch event {
                case .accepted(let record): records.append(record)
                case .quarantined(let record): quarantined.append(record)
                case .skipped: break
                case .teamMessage(let envelope, _): mail.append(envelope)
                }
                if records.count + quarantined.count + mail.count >= Self.batchSize {
                    try await submit(&records, &quarantined, &mail, to: &writer)
                    observer.progress(source.file, source.counts.read)
                }
            }
            try await submit(&records, &quarantined, &mail, to: &writer)
        } catch {
            _ = try? await writer.finish()  // let the batch already being written land before the error is reported
            throw error
        }
        var counts = source.counts
        counts.alreadyStored = try await writer.finish()
        observer.finished(source)
        let summary = IngestFileSummary(path: source.file, format: source.format.rawValue, detail: source.detail, counts: counts, error: nil)
        try await store.logFile(summary, run: run)
        return summary
    }

    /// Scores a batch and hands it to the writer with the team's messages of the same stretch of the file.
    private func submit(_ records: inout [FeedbackRecord], _ quarantined: inout [QuarantinedRecord], _ mail: inout [MailEnvelope],
                        to writer: inout BatchWriter) async throws(VocError) {
        score(&records)
        try await writer.submit(records: records, quarantined: quarantined, mail: mail)
        records.removeAll(keepingCapacity: true)
        quarantined.removeAll(keepingCapacity: true)
        mail.removeAll(keepingCapacity: true)
    }

    /// Scores a batch's comments on `jobs` threads, each taking one contiguous share of the records. Each record is
    /// scored on its own, so the batch comes out the same whatever `jobs` is (tested).
    private func score(_ records: inout [FeedbackRecord]) {
        ContiguousShares.update(&records, jobs: jobs, minimumShare: 256) { [analyzer] in analyzer.enrich(&$0) }
    }

    private func skipped(_ file: InputFile, _ reason: String, run: Int64) async throws(VocError) -> IngestFileSummary {
        let summary = IngestFileSummary(path: file.path, format: "unknown", detail: "skipped: \(reason)", counts: IngestCounts(), error: nil)
        try await store.logFile(summary, run: run)
        return summary
    }
}
