extension String {
    /// Whether the UTF-8 holds `byte`, searched on the contiguous bytes: iterating `utf8` of short strings, once per
    /// token for `-` and `'`, showed in sentiment profiles.
    public func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// Whether every UTF-8 byte is ASCII, on the contiguous bytes.
    public var isASCIIBytes: Bool {
        utf8.withContiguousStorageIfAvailable { !$0.contains { $0 >= 0x80 } } ?? !utf8.contains { $0 >= 0x80 }
    }
}
