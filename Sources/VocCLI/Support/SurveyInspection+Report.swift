import VocIngest

extension FeedbackSource {
    /// The detection results as readable lines: what `voc inspect` prints and `voc ingest --verbose` explains.
    var reportLines: [String] {
        switch self {
        case .survey(let ingester): ingester.inspection.reportLines
        case .xml(let ingester): ingester.inspection.reportLines
        case .mail(let ingester):
            ["file:       \(ingester.file)",
             "format:     \(ingester.format == .mbox ? "mbox (messages split at From lines, >From unquoted)" : "one e-mail message")",
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
            "dates:      slash dates read \(dateOrder.rawValue) (\(dateOrderSource)); ISO 8601 always accepted; no zone means UTC",
            "mapping:",
        ]
        lines += mapping.reportLines
        lines.append("scales:     CSAT \(scales.csat) (\(scales.csatSource)); CES \(scales.ces) (\(scales.cesSource)); NPS 0-10")
        return lines
    }
}
