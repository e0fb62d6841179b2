/// Counts behind an NPS: answered responses by band, and skipped ones kept apart (never counted as zeros).
public struct NPSTally: Sendable, Hashable, Codable {
    public var promoters = 0
    public var passives = 0
    public var detractors = 0
    public var blank = 0
    public var notApplicable = 0

    public init(promoters: Int = 0, passives: Int = 0, detractors: Int = 0, blank: Int = 0, notApplicable: Int = 0) {
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        self.blank = blank
        self.notApplicable = notApplicable
    }

    /// Answered responses: the denominator of every NPS figure.
    public var answered: Int { promoters + passives + detractors }

    /// Adds one answer to its `NPSBand`, or to the skipped ones.
    public mutating func add(_ answer: ScoreAnswer) {
        switch answer {
        case .rating(let value):
            switch NPSBand(score: value) {
            case .promoter: promoters += 1
            case .passive: passives += 1
            case .detractor: detractors += 1
            }
        case .blank: blank += 1
        case .notApplicable: notApplicable += 1
        }
    }
}

/// Counts behind a CSAT or CES figure: answered, favourable, and the first two moments of the answers
/// mapped to 0…1 (so answers on different scales can be pooled).
public struct RatingTally: Sendable, Hashable, Codable {
    public var answered = 0
    public var favourable = 0
    public var unitSum = 0.0
    public var unitSquareSum = 0.0
    public var blank = 0
    public var notApplicable = 0
    /// The scale shared by every answer; nil when answers came on different scales.
    public var scale: RatingScale?

    public init(answered: Int = 0, favourable: Int = 0, unitSum: Double = 0, unitSquareSum: Double = 0, blank: Int = 0, notApplicable: Int = 0, scale: RatingScale? = nil) {
        self.answered = answered
        self.favourable = favourable
        self.unitSum = unitSum
        self.unitSquareSum = unitSquareSum
        self.blank = blank
        self.notApplicable = notApplicable
        self.scale = scale
    }

    public mutating func add(_ answer: ScaledAnswer) {
        switch answer.answer {
        case .rating(let value):
            if answered == 0 { scale = answer.scale } else if scale != answer.scale { scale = nil }
            answered += 1
            if answer.scale.isFavourable(value) { favourable += 1 }
            let unit = answer.scale.unit(value)
            unitSum += unit
            unitSquareSum += unit * unit
        case .blank: blank += 1
        case .notApplicable: notApplicable += 1
        }
    }
}
