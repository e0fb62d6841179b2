import Foundation

/// Normalization used to compare headers with vocabulary phrases: accents removed, lower case,
/// every run of non-alphanumeric characters turned into a single space.
enum HeaderText {
    static func normalize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace && !output.isEmpty { output.append(" ") }
                pendingSpace = false
                output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                pendingSpace = true
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
