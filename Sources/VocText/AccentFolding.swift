/// Removes diacritics from Latin letters (`ação` → `acao`, `ñ` → `n`) for accent-insensitive matching.
/// Only used as a fallback form: the accented norm is always tried first, because accents can change meaning
/// (`pena`/`peña`, `más`/`mas`).
public enum AccentFolding {
    public static func fold(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                result.append(scalar)
            } else if let base = table[scalar] {
                result.append(base)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static let table: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, Unicode.Scalar)] = [
            ("áàâãäå", "a"), ("éèêë", "e"), ("íìîï", "i"), ("óòôõö", "o"), ("úùûü", "u"), ("ç", "c"), ("ñ", "n"), ("ý", "y"),
            ("ÁÀÂÃÄÅ", "A"), ("ÉÈÊË", "E"), ("ÍÌÎÏ", "I"), ("ÓÒÔÕÖ", "O"), ("ÚÙÛÜ", "U"), ("Ç", "C"), ("Ñ", "N"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (accented, base) in pairs {
            for scalar in accented.unicodeScalars { table[scalar] = base }
        }
        return table
    }()
}
