public import VocCore

/// The would-recommend measure of a set of yes/no answers: % yes with a Wilson 95 % interval. Shown where NPS is;
/// never mixed into it (a yes/no answer says nothing of how likely on 0-10).
public struct RecommendResult: Sendable, Hashable {
    public let tally: YesNoTally
    /// % of answers that were yes; nil without answers.
    public let percent: Double?
    public let interval: ClosedRange<Double>?
    public let isSufficient: Bool

    public init(_ tally: YesNoTally, minimumSample: Int = Confidence.defaultMinimumSample) {
        self.tally = tally
        isSufficient = tally.answered >= minimumSample
        guard tally.answered > 0 else {
            percent = nil
            interval = nil
            return
        }
        percent = 100 * Double(tally.yes) / Double(tally.answered)
        interval = Confidence.wilsonPercent(tally.yes, of: tally.answered)
    }
}
