extension Substring {
    /// The first occurrence of `needle`, searched on the UTF-8 bytes of both strings' own storage. Foundation's
    /// `range(of:)` and `contains` go through CFStringFind on Linux (10 % of `voc inspect m.mbox`, perf), and copying
    /// both strings into arrays per call was another 8 %.
    func range(ofText needle: String) -> Range<Index>? {
        var haystack = self, pattern = needle
        let found = haystack.withUTF8 { haystack in
            pattern.withUTF8 { pattern -> Int? in
                guard let first = pattern.first else { return 0 }
                guard haystack.count >= pattern.count else { return nil }
                for start in 0...(haystack.count - pattern.count) where haystack[start] == first {
                    var offset = 1
                    while offset < pattern.count, haystack[start + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return start }
                }
                return nil
            }
        }
        guard let found else { return nil }
        let lower = utf8.index(startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

extension String {
    /// Whether `needle` occurs in the string, compared byte for byte (see `Substring.range(ofText:)`).
    func containsText(_ needle: String) -> Bool {
        Substring(self).range(ofText: needle) != nil
    }
}
