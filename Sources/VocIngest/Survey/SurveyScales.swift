public import VocCore

/// The CSAT and CES scales of one export: from flags or a mapping file, else from the answers (with any scale the
/// header states, such as `(1-7)`), else the defaults (CSAT 1-5, CES 2.0 1-7).
public struct SurveyScales: Sendable, Hashable {
    public var csat: RatingScale
    public var ces: RatingScale
    public var csatSource: String
    public var cesSource: String

    static func resolve(overrides: ColumnOverrides, mapping: ColumnMapping, columns: [SurveyColumn], vocabulary: ColumnVocabulary) throws(VocError) -> SurveyScales {
        func hint(_ role: ColumnRole) -> ClosedRange<Int>? {
            guard let index = mapping.column(for: role) else { return nil }
            return columns[index].matchTexts.lazy.compactMap { ScaleHint.parse($0, connectors: vocabulary.scaleConnectors) }.first
        }
        let lowerIsEasier = overrides.cesDirection == .lowerIsEasier
        var scales = SurveyScales(csat: .csat5, ces: try .ces(1...7, lowerIsEasier: lowerIsEasier), csatSource: "default", cesSource: "default")
        if let text = overrides.csatScale {
            let parsed = try RatingScale.parseRange(text)
            if let band = parsed.favourable {
                scales.csat = try RatingScale(minimum: parsed.scale.lowerBound, maximum: parsed.scale.upperBound, favourable: band)
            } else {
                scales.csat = try .csat(parsed.scale)
            }
            scales.csatSource = "given by the user"
        } else if let fit = mapping.fits[.csat], fit.filled > 0 {
            scales.csat = try .csat(fit.scale)
            scales.csatSource = "read from the answers: \(fit.summary)"
        } else if let range = hint(.csat) {
            scales.csat = try .csat(range)
            scales.csatSource = "stated in the header"
        }
        if let text = overrides.cesScale {
            let parsed = try RatingScale.parseRange(text)
            if let band = parsed.favourable {
                scales.ces = try RatingScale(minimum: parsed.scale.lowerBound, maximum: parsed.scale.upperBound, favourable: band)
            } else {
                scales.ces = try .ces(parsed.scale, lowerIsEasier: lowerIsEasier)
            }
            scales.cesSource = "given by the user"
        } else if let fit = mapping.fits[.ces], fit.filled > 0 {
            scales.ces = try .ces(fit.scale, lowerIsEasier: lowerIsEasier)
            scales.cesSource = "read from the answers: \(fit.summary)"
        } else if let range = hint(.ces) {
            scales.ces = try .ces(range, lowerIsEasier: lowerIsEasier)
            scales.cesSource = "stated in the header"
        }
        return scales
    }
}
