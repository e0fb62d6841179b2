public import VocCore

/// The code of the scale met last: a batch's answers share one or two scales, so the code is formatted once, not for
/// every CSAT and CES answer of every row.
public struct ScaleCodeMemo {
    private var last: (scale: RatingScale, code: String)?

    public init() {}

    public mutating func code(of scale: RatingScale) -> String {
        if let last, last.scale == scale { return last.code }
        let code = ScaleCode.encode(scale)
        last = (scale, code)
        return code
    }
}
