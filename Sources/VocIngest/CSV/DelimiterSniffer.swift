/// Picks the delimiter (`,` `;` TAB `|`) that splits the first lines of a sample most consistently.
enum DelimiterSniffer {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// - Parameter isComplete: the sample is the whole input, so its last line is not cut off.
    static func sniff(_ sample: [UInt8], isComplete: Bool) -> UInt8 {
        var lines: [[UInt8: Int]] = []
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        var index = 0
        while index < sample.count, lines.count < 30 {
            let byte = sample[index]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) {
                if !(byte == UInt8(ascii: "\n") && index > 0 && sample[index - 1] == UInt8(ascii: "\r")) {
                    lines.append(counts)
                    counts = [:]
                }
            } else if !inQuotes && candidates.contains(byte) {
                counts[byte, default: 0] += 1
            }
            index += 1
        }
        if isComplete && !counts.isEmpty { lines.append(counts) }
        if lines.isEmpty { lines.append(counts) }

        var best: (delimiter: UInt8, consistentLines: Int, perLine: Int)?
        for candidate in candidates {
            var frequency: [Int: Int] = [:]
            for line in lines { frequency[line[candidate] ?? 0, default: 0] += 1 }
            guard let mode = frequency.filter({ $0.key > 0 }).max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if let current = best, (current.consistentLines, current.perLine) >= (mode.value, mode.key) { continue }
            best = (candidate, mode.value, mode.key)
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }
}
