/// Cuts a token sequence into sentences at runs of `.`, `!`, `?` and `…`, so rules can work per sentence.
public enum SentenceSplitter {
    /// Token index ranges, one per sentence, covering every token. A single `.` after an abbreviation
    /// (`Sr.`, `etc.`, from `lexicons/<lang>/abbreviations.txt`) does not end a sentence.
    public static func sentences(_ tokens: [Token], abbreviations: Set<String> = []) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        // By index, not `enumerated()`, which copies each token (two strings).
        for index in tokens.indices where tokens[index].kind == .punctuation && isTerminal(tokens[index].norm) {
            if tokens[index].norm == ".", index > 0, abbreviations.contains(tokens[index - 1].norm) { continue }
            result.append(start..<(index + 1))
            start = index + 1
        }
        if start < tokens.count { result.append(start..<tokens.count) }
        return result
    }

    private static func isTerminal(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" }
    }
}
