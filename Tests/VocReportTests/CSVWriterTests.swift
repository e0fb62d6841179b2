import Testing
import VocReport

@Suite struct CSVWriterTests {
    @Test func cellsThatBreakARowAreQuoted() {
        let csv = CSVWriter()
        #expect(csv.cell("plain text") == "plain text")
        #expect(csv.cell("a, b") == "\"a, b\"")
        #expect(csv.cell("she said \"no\"") == "\"she said \"\"no\"\"\"")
        // CRLF is one Character in Swift: a Character-based check missed it and broke the row.
        #expect(csv.cell("line one\r\nline two") == "\"line one\r\nline two\"")
        // A quote followed by a combining accent is one Character too; its quote must still be doubled.
        #expect(csv.cell("x\"\u{301}y") == "\"x\"\"\u{301}y\"")
        #expect(csv.cell("comma,\u{301}accent") == "\"comma,\u{301}accent\"")
        #expect(csv.row(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
    }

    @Test func formulasAreDefusedAndNumbersKept() {
        let csv = CSVWriter()
        #expect(csv.cell("=SUM(A1:A9)") == "'=SUM(A1:A9)")
        #expect(csv.cell("+1 555 0100") == "'+1 555 0100")
        #expect(csv.cell("@cmd") == "'@cmd")
        #expect(csv.cell("-12.5") == "-12.5")
        #expect(csv.cell("\t=1,2") == "\"'\t=1,2\"")
    }

    @Test func excelUsesSemicolons() {
        let csv = CSVWriter(excel: true)
        #expect(csv.preamble == "\u{FEFF}")
        #expect(csv.cell("1,5") == "1,5")
        #expect(csv.cell("a; b") == "\"a; b\"")
        #expect(csv.row(["x", "y"]) == "x;y\r\n")
    }
}
