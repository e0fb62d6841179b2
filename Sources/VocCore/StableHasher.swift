/// A 128-bit FNV-1a hash that is stable across processes and platforms (unlike `Hasher`),
/// used for content-derived record keys. 128 bits keep the collision odds negligible
/// at 10^7 records (about 10^-25), where a 64-bit hash would reach 10^-6.
public struct StableHasher: Sendable {
    private static let prime: UInt128 = 0x0000000001000000000000000000013B
    private var state: UInt128 = 0x6c62272e07bb014262b821756295c58d

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt128(byte)
            state &*= Self.prime
        }
        // Separator so that ("ab","c") and ("a","bc") differ.
        state ^= 0xff
        state &*= Self.prime
    }

    public mutating func combine(_ buffer: UnsafeBufferPointer<UInt8>) {
        var hash = state
        for byte in buffer {
            hash ^= UInt128(byte)
            hash &*= Self.prime
        }
        hash ^= 0xff
        state = hash &* Self.prime
    }

    public mutating func combine(_ string: String) {
        var copy = string
        copy.withUTF8 { combine($0) }
    }

    public mutating func combine(_ value: Int) {
        withUnsafeBytes(of: value.littleEndian) { combine($0.bindMemory(to: UInt8.self)) }
    }

    /// 32 lowercase hexadecimal digits.
    public func finalizeHex() -> String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 32 - hex.count) + hex
    }
}
