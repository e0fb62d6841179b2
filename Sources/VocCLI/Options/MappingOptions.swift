public import ArgumentParser
import VocCore
import VocIngest

extension DateOrder: ExpressibleByArgument {}
extension CESDirection: ExpressibleByArgument {}

/// How to read survey exports when detection needs help: column overrides, scales, encodings.
struct MappingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A mapping file of 'role = column' lines (see README).", valueName: "file"))
    var mapping: String?

    @Option(name: .long, help: ArgumentHelp("The response-id column (header text, or #N; 'none' for no such column).", valueName: "column"))
    var responseIdColumn: String?
    @Option(name: .long, help: ArgumentHelp("The account-id column.", valueName: "column"))
    var accountColumn: String?
    @Option(name: .long, help: ArgumentHelp("The account-name column.", valueName: "column"))
    var accountNameColumn: String?
    @Option(name: .long, help: ArgumentHelp("The respondent e-mail column.", valueName: "column"))
    var emailColumn: String?
    @Option(name: .long, help: ArgumentHelp("The timestamp column.", valueName: "column"))
    var timestampColumn: String?
    @Option(name: .long, help: ArgumentHelp("The language column.", valueName: "column"))
    var languageColumn: String?
    @Option(name: .long, help: ArgumentHelp("The NPS (0-10) column.", valueName: "column"))
    var npsColumn: String?
    @Option(name: .long, help: ArgumentHelp("A yes/no would-you-recommend column (kept as would recommend %, never NPS).", valueName: "column"))
    var recommendColumn: String?
    @Option(name: .long, help: ArgumentHelp("The CSAT column.", valueName: "column"))
    var csatColumn: String?
    @Option(name: .long, help: ArgumentHelp("The CES column.", valueName: "column"))
    var cesColumn: String?
    @Option(name: .long, help: ArgumentHelp("A comment column (repeatable).", valueName: "column"))
    var commentColumn: [String] = []

    @Option(name: .long, help: ArgumentHelp("CSAT scale, e.g. 1-5 (default), 1-7, or 1-10:8-10 with its satisfied band.", valueName: "range"))
    var csatScale: String?
    @Option(name: .long, help: ArgumentHelp("CES scale, e.g. 1-7 (default, CES 2.0) or 1-5.", valueName: "range"))
    var cesScale: String?
    @Option(name: .long, help: ArgumentHelp("CES direction (default: higher-is-easier).", valueName: "direction"))
    var cesDirection: CESDirection?
    @Option(name: .long, help: "Slash-date order: mdy or dmy (default: from the export's dialect or header language).")
    var dateOrder: DateOrder?
    @Option(name: .long, help: ArgumentHelp("Input encoding: utf-8, windows-1252 (also for latin1), utf-16le or utf-16be.", valueName: "name"))
    var encoding: String?
    @Option(name: .long, help: ArgumentHelp("Field delimiter: ',', ';', 'tab' or '|' (default: sniffed).", valueName: "char"))
    var delimiter: String?
    @Option(name: .long, help: ArgumentHelp("XML: the elements that hold records, e.g. responses/response (default: detected).", valueName: "path"))
    var recordPath: String?
    @Option(name: .long, help: ArgumentHelp("Longest record accepted, in bytes; longer ones are quarantined.", valueName: "bytes"))
    var maxRecordBytes = 1 << 20

    func surveyOptions() throws -> SurveyCSVOptions {
        var flags = ColumnOverrides()
        let columns: [(ColumnRole, String?)] = [
            (.responseID, responseIdColumn), (.accountID, accountColumn), (.accountName, accountNameColumn), (.email, emailColumn),
            (.timestamp, timestampColumn), (.language, languageColumn), (.nps, npsColumn), (.recommend, recommendColumn), (.csat, csatColumn), (.ces, cesColumn),
        ]
        for case let (role, value?) in columns { flags.columns[role] = [value] }
        if !commentColumn.isEmpty { flags.columns[.comment] = commentColumn }
        flags.csatScale = csatScale
        flags.cesScale = cesScale
        flags.cesDirection = cesDirection
        flags.dateOrder = dateOrder

        var options = SurveyCSVOptions()
        options.overrides = try mapping.map { try flags.merged(over: ColumnOverrides.load(contentsOf: $0)) } ?? flags
        if let encoding {
            guard let parsed = TextEncoding(label: encoding) else { throw ValidationError("unknown encoding '\(encoding)'") }
            options.encoding = parsed
        }
        if let delimiter {
            switch delimiter.lowercased() {
            case ",", ";", "|": options.delimiter = delimiter.utf8.first
            case "tab", "\\t", "\t": options.delimiter = UInt8(ascii: "\t")
            default: throw ValidationError("delimiter must be ',', ';', 'tab' or '|'")
            }
        }
        guard maxRecordBytes >= 1024 else { throw ValidationError("--max-record-bytes must be at least 1024") }
        options.maximumRecordBytes = maxRecordBytes
        return options
    }
}
