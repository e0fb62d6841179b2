/// Which prior a measure was shrunk toward: its segment's, when the segment has enough evidence, else the portfolio's.
public enum PriorSource: String, Sendable, Hashable, Encodable {
    case segment
    case portfolio
}
