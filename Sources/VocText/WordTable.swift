/// Interned words: each distinct word gets a dense id (0, 1, 2, …), so per-word facts can live in arrays and a
/// token costs one look-up however many rules ask about it.
///
/// Hand-written open addressing over the words' UTF-8 bytes with FNV-1a: `Dictionary<String, _>` hashes with
/// seeded SipHash, and its hashing and probing were 30 % of the sentiment analyzer's time (perf, 100k comments),
/// with one dictionary per rule asking about every token.
public struct WordTable: Sendable {
    /// All words' bytes, back to back.
    private var bytes: [UInt8] = []
    /// Per id: where its bytes start in `bytes`, and its hash.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open-addressed slots holding id + 1 (0 = empty); the count is a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 1024)

    public init() {}

    /// The number of words, which is also the next id.
    public var count: Int { hashes.count }

    /// The id of `word`, adding it when new.
    @discardableResult
    public mutating func insert(_ word: String) -> Int32 {
        if let id = id(of: word) { return id }
        if (count + 1) * 2 > slots.count { grow() }
        let key = Array(word.utf8)
        let hash = Self.hash(key.withUnsafeBufferPointer { $0 })
        let id = Int32(count)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        hashes.append(hash)
        place(id, hash: hash)
        return id
    }

    /// The id of `word`, or nil when it was never inserted.
    public func id(of word: String) -> Int32? {
        if let found = word.utf8.withContiguousStorageIfAvailable({ id(ofBytes: $0) }) { return found }
        return Array(word.utf8).withUnsafeBufferPointer { id(ofBytes: $0) }
    }

    /// The id of the word spelled by `key` (UTF-8), or nil.
    public func id(ofBytes key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let id = Int(entry - 1)
                if hashes[id] == hash, starts[id + 1] - starts[id] == key.count, Self.equal(stored, from: starts[id], key) {
                    return Int32(id)
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
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for id in hashes.indices { place(Int32(id), hash: hashes[id]) }
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = id + 1
    }

    /// FNV-1a, 64 bits, with a final mix so the low bits (the slot) depend on every byte.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash ^ (hash >> 29)
    }

    private static func equal(_ stored: UnsafeBufferPointer<UInt8>, from start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<key.count where stored[start + index] != key[index] { return false }
        return true
    }
}
