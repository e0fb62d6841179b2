import VocIngest
import VocReport

extension RecordSource {
    /// The detection results as readable lines: what `voc inspect` prints and `voc ingest --verbose` explains.
    var reportLines: [String] {
        switch self {
        case let ingester as SurveyCSVIngester: ingester.inspection.reportLines
        case let ingester as XMLIngester: ingester.inspection.reportLines
        default:
            ["file:       \(file)",
             "format:     \(format == .mbox ? "mbox (messages split at From lines, >From unquoted)" : "one e-mail message")",
             "text:       text/plain preferred, HTML turned into text; quoted replies, forwards and signatures stripped (kept aside)",
             "account:    the sender's domain (free-mail domains excepted); Message-ID is the record key"]
        }
    }
}

extension XMLInspection {
    var reportLines: [String] {
        var lines = [
            "file:       \(file)",
            "format:     xml (libxml2 reader; no entity substitution, no DTD or network access)",
            "records:    elements \(recordPath) (\(recordPathSource))",
            "fields:     \(fields.joined(separator: ", "))",
            "entities:   \(declaredEntities) declared in the document, expanded within limits",
            "mapping:",
        ]
        lines += mapping.reportLines
        lines.append("scales:     CSAT \(scales.csat) (\(scales.csatSource)); CES \(scales.ces) (\(scales.cesSource)); NPS 0-10")
        return lines
    }

}

extension ColumnMapping {
    var reportLines: [String] {
        var lines: [String] = []
        for assignment in assignments {
            let names = assignment.names.map { "'\($0)'" }.joined(separator: ", ")
            lines.append("  \(assignment.role.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(names)  (\(assignment.reason))")
            if let fit = fits[assignment.role], fit.filled > 0 {
                lines.append("               answers: \(fit.summary), \(fit.fitting) of \(fit.filled) fit")
            }
            if assignment.role == .nps, let column = npsCategoryColumn, let check = npsCrossCheck, column < profiles.count {
                lines.append("               cross-check: column #\(column + 1) holds Promoter/Passive/Detractor; it agrees with \(check.agreeing) of \(check.compared) scores")
            }
        }
        // A matrix's rows: one line per question, with its aspects and how their answers fit.
        var questions: [String] = []
        for aspect in aspects where !questions.contains(aspect.question) { questions.append(aspect.question) }
        for question in questions {
            let rows = aspects.filter { $0.question == question }
            lines.append("  aspects      '\(question)': \(rows.map(\.aspect).joined(separator: ", "))  (rows of a \(rows[0].kind == .csat ? "satisfaction" : "effort") matrix: "
                         + "aspect ratings, not the response's \(rows[0].kind.rawValue))")
            let fitting = rows.reduce(0) { $0 + $1.fit.fitting }, filled = rows.reduce(0) { $0 + $1.fit.filled }
            lines.append("               answers: \(rows[0].fit.summary), \(fitting) of \(filled) fit")
        }
        let kept = Set(aspects.map(\.column) + columns(for: .recommend))
        for rejection in rejections where !kept.contains(rejection.column) {
            lines.append("  rejected:    \(rejection.role.rawValue) '\(rejection.name)': \(rejection.reason)")
        }
        for (role, _) in droppedRoles {
            lines.append("  dropped:     \(role.rawValue): a header fits but no column's answers do, so this file has no \(role.rawValue) (name one with --\(role.rawValue)-column)")
        }
        let unmapped = ColumnRole.allCases.filter { columns(for: $0).isEmpty }
        if !unmapped.isEmpty { lines.append("  not found:   \(unmapped.map(\.rawValue).joined(separator: ", "))") }
        if column(for: .accountID) == nil { lines.append("  account:     from the respondent's e-mail domain (free-mail domains excepted)") }
        if !hasFeedback { lines.append("  feedback:    none (no NPS, CSAT, CES or comment column): voc ingest refuses this file") }
        return lines
    }
}

extension SurveyInspection {
    var reportLines: [String] {
        var lines = [
            "file:       \(file)",
            "dialect:    \(dialect.rawValue): \(dialectExplanation)",
            "encoding:   \(encoding?.rawValue ?? "ascii (no other bytes seen)") (\(encodingSource)\(hadByteOrderMark && !encodingSource.contains("byte-order mark") ? ", with byte-order mark" : ""))",
            "delimiter:  \(delimiterName)",
            "headers:    \(headerRowCount) row\(headerRowCount == 1 ? "" : "s"), \(columns.count) columns",
            "dates:      slash dates read \(dateOrder.rawValue) (\(dateOrderSource)); ISO 8601 always accepted; "
                + (timeZone.map { "times without a zone are in \($0) (stated in the ImportId row)" } ?? "no zone means UTC"),
            "mapping:",
        ]
        lines += mapping.reportLines
        lines.append("scales:     CSAT \(scales.csat) (\(scales.csatSource)); CES \(scales.ces) (\(scales.cesSource)); NPS 0-10")
        return lines
    }

    /// The value profile of every column, as a table: what the mapping decided from.
    var profileLines: [String] {
        guard !mapping.profiles.isEmpty else { return [] }
        let roles = Dictionary(mapping.assignments.flatMap { assignment in assignment.columns.map { ($0, assignment.role.rawValue) } },
                               uniquingKeysWith: { first, _ in first })
        var table = TextTable(columns: [
            .init("#", alignRight: true), .init("COLUMN", cut: .end), .init("ROLE"), .init("FILLED", alignRight: true), .init("N/A", alignRight: true),
            .init("NUMBERS"), .init("LABELS", alignRight: true), .init("DISTINCT", alignRight: true), .init("WORDS", alignRight: true),
            .init("SAMPLES", cut: .end),
        ])
        for (index, profile) in mapping.profiles.enumerated() {
            let numbers = profile.integerRange.map { "\($0.lowerBound)-\($0.upperBound) (\(profile.integerCount))" } ?? ""
            table.append(["\(index + 1)", index < columns.count ? columns[index] : "", roles[index] ?? "", "\(profile.filled)/\(profile.rows)",
                          "\(profile.notApplicable)", numbers, "\(profile.labelCount)", "\(profile.distinct)", Formatting.fixed(profile.meanWords),
                          profile.samples.prefix(3).joined(separator: " | ")])
        }
        return ["values:     the first \(mapping.profiles.first?.rows ?? 0) records, per column"] + table.render(maxWidth: 160).split(separator: "\n").map { "  " + $0 }
    }
}
