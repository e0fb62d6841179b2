extension UInt8 {
    /// The byte with an ASCII capital (`A`-`Z`) lowered; every other byte, UTF-8 lead and continuation bytes
    /// included, unchanged.
    @inlinable public var asciiLowercased: UInt8 {
        self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self
    }

    /// A space, tab, carriage return or line feed: the white space that byte-level trimming and splitting skip.
    @inlinable public var isASCIISpace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0D || self == 0x0A
    }
}
