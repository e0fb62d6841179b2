import ArgumentParser
import VocCore
import VocIngest
import VocReport

/// `voc inspect FILE`: what voc detects in an export, and how its records would fare, without storing anything.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the detected dialect, encoding, delimiter, column mapping and record counts of a file, without ingesting it.")

    @Argument(help: "A survey export (CSV/TSV) or an XML export, or - for standard input.")
    var file: String

    @OptionGroup var mappingOptions: MappingOptions
    @OptionGroup var lexiconOptions: LexiconOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let lexicons = try lexiconOptions.locate()
        let vocabulary = try ColumnVocabulary.load(from: lexicons)
        var source = try RecordSources.open(path: file, options: mappingOptions.surveyOptions(), recordPath: mappingOptions.recordPath,
                                             vocabulary: vocabulary, stripper: ReplyStripper.load(from: lexicons))
        var reasons: [QuarantineReason: Int] = [:]
        while let event = try source.next() {
            if case .quarantined(let record) = event { reasons[record.reason, default: 0] += 1 }
        }
        let counts = source.counts
        guard let ingester = source as? SurveyCSVIngester else {
            let other = SourceInspectionOutput(source, counts: counts, reasons: reasons)
            switch output.format {
            case .table:
                for line in source.reportLines { Console.out(line) }
                Console.out("records:    read \(counts.read) = accepted \(counts.accepted) + quarantined \(counts.quarantined) + skipped \(counts.skipped)")
                for (reason, count) in reasons.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { Console.out("  \(reason.rawValue): \(count)") }
            case .json, .ndjson:
                Console.out(JSONOutput.encode(other, pretty: output.format == .json))
            case .csv:
                let csv = output.csv
                Console.out(csv.preamble + csv.row(["role", "fields", "reason"]), terminator: "")
                for mapping in other.mapping { Console.out(csv.row([mapping.role, mapping.columns.joined(separator: " | "), mapping.reason]), terminator: "") }
            }
            return
        }
        let inspection = ingester.inspection
        switch output.format {
        case .table:
            for line in inspection.reportLines { Console.out(line) }
            Console.out("records:    read \(counts.read) = accepted \(counts.accepted) + quarantined \(counts.quarantined) + skipped \(counts.skipped)")
            for (reason, count) in reasons.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                Console.out("  \(reason.rawValue): \(count)")
            }
            for line in inspection.profileLines { Console.out(line) }
        case .json, .ndjson:
            Console.out(JSONOutput.encode(InspectionOutput(inspection, counts: counts, reasons: reasons), pretty: output.format == .json))
        case .csv:
            let csv = output.csv
            Console.out(csv.preamble + csv.row(["role", "columns", "reason"]), terminator: "")
            for assignment in inspection.mapping.assignments {
                Console.out(csv.row([assignment.role.rawValue, assignment.names.joined(separator: " | "), assignment.reason]), terminator: "")
            }
        }
    }
}

/// The machine-readable shape of `voc inspect`.
private struct InspectionOutput: Encodable {
    struct Mapping: Encodable {
        var role: String
        var columns: [String]
        var reason: String
        /// How the answers fit the role (score roles chosen by voc).
        var answers: String?
        var fitting: Int?
        var filled: Int?
    }

    struct Rejected: Encodable {
        var role: String
        var column: String
        var reason: String
    }

    struct Profile: Encodable {
        var column: String
        var rows: Int
        var filled: Int
        var notApplicable: Int
        var integerMin: Int?
        var integerMax: Int?
        var integers: Int
        var labels: Int
        var distinct: Int
        var meanWords: Double
    }

    var type = "inspection"
    var file: String
    var dialect: String
    var dialectExplanation: String
    var encoding: String?
    var encodingSource: String
    var byteOrderMark: Bool
    var delimiter: String
    var headerRows: Int
    var columns: [String]
    var mapping: [Mapping]
    /// Columns whose header fits a role but whose answers do not, with the reason.
    var rejected: [Rejected]
    /// Roles left out of the file because no header-fitting column's answers fit.
    var dropped: [String]
    var profiles: [Profile]
    var csatScale: String
    var cesScale: String
    var dateOrder: String
    var counts: IngestCounts
    var quarantineReasons: [String: Int]

    init(_ inspection: SurveyInspection, counts: IngestCounts, reasons: [QuarantineReason: Int]) {
        file = inspection.file
        dialect = inspection.dialect.rawValue
        dialectExplanation = inspection.dialectExplanation
        encoding = inspection.encoding?.rawValue
        encodingSource = inspection.encodingSource
        byteOrderMark = inspection.hadByteOrderMark
        delimiter = inspection.delimiterName
        headerRows = inspection.headerRowCount
        columns = inspection.columns
        let fits = inspection.mapping.fits
        mapping = inspection.mapping.assignments.map {
            Mapping(role: $0.role.rawValue, columns: $0.names, reason: $0.reason, answers: fits[$0.role]?.summary, fitting: fits[$0.role]?.fitting,
                    filled: fits[$0.role]?.filled)
        }
        rejected = inspection.mapping.rejections.map { Rejected(role: $0.role.rawValue, column: $0.name, reason: $0.reason) }
        dropped = inspection.mapping.droppedRoles.map(\.role.rawValue)
        profiles = zip(inspection.columns, inspection.mapping.profiles).map { name, profile in
            Profile(column: name, rows: profile.rows, filled: profile.filled, notApplicable: profile.notApplicable,
                    integerMin: profile.integerRange?.lowerBound, integerMax: profile.integerRange?.upperBound, integers: profile.integerCount,
                    labels: profile.labelCount, distinct: profile.distinct, meanWords: profile.meanWords)
        }
        csatScale = inspection.scales.csat.description
        cesScale = inspection.scales.ces.description
        dateOrder = inspection.dateOrder.rawValue
        self.counts = counts
        quarantineReasons = Dictionary(uniqueKeysWithValues: reasons.map { ($0.key.rawValue, $0.value) })
    }
}

/// The machine-readable shape of `voc inspect` for XML exports and e-mail.
private struct SourceInspectionOutput: Encodable {
    var type = "inspection"
    var file: String
    var format: String
    /// XML: the repeated element read as a record, how it was chosen, the fields seen and their mapping.
    var recordPath: String?
    var recordPathSource: String?
    var fields: [String]?
    var mapping: [InspectionOutput.Mapping]
    var counts: IngestCounts
    var quarantineReasons: [String: Int]

    init(_ source: any RecordSource, counts: IngestCounts, reasons: [QuarantineReason: Int]) {
        file = source.file
        format = source.format.rawValue
        mapping = []
        if let ingester = source as? XMLIngester {
            let inspection = ingester.inspection
            recordPath = inspection.recordPath
            recordPathSource = inspection.recordPathSource
            fields = inspection.fields
            mapping = inspection.mapping.assignments.map { InspectionOutput.Mapping(role: $0.role.rawValue, columns: $0.names, reason: $0.reason) }
        }
        self.counts = counts
        quarantineReasons = Dictionary(uniqueKeysWithValues: reasons.map { ($0.key.rawValue, $0.value) })
    }
}
