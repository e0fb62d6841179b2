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
            append(form(of: scalar), to: &output, pendingSpace: &pendingSpace)
        }
        return String(output)
    }

    /// What one scalar of decomposed text becomes: nothing (an accent), a separator, or its lower-case scalars.
    private enum Form {
        case dropped, separator
        case letters([Unicode.Scalar])
    }

    private static func form(of scalar: Unicode.Scalar) -> Form {
        if (0x300...0x36F).contains(scalar.value) { return .dropped }
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return .separator }
        return .letters(Array(scalar.properties.lowercaseMapping.unicodeScalars))
    }

    /// Adds a scalar's form.
    private static func append(_ form: Form, to output: inout String.UnicodeScalarView, pendingSpace: inout Bool) {
        switch form {
        case .dropped: break
        case .separator: pendingSpace = true
        case .letters(let scalars): for scalar in scalars { append(letter: scalar, to: &output, pendingSpace: &pendingSpace) }
        }
    }

    /// Adds a letter, after one space when a separator came between it and earlier letters.
    private static func append(letter: Unicode.Scalar, to output: inout String.UnicodeScalarView, pendingSpace: inout Bool) {
        if pendingSpace && !output.isEmpty { output.append(" ") }
        pendingSpace = false
        output.append(letter)
    }

    /// Per scalar below U+0100: its canonical decomposition as `form(of:)` reads it, each kept scalar lower-cased (nil
    /// for a separator); nil where a lower-case mapping has several scalars (none does below U+0100 today). Plain
    /// scalars, so the loop retains nothing. A text of such scalars decomposes scalar by scalar (the marks canonical
    /// ordering would move are dropped), so `normalizeLatin1` gives what the general path gives, without Foundation's
    /// decomposition and the property look-ups: that path was a fifth of ingesting a survey whose rating matrix is
    /// answered with labels, as every cell is read through it (perf).
    private static let latin1Forms: [[Unicode.Scalar?]?] = (0..<256).map { value in
        var forms: [Unicode.Scalar?] = []
        for scalar in String(Unicode.Scalar(UInt8(value))).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch form(of: scalar) {
            case .dropped: continue
            case .separator: forms.append(nil)
            case .letters(let lower):
                guard lower.count == 1 else { return nil }
                forms.append(lower[0])
            }
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
                if let form { append(letter: form, to: &output, pendingSpace: &pendingSpace) } else { pendingSpace = true }
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
