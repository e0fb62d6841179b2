import Testing
@testable import VocIngest

@Suite struct TrimmingSpacesTests {
    /// What `trimmingSpaces` promises, written the plain way.
    private func reference(_ text: String) -> String {
        let isTrimmed = { (scalar: Unicode.Scalar) in " \t\r\n\u{A0}".unicodeScalars.contains(scalar) }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }

    @Test(arguments: ["", " ", "\u{A0}", " \u{A0}\t\r\n", "abc", "  abc  ", "\u{A0}ação\u{A0}", "e\u{301} ", " \u{301}x", "\u{A0}\u{A0}Â", "Â\u{A0}",
                      "x\u{C2}", "\r\nline\r\n", "\u{2003}em space\u{2003}", "👍🏽 \u{A0}"])
    func trimsSpacesTabsLineBreaksAndNoBreakSpaces(_ text: String) {
        #expect(text.trimmingSpaces == reference(text))
        #expect(Substring(text).trimmingSpaces == reference(text))
    }
}
