import VocCore

extension String {
    /// The same as `lowercased()`, computed on the UTF-8 bytes: ASCII and Latin-1 capitals directly, any other scalar
    /// through its Unicode lower-case mapping. The standard library looks up every scalar's properties, which is costly
    /// on mostly-Latin mail bodies.
    func lowercasedByBytes() -> String {
        var text = self
        return text.withUTF8 { bytes in
            guard Self.mayChangeWhenLowercased(bytes) else { return self }
            // Written straight into the string's storage (an array first, then a copy into a string, before).
            return String(unsafeUninitializedCapacity: Self.lowercasedCapacity(bytes)) { Self.lowercase(bytes, into: $0) }
        }
    }

    /// The UTF-8 bytes of `lowercasedByBytes()`, for matching on bytes: no string is made of them, so they are not
    /// validated again.
    func lowercasedUTF8() -> [UInt8] {
        var text = self
        return text.withUTF8 { bytes in
            guard Self.mayChangeWhenLowercased(bytes) else { return Array(bytes) }
            return [UInt8](unsafeUninitializedCapacity: Self.lowercasedCapacity(bytes)) { output, count in
                count = Self.lowercase(bytes, into: output)
            }
        }
    }

    private static func mayChangeWhenLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 }
    }

    /// A lower-case mapping is at most 1.5 times as long in UTF-8 (İ, 2 bytes, becomes i̇, 3 bytes).
    private static func lowercasedCapacity(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { bytes.count * 3 / 2 + 4 }

    /// Writes the lower case of valid UTF-8 `bytes` into `output` (at least `lowercasedCapacity` long); its length.
    private static func lowercase(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        func put(_ byte: UInt8) {
            output[count] = byte
            count += 1
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                put(byte.asciiLowercased)
                index += 1
            } else if byte == 0xC3, index + 1 < bytes.count, (0x80...0x9E).contains(bytes[index + 1]), bytes[index + 1] != 0x97 {
                // À-Þ (but not ×) are U+00C0-U+00DE; their lower case is 0x20 further.
                put(0xC3)
                put(bytes[index + 1] + 0x20)
                index += 2
            } else {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = Swift.min(index + length, bytes.count)
                let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                if let first = scalar.unicodeScalars.first, first.properties.changesWhenLowercased {
                    for byte in first.properties.lowercaseMapping.utf8 { put(byte) }
                } else {
                    for byte in bytes[index..<end] { put(byte) }
                }
                index = end
            }
        }
        return count
    }
}
