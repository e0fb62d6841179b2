/// Recognizes an export's dialect from its first rows (at most three), before any data row is mapped.
struct DialectDetector {
    let vocabulary: ColumnVocabulary

    /// - Parameters:
    ///   - rows: the first records of the file as text (up to 3).
    ///   - allHeaderFieldsQuoted: whether every field of the first row was quoted.
    func detect(rows: [[String]], hadByteOrderMark: Bool, delimiter: UInt8, allHeaderFieldsQuoted: Bool) -> DialectDetection {
        guard let first = rows.first else {
            return DialectDetection(dialect: .generic, columns: [], explanation: "empty file: no header row", dateOrder: nil)
        }
        let normalizedFirst = first.map(HeaderText.normalize)
        let second = rows.count > 1 ? rows[1] : nil
        let third = rows.count > 2 ? rows[2] : nil

        if let third, third.contains(where: { $0.trimmingSpaces.hasPrefix("{\"ImportId\"") }) {
            let importIDs = third.map(Self.importID)
            return DialectDetection(
                dialect: .qualtrics,
                columns: columns(first, extra: [second ?? [], importIDs]),
                explanation: "Qualtrics export: row 3 holds {\"ImportId\":…} descriptors, so rows 1-3 are headers (field ids, question text, import ids)",
                dateOrder: nil)
        }
        if let responseColumn = normalizedFirst.firstIndex(where: { $0 == "responseid" || $0 == "response id" }),
           normalizedFirst.contains(where: { $0 == "startdate" || $0 == "start date" || $0 == "responseset" }),
           let second, responseColumn < second.count, !second[responseColumn].hasPrefix("R_") {
            return DialectDetection(
                dialect: .qualtricsLegacy,
                columns: columns(first, extra: [second]),
                explanation: "Qualtrics legacy export: ResponseID/StartDate field ids with question text on row 2 and no ImportId row, so rows 1-2 are headers",
                dateOrder: nil)
        }
        // SurveyMonkey: Respondent ID with Collector ID, or (re-saved exports that renamed the metadata) with an option
        // row below that marks plain answers `Response` / `Open-Ended Response`.
        if normalizedFirst.contains("respondent id"), let second,
           normalizedFirst.contains("collector id") || second.contains(where: { ["response", "open-ended response"].contains($0.trimmingSpaces.lowercased()) }) {
            return DialectDetection(
                dialect: .surveyMonkey,
                columns: surveyMonkeyColumns(first, options: second),
                explanation: "SurveyMonkey export: Respondent ID/Collector ID headers with an answer-option row below; blank header cells continue the question to their left",
                dateOrder: .mdy)
        }
        if hadByteOrderMark && delimiter == UInt8(ascii: ";") && allHeaderFieldsQuoted
            || normalizedFirst.contains("submitdate") || normalizedFirst.contains("startlanguage") {
            return DialectDetection(
                dialect: .limeSurvey,
                columns: columns(first, extra: []),
                explanation: hadByteOrderMark && delimiter == UInt8(ascii: ";")
                    ? "LimeSurvey export: UTF-8 byte-order mark, ';' delimiter and every header quoted"
                    : "LimeSurvey export: submitdate/startlanguage columns",
                dateOrder: nil)
        }
        if let firstHeader = normalizedFirst.first, let language = vocabulary.formsTimestamp[firstHeader] {
            let order = vocabulary.dateOrders[language]
            return DialectDetection(
                dialect: .googleForms,
                columns: columns(first, extra: []),
                explanation: "Google Forms export: first column '\(first[0])' is the \(language) timestamp header, so slash dates are read \(order?.rawValue ?? "as given")",
                dateOrder: order)
        }
        return DialectDetection(dialect: .generic, columns: columns(first, extra: []), explanation: "generic CSV: one header row", dateOrder: nil)
    }

    private func columns(_ names: [String], extra: [[String]]) -> [SurveyColumn] {
        var columns = names.enumerated().map { index, name in
            let raw = [name] + extra.compactMap { index < $0.count && !$0[index].isEmpty ? $0[index] : nil }
            return SurveyColumn(index: index, name: name, matchTexts: raw.map(HeaderText.normalize), rawTexts: raw)
        }
        QuestionShape.markOptions(&columns)
        return columns
    }

    private func surveyMonkeyColumns(_ questions: [String], options: [String]) -> [SurveyColumn] {
        var current = ""
        var columns = questions.enumerated().map { index, question in
            if !question.trimmingSpaces.isEmpty { current = question }
            let option = index < options.count ? options[index].trimmingSpaces : ""
            let isPlainResponse = option.isEmpty || ["response", "open-ended response", "respuesta", "resposta"].contains(option.lowercased())
            let name = isPlainResponse ? current : "\(current) / \(option)"
            let raw = isPlainResponse ? [current] : [current, option]
            return SurveyColumn(index: index, name: name, matchTexts: raw.map(HeaderText.normalize), rawTexts: raw,
                                optionOf: isPlainResponse ? nil : current, option: isPlainResponse ? nil : option)
        }
        QuestionShape.markOptions(&columns)
        return columns
    }

    /// `QID3_NPS_GROUP` from `{"ImportId":"QID3_NPS_GROUP"}`.
    private static func importID(_ cell: String) -> String {
        guard let range = cell.range(of: "\"ImportId\":\"") else { return "" }
        return String(cell[range.upperBound...].prefix { $0 != "\"" })
    }
}
