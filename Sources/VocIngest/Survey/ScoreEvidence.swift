import VocCore

/// How a column's answers fit a score role: the scale they are on and the labels read as numbers.
public struct ScoreFit: Sendable, Hashable {
    public var scale: ClosedRange<Int>
    /// Normalized answer labels read as ratings (`very satisfied` → 5, `promoter` → 10).
    public var labels: [String: Int]
    /// Filled answers that read as ratings on `scale`, of `filled`.
    public var fitting: Int
    public var filled: Int
    /// What the answers are, for `voc inspect`: `0-10 numbers`, `5-point satisfaction labels`.
    public var summary: String
}

/// Decides whether a column's values fit NPS, CSAT or CES: a header that fits is not enough.
///
/// - NPS needs 0-10 evidence: whole numbers within 0-10, at least three different ones and some above 5, or a
///   Promoter/Passive/Detractor column. Yes/no answers (0/1, yes/no, sí/não) are never NPS, nor is a header that
///   states an agreement scale ("10 - strongly agree").
/// - CSAT and CES need ratings: whole numbers on a 1-5, 1-7, 1-10 or 0-10 scale (the smallest that holds the answers,
///   or the one the header states), with labelled ends (`Strongly agree`, `10 (Completely satisfied)`) placed on it;
///   or labels of one satisfaction, quality, agreement or ease scale, whose number of points sets the scale.
/// A column fits when most of its filled answers read as ratings on the scale; the few that do not are quarantined
/// as bad values at ingest. A column that fails on most answers is a mapping problem, not bad data: the role is not
/// taken from it.
enum ScoreEvidence {
    static let threshold = 0.5

    static func evaluate(_ role: ColumnRole, profile: ColumnProfile, hint: ClosedRange<Int>?, headers: [String],
                         labels: RatingLabels) -> Result<ScoreFit, Rejection> {
        let filled = profile.filled
        func fit(_ scale: ClosedRange<Int>, _ values: [String: Int], fitting: Int, _ summary: String) -> Result<ScoreFit, Rejection> {
            guard Double(fitting) > threshold * Double(filled) else {
                return .failure(Rejection("\(filled - fitting) of \(filled) answers are not \(summary)\(samples(profile))"))
            }
            return .success(ScoreFit(scale: scale, labels: values, fitting: fitting, filled: filled, summary: summary))
        }
        if filled == 0 { return .failure(Rejection("no answers in the first \(profile.rows) records to check it against")) }
        if isBinary(profile, labels: labels) {
            return .failure(Rejection("yes/no answers\(samples(profile)): \(role == .nps ? "a would-recommend question, not a 0-10 likelihood" : "not a rating")"))
        }
        let integersIn = { (scale: ClosedRange<Int>) in profile.integers.filter { scale.contains($0.key) }.values.reduce(0, +) }
        let mostlyLabels = profile.labelCount * 2 > filled

        if role == .nps {
            if statesAgreement(headers, labels: labels) { return .failure(Rejection("the header states an agreement scale, not a 0-10 likelihood")) }
            if mostlyLabels {
                guard let reading = labels.read(profile.labels, kinds: [.npsCategory]) else {
                    return .failure(Rejection("\(profile.labelCount) of \(filled) answers are not 0-10 numbers\(samples(profile))"))
                }
                return fit(0...10, reading.values, fitting: reading.covered + integersIn(0...10), "Promoter/Passive/Detractor categories")
            }
            let otherScale = labels.read(profile.labels, kinds: [.agreement, .satisfaction, .quality, .ease])
            if let otherScale, otherScale.covered * 10 >= filled {
                let example = otherScale.values.keys.sorted().first ?? ""
                return .failure(Rejection("answers carry \(otherScale.scale.kind.rawValue) labels ('\(example)'): not a 0-10 likelihood"))
            }
            if let hint, hint != 0...10, hint != 1...10 {
                return .failure(Rejection("the header states a \(hint.lowerBound)-\(hint.upperBound) scale, not 0-10"))
            }
            let values = Set(profile.integers.keys.filter { (0...10).contains($0) })
            if filled >= 10, values.count < 3 { return .failure(Rejection("only \(values.count) different answers\(samples(profile)): not a 0-10 scale")) }
            if filled >= 10, let high = values.max(), high <= 5 {
                return .failure(Rejection("answers run \(values.min()!)-\(high): a short scale, not 0-10"))
            }
            return fit(0...10, [:], fitting: integersIn(0...10), "0-10 numbers")
        }

        let kinds: Set<RatingLabels.Kind> = role == .csat ? [.satisfaction, .quality, .agreement] : [.ease, .agreement]
        if mostlyLabels {
            guard let reading = labels.read(profile.labels, kinds: kinds) else {
                return .failure(Rejection("answers are not rating labels\(samples(profile))"))
            }
            let scale = 1...reading.scale.points
            return fit(scale, reading.values, fitting: reading.covered + integersIn(scale),
                       "\(reading.scale.points)-point \(reading.scale.kind.rawValue) labels")
        }
        guard let range = profile.integerRange else { return .failure(Rejection("answers are not ratings\(samples(profile))")) }
        if range.upperBound > 10 || range.lowerBound < 0 {
            return .failure(Rejection("answers run \(range.lowerBound)-\(range.upperBound): not a rating scale"))
        }
        if filled >= 10, profile.integers.count < 2 { return .failure(Rejection("every answer is \(range.lowerBound): not a rating scale")) }
        // Labelled ends among numbers (`Strongly agree`, digits 2-9, `Strongly disagree`) lie beyond the digits.
        var worst: [String] = [], best: [String] = []
        for label in profile.labels.keys {
            switch labels.end(of: label, kinds: kinds) {
            case .some(-1): worst.append(label)
            case .some(1): best.append(label)
            default: break
            }
        }
        // The smallest usual scale that holds the answers, but for a stray few (a 6 on a 1-5 question is a bad
        // value to quarantine, not a 7-point scale), with room beyond the digits for labelled ends.
        let tolerance = max(1, filled / 20)
        let scale = hint ?? [1...5, 1...7, 1...10, 0...10].first { scale in
            let inside = profile.integers.keys.filter(scale.contains)
            guard let low = inside.min(), let high = inside.max() else { return false }
            let outside = profile.integers.filter { !scale.contains($0.key) }.values.reduce(0, +)
            return outside <= tolerance && (worst.isEmpty || scale.lowerBound < low) && (best.isEmpty || scale.upperBound > high)
        }
        guard let scale else { return .failure(Rejection("answers run \(range.lowerBound)-\(range.upperBound): not a rating scale")) }
        var values: [String: Int] = [:]
        for label in worst { values[label] = scale.lowerBound }
        for label in best { values[label] = scale.upperBound }
        let labelled = values.keys.reduce(0) { $0 + (profile.labels[$1] ?? 0) }
        return fit(scale, values, fitting: integersIn(scale) + labelled,
                   "ratings on \(scale.lowerBound)-\(scale.upperBound)\(values.isEmpty ? "" : " (labelled ends)")")
    }

    /// Every filled answer is 0/1 or a yes/no word.
    static func isBinary(_ profile: ColumnProfile, labels: RatingLabels) -> Bool {
        guard profile.filled > 0, profile.fractions == 0, profile.integers.keys.allSatisfy({ $0 == 0 || $0 == 1 }) else { return false }
        if profile.labelCount == 0 { return true }
        guard let reading = labels.read(profile.labels, kinds: [.binary]) else { return false }
        return reading.covered == profile.labelCount
    }

    /// The header names an agreement scale's end (`10 - strongly agree, 1 - strongly disagree`).
    static func statesAgreement(_ headers: [String], labels: RatingLabels) -> Bool {
        headers.contains { header in
            header.split(separator: " ").count > 3 && labels.ends(of: .agreement).contains { HeaderText.contains(header, phrase: $0) }
        }
    }

    /// ` ('Yes', 'N/A', …)`: a few short answers as written, for messages.
    static func samples(_ profile: ColumnProfile) -> String {
        profile.samples.isEmpty ? "" : " (" + profile.samples.prefix(4).map { "'\($0)'" }.joined(separator: ", ") + ")"
    }

    struct Rejection: Error, Sendable, Hashable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

extension NPSBand {
    /// How often a written Promoter/Passive/Detractor category (`labels`: normalized label → 10/8/0) is the band of
    /// the 0-10 score beside it, over the pairs where both can be read.
    static func agreement(scores: [String], categories: [String], labels: [String: Int]) -> (agreeing: Int, compared: Int) {
        var agreeing = 0, compared = 0
        for (score, category) in zip(scores, categories) {
            guard let written = labels[HeaderText.normalize(category)], case .success(let value)? = ScoreParser.wholeNumber(score.trimmingSpaces),
                  (0...10).contains(value) else { continue }
            compared += 1
            if NPSBand(score: written) == NPSBand(score: value) { agreeing += 1 }
        }
        return (agreeing, compared)
    }
}
