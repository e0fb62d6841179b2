extension UInt8 {
    /// The byte with an ASCII capital (`A`-`Z`) lowered; every other byte, UTF-8 lead and continuation bytes
    /// included, unchanged.
    @inlinable public var asciiLowercased: UInt8 {
        self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self
    }
}
