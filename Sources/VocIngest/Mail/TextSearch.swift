#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Substring {
    /// The first occurrence of `needle`, searched on the UTF-8 bytes of both strings' own storage. Foundation's
    /// `range(of:)` and `contains` go through CFStringFind on Linux, and copying both strings into arrays per call
    /// would cost as much again.
    func range(ofText needle: String) -> Range<Index>? {
        var haystack = self, pattern = needle
        let found = haystack.withUTF8 { haystack in
            pattern.withUTF8 { haystack.firstOffset(of: $0) }
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

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first occurrence of `pattern` at or after `start` (`start` itself for an empty pattern):
    /// `memchr` to each place the pattern's first byte occurs, then a compare: faster than a byte loop, which the
    /// compiler does not vectorize.
    func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = pattern.first else { return start }
        guard let base = baseAddress else { return nil }
        var index = start
        let last = count - pattern.count
        while index <= last {
            guard let found = memchr(base + index, Int32(first), last + 1 - index) else { return nil }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if (1..<pattern.count).allSatisfy({ self[index + $0] == pattern[$0] }) { return index }
            index += 1
        }
        return nil
    }

    func firstOffset(of pattern: [UInt8], from start: Int = 0) -> Int? {
        pattern.withUnsafeBufferPointer { firstOffset(of: $0, from: start) }
    }
}
