import VocCore

/// Answer labels of rating questions in English, Spanish and Portuguese (`lexicons/<lang>/rating-labels.tsv`):
/// which scale each label belongs to and the number it stands for, so `Very satisfied`, `Totalmente de acuerdo`
/// or `Nada provável` are read as ratings, and yes/no answers are known for what they are.
public struct RatingLabels: Sendable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case satisfaction, quality, agreement, ease, likelihood, binary
        case npsCategory = "nps-category"
    }

    /// One labelled scale: a kind and its number of points.
    public struct Scale: Sendable, Hashable {
        public var kind: Kind
        public var points: Int
    }

    /// Normalized label → value, per scale.
    private(set) var scales: [Scale: [String: Int]] = [:]

    static func load(from directory: LexiconDirectory) throws(VocError) -> RatingLabels {
        var labels = RatingLabels()
        for language in LexiconDirectory.languages {
            let table = try directory.table("rating-labels.tsv", language: language)
            for row in table.rows {
                guard row.columns.count == 4, let kind = Kind(rawValue: row.columns[0]), let points = Int(row.columns[1]),
                      let value = Int(row.columns[2]) else {
                    throw table.error("expected kind<TAB>points<TAB>value<TAB>label with a known kind", row: row)
                }
                labels.scales[Scale(kind: kind, points: points), default: [:]][HeaderText.normalize(row.columns[3])] = value
            }
        }
        return labels
    }

    /// How a column's labels read on one scale.
    public struct Reading: Sendable, Hashable {
        public var scale: Scale
        /// The column's labels that the scale knows, with their values.
        public var values: [String: Int]
        /// Answers those labels cover.
        public var covered: Int
    }

    /// The scale among `kinds` that covers most of the column's label answers (the fewest points on a tie); nil
    /// when none covers any.
    func read(_ labels: [String: Int], kinds: Set<Kind>) -> Reading? {
        var best: Reading?
        for (scale, known) in scales where kinds.contains(scale.kind) {
            var values: [String: Int] = [:], covered = 0
            for (label, count) in labels {
                if let value = known[label] { values[label] = value; covered += count }
            }
            guard covered > 0 else { continue }
            let reading = Reading(scale: scale, values: values, covered: covered)
            if let current = best, (current.covered, -current.scale.points, current.scale.kind.rawValue) >= (covered, -scale.points, scale.kind.rawValue) {
                continue
            }
            best = reading
        }
        return best
    }

    /// Every label of `kind`, with its value.
    func values(of kind: Kind) -> [String: Int] {
        scales.filter { $0.key.kind == kind }.values.reduce(into: [:]) { all, known in all.merge(known) { first, _ in first } }
    }

    /// The labels at either end of the scales of `kind`.
    func ends(of kind: Kind) -> [String] {
        scales.filter { $0.key.kind == kind && $0.key.points >= 5 }
            .flatMap { scale, known in known.filter { $0.value == 1 || $0.value == scale.points }.map(\.key) }
    }

    /// Whether `label` is an end of a scale of `kinds`: -1 the worst end, +1 the best, nil neither.
    func end(of label: String, kinds: Set<Kind>) -> Int? {
        for (scale, known) in scales where kinds.contains(scale.kind) && scale.points >= 5 {
            guard let value = known[label] else { continue }
            if value == 1 { return -1 }
            if value == scale.points { return 1 }
        }
        return nil
    }
}
