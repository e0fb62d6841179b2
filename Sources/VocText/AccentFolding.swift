/// Removes diacritics from Latin letters (`ação` → `acao`, `ñ` → `n`) for accent-insensitive matching.
/// Only used as a fallback form: the accented norm is always tried first, because accents can change meaning
/// (`pena`/`peña`, `más`/`mas`).
public enum AccentFolding {
    /// On the UTF-8 bytes: every letter folded here is in U+00C0-U+00FF (`C3 80`-`C3 BF`), looked up in a 64-entry
    /// table rather than a scalar walk with a dictionary look-up per accented letter.
    public static func fold(_ text: String) -> String {
        guard !text.isASCIIBytes else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0xC3, byte >= 0x80, byte <= 0xBF, case let base = latin1[Int(byte - 0x80)], base != 0 {
                output[output.count - 1] = base
                previous = 0
                continue
            }
            output.append(byte)
            previous = byte
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// For U+00C0-U+00FF: the letter without its diacritic, 0 when it has none to remove.
    private static let latin1: [UInt8] = {
        let pairs: [(String, Character)] = [
            ("áàâãäå", "a"), ("éèêë", "e"), ("íìîï", "i"), ("óòôõö", "o"), ("úùûü", "u"), ("ç", "c"), ("ñ", "n"), ("ý", "y"),
            ("ÁÀÂÃÄÅ", "A"), ("ÉÈÊË", "E"), ("ÍÌÎÏ", "I"), ("ÓÒÔÕÖ", "O"), ("ÚÙÛÜ", "U"), ("Ç", "C"), ("Ñ", "N"),
        ]
        var table = [UInt8](repeating: 0, count: 64)
        for (accented, base) in pairs {
            for scalar in accented.unicodeScalars { table[Int(scalar.value - 0xC0)] = base.asciiValue! }
        }
        return table
    }()
}
