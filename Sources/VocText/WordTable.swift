/// Interned words: each distinct word gets a dense id (0, 1, 2, …), so per-word facts can live in arrays and a
/// token costs one look-up however many rules ask about it.
///
/// Hand-written open addressing over the words' UTF-8 bytes: `Dictionary<String, _>` hashes with seeded SipHash, and
/// its hashing and probing were 30 % of the sentiment analyzer's time (perf, 100k comments), with one dictionary per
/// rule asking about every token. A slot holds the word's first eight bytes and its length, so most look-ups touch
/// one cache line: with the id in the slot and the hash, start and bytes in three other arrays, each look-up missed
/// the cache up to four times (7.8 % of `voc bench sentiment --summary`, perf).
public struct WordTable: Sendable {
    /// All words' bytes, back to back.
    private var bytes: [UInt8] = []
    /// Per id: where its bytes start in `bytes` (and, one further, where they end).
    private var starts: [Int] = [0]
    /// Open-addressed slots of two values: the word's first eight bytes (little-endian, zero-padded), then its length
    /// above id + 1 (0 when the slot is empty). The slot count is a power of two, at most half of them used.
    private var slots = [UInt64](repeating: 0, count: 2 * 1024)

    public init() {}

    /// The number of words, which is also the next id.
    public var count: Int { starts.count - 1 }

    /// The id of `word`, adding it when new.
    @discardableResult
    public mutating func insert(_ word: String) -> Int32 {
        if let id = id(of: word) { return id }
        if (count + 1) * 4 > slots.count { grow() }
        let id = Int32(count)
        bytes.append(contentsOf: word.utf8)
        starts.append(bytes.count)
        place(id)
        return id
    }

    /// The id of `word`, or nil when it was never inserted.
    public func id(of word: String) -> Int32? {
        if let found = word.utf8.withContiguousStorageIfAvailable({ id(ofBytes: $0) }) { return found }
        return Array(word.utf8).withUnsafeBufferPointer { id(ofBytes: $0) }
    }

    /// The id of the word spelled by `key` (UTF-8), or nil.
    public func id(ofBytes key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let head = Self.head(key)
        let length = UInt64(truncatingIfNeeded: key.count) << 32
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count / 2 - 1
            var slot = Int(truncatingIfNeeded: Self.hash(key, head: head)) & mask
            while true {
                let tail = slots[2 * slot + 1]
                if tail == 0 { return nil }
                if slots[2 * slot] == head, tail & 0xFFFF_FFFF_0000_0000 == length {
                    let id = Int(truncatingIfNeeded: tail & 0xFFFF_FFFF) - 1
                    if key.count <= 8 || restEqual(id, key) { return Int32(id) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The word with this id.
    public func word(_ id: Int32) -> String {
        String(decoding: bytes[starts[Int(id)]..<starts[Int(id) + 1]], as: UTF8.self)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        for id in 0..<count { place(Int32(id)) }
    }

    private mutating func place(_ id: Int32) {
        let (head, hash) = bytes.withUnsafeBufferPointer { stored in
            let key = UnsafeBufferPointer(rebasing: stored[starts[Int(id)]..<starts[Int(id) + 1]])
            let head = Self.head(key)
            return (head, Self.hash(key, head: head))
        }
        let mask = slots.count / 2 - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[2 * slot + 1] != 0 { slot = (slot + 1) & mask }
        slots[2 * slot] = head
        slots[2 * slot + 1] = UInt64(starts[Int(id) + 1] - starts[Int(id)]) << 32 | UInt64(id + 1)
    }

    /// Whether the bytes of word `id` after the eighth equal those of `key` (same length, same first eight).
    private func restEqual(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            let start = starts[id]
            for index in 8..<key.count where stored[start + index] != key[index] { return false }
            return true
        }
    }

    /// Up to eight bytes from `offset`, little-endian, zero-padded.
    private static func head(_ key: UnsafeBufferPointer<UInt8>, from offset: Int = 0) -> UInt64 {
        let count = min(8, key.count - offset)
        if count == 8 { return UInt64(littleEndian: UnsafeRawPointer(key.baseAddress! + offset).loadUnaligned(as: UInt64.self)) }
        var value: UInt64 = 0
        for index in 0..<count { value |= UInt64(key[offset + index]) << (8 * index) }
        return value
    }

    /// Eight bytes at a time, multiplied in, with a final mix so the low bits (the slot) depend on every byte.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, head: UInt64) -> UInt64 {
        var hash = (head ^ UInt64(truncatingIfNeeded: key.count)) &* 0x9E37_79B9_7F4A_7C15
        var offset = 8
        while offset < key.count {
            hash = (hash ^ (hash >> 29) ^ Self.head(key, from: offset)) &* 0xBF58_476D_1CE4_E5B9
            offset += 8
        }
        hash ^= hash >> 31
        hash &*= 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 32)
    }
}
