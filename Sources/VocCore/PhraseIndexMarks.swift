/// How far the phrase index reaches on some days: for each day counted, the arrival position through which its
/// comments are counted (a comment that arrived later is not yet), and the fingerprint of the phrase extractor it was
/// counted with (other stop words or rules count other phrases, so an index counted with another extractor is
/// started over). Days never counted are absent.
public struct PhraseIndexMarks: Sendable, Hashable {
    public var extractor: String?
    public var through: [Int: Int64]

    public init(extractor: String?, through: [Int: Int64]) {
        self.extractor = extractor
        self.through = through
    }
}
