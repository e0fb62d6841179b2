import Testing
@testable import VocReport

@Suite struct TextTableTests {
    static func accounts() -> TextTable {
        var table = TextTable(columns: [
            .init("ACCOUNT"), .init("NAME", cut: .end), .init("NPS", alignRight: true), .init("TOPICS", cut: .end, dropOrder: 2),
            .init("LAST", dropOrder: 1), .init("FILE", cut: .start),
        ])
        table.append(["globex.mx", "Globex México Sociedad Anónima", "-100.0", "billing,pricing,support", "2024-03-13", "corpora/surveys/generic_en.csv"])
        table.append(["northwind.com", "Northwind Traders", "+33.3", "", "2023-11-22", "corpora/surveys/googleforms_pt.csv"])
        return table
    }

    @Test func withoutALimitEveryCellIsWhole() {
        let lines = Self.accounts().render().split(separator: "\n")
        #expect(lines[1].contains("Globex México Sociedad Anónima"))
        #expect(lines[1].contains("billing,pricing,support"))
        #expect(lines[0].hasPrefix("ACCOUNT        NAME"))
    }

    @Test func optionalColumnsGoFirstThenTextIsCutAndIdentifiersNever() {
        for width in [60, 80] {
            let text = Self.accounts().render(maxWidth: width)
            let lines = text.split(separator: "\n")
            #expect(lines.allSatisfy { $0.count <= width }, "fits \(width): \(text)")
            #expect(lines[1].hasPrefix("globex.mx "), "the id is whole at \(width)")
            #expect(lines[2].hasPrefix("northwind.com "), "the id is whole at \(width)")
            #expect(!lines[0].contains("TOPICS"), "the first optional column is dropped at \(width)")
        }
        let narrow = Self.accounts().render(maxWidth: 60)
        #expect(!narrow.contains("LAST"))
        let first = narrow.split(separator: "\n")[1]
        #expect(first.hasSuffix("generic_en.csv") && first.contains("…"), "a path is cut from the left: \(narrow)")
        #expect(narrow.contains("-100.0") && narrow.contains("+33.3"), "numbers are never cut")
    }

    @Test func aTableThatFitsKeepsItsOptionalColumns() {
        let text = Self.accounts().render(maxWidth: 200)
        #expect(text == Self.accounts().render())
    }
}
