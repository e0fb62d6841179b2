import Testing
@testable import VocIngest

@Suite struct ByteLowercasingTests {
    @Test func everyScalarLowersAsTheStandardLibraryDoes() {
        var differences: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A\(scalar)z"
            if text.lowercasedByBytes() != text.lowercased() { differences.append(String(value, radix: 16)) }
        }
        #expect(differences.isEmpty, "differs at U+\(differences.prefix(10))")
    }

    @Test func mixedTextLowersAsTheStandardLibraryDoes() {
        for text in ["El LUN, 4 MAR 2024, Soporte ESCRIBIÓ:", "Em SEG, JOÃO ESCREVEU:", "ÀÉÎÕÜ × ÇÑ ÿ", "İSTANBUL ΣΟΦΊΑ", "😀 OK 👍🏽", "", "already lower"] {
            #expect(text.lowercasedByBytes() == text.lowercased(), "\(text)")
        }
    }
}
