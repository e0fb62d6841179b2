/// A scale stated in a header, such as `(1-5)`, `0 to 10` or `de 1 a 7`, read from normalized header text.
enum ScaleHint {
    static func parse(_ normalizedHeader: String, connectors: Set<String>) -> ClosedRange<Int>? {
        let words = normalizedHeader.split(separator: " ")
        var index = 0
        while index + 1 < words.count {
            if let low = Int(words[index]) {
                var next = index + 1
                if connectors.contains(String(words[next])), next + 1 < words.count { next += 1 }
                if let high = Int(words[next]), (0...1).contains(low), (2...11).contains(high) {
                    return low...high
                }
            }
            index += 1
        }
        return nil
    }
}
