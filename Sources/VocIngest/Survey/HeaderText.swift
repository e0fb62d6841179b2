import Foundation

/// Normalization used to compare headers with vocabulary phrases: accents removed, lower case,
/// every run of non-alphanumeric characters turned into a single space.
enum HeaderText {
    static func normalize(_ text: String) -> String {
        normalizeLatin1(text) ?? normalizeDecomposing(text)
    }

    /// `normalize` for any text: its canonical decomposition read scalar by scalar.
    static func normalizeDecomposing(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            append(scalar, to: &output, pendingSpace: &pendingSpace)
        }
        return String(output)
    }

    /// One scalar of the decomposed text: accents dropped, letters and digits lower-cased, anything else a separator.
    private static func append(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView, pendingSpace: inout Bool) {
        if (0x300...0x36F).contains(scalar.value) { return }
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            if pendingSpace && !output.isEmpty { output.append(" ") }
            pendingSpace = false
            output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        } else {
            pendingSpace = true
        }
    }

    /// Per scalar below U+0100: its canonical decomposition, as `normalize` reads it. A text of such scalars only
    /// decomposes scalar by scalar (the marks canonical ordering would move are dropped), so `normalizeLatin1` gives
    /// what the general path gives, without Foundation's decomposition and the property look-ups: that path was a
    /// fifth of ingesting a survey whose rating matrix is answered with labels, as every cell is read through it (perf).
    private static let latin1Decompositions: [[Unicode.Scalar]] = (0..<256).map { value in
        Array(String(Unicode.Scalar(UInt8(value))).decomposedStringWithCanonicalMapping.unicodeScalars)
    }

    /// Per scalar below U+0100: its normalized form (each scalar, or nil for a separator), decided once by the general
    /// rules; nil where a lower-case mapping has several scalars (none does below U+0100 today).
    private static let latin1Forms: [[Unicode.Scalar?]?] = latin1Decompositions.map { scalars in
        var forms: [Unicode.Scalar?] = []
        for scalar in scalars where !(0x300...0x36F).contains(scalar.value) {
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                forms.append(nil)
                continue
            }
            let lower = Array(scalar.properties.lowercaseMapping.unicodeScalars)
            guard lower.count == 1 else { return nil }
            forms.append(lower[0])
        }
        return forms
    }

    /// `normalize` of a text whose scalars are all below U+0100; nil for any other text (or a lower-case mapping of
    /// several scalars, which the table does not hold).
    private static func normalizeLatin1(_ text: String) -> String? {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            guard scalar.value < 0x100, let forms = latin1Forms[Int(scalar.value)] else { return nil }
            for form in forms {
                guard let form else {
                    pendingSpace = true
                    continue
                }
                if pendingSpace && !output.isEmpty { output.append(" ") }
                pendingSpace = false
                output.append(form)
            }
        }
        return String(output)
    }

    /// Whether `phrase` occurs in `header` as whole words (both already normalized).
    static func contains(_ header: String, phrase: String) -> Bool {
        if header == phrase { return true }
        return " \(header) ".contains(" \(phrase) ")
    }
}
