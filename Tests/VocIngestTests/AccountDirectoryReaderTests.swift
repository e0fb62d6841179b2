import Foundation
import Testing
import VocCore
@testable import VocIngest
import VocTestSupport

@Suite struct AccountDirectoryReaderTests {
    static let reader = try! AccountDirectoryReader(lexicons: Fixtures.lexicons, vocabulary: ColumnVocabulary.load(from: Fixtures.lexicons))

    @Test func amountsAsCRMsWriteThem() {
        #expect(MoneyParser.parse("120000") == 120_000)
        #expect(MoneyParser.parse("$240,000") == 240_000)
        #expect(MoneyParser.parse("310,000.00") == 310_000)
        #expect(MoneyParser.parse("R$ 1.150.000,00") == 1_150_000)
        #expect(MoneyParser.parse("95.833,33") == 95_833.33)
        #expect(MoneyParser.parse("1.500") == 1_500)
        #expect(MoneyParser.parse("12,5") == 12.5)
        #expect(MoneyParser.parse("€95k") == 95_000)
        #expect(MoneyParser.parse("1.2M") == 1_200_000)
        #expect(MoneyParser.parse("twelve thousand") == nil)
        #expect(MoneyParser.parse("-500") == nil)
    }

    @Test func aPortugueseExportWithMonthlyRevenueAndDayFirstDates() throws {
        let result = try Self.reader.read(path: Fixtures.corpora.appendingPathComponent("crm/contas_pt.csv").path)
        #expect(result.read == 2)
        #expect(result.problems.isEmpty)
        let contoso = try #require(result.accounts.first)
        #expect(contoso.id == "CT-2002")
        #expect(contoso.name == "Contoso Brasil")
        #expect(contoso.domains == ["contoso.com.br"])
        #expect(abs((contoso.arr ?? 0) - 95_833.33 * 12) < 0.01, "MRR is annualized")
        #expect(contoso.renewal == Date(timeIntervalSince1970: 1_727_654_400), "30/09/2024 is day-first in a Portuguese export")
        #expect(result.accounts[1].owner == nil)
    }

    @Test func everyRowIsImportedOrReportedWithItsLine() throws {
        let result = try Self.reader.read(path: Fixtures.corpora.appendingPathComponent("crm/accounts.csv").path)
        #expect(result.read == result.accounts.count + result.rejected)
        #expect(result.accounts.map(\.id) == ["NW-1001", "CT-2002", "GX-3003", "IN-4004", "UM-5005", "WE-6006", "SK-7007"])
        #expect(result.accounts[0].domains == ["northwind.com", "northwind.co.uk"])
        #expect(result.accounts[0].segment == "high-touch")
        #expect(result.accounts[3].domains == ["initech.es", "initech.pt"])
        #expect(result.accounts[6].domains == ["starksolar.com"], "gmail.com is dropped")
        #expect(result.problems.map(\.action) == ["dropped", "rejected", "rejected", "rejected"])
    }

    /// A status column in any of the three languages: churned, cancelado, inativo… are churned; an unknown status is
    /// reported and read as active (none).
    @Test func aStatusColumnIsReadInThreeLanguages() throws {
        let text = """
            Conta,Situação,ARR
            A-1,Ativo,100
            A-2,Cancelado,200
            A-3,Inativa,300
            A-4,Churned,400
            A-5,Dado de baja,500
            A-6,Em negociação,600
            A-7,,700
            """
        let result = try Self.reader.read(path: Fixtures.write(text, name: "crm.csv"))
        #expect(result.accounts.map(\.status) == [.active, .churned, .churned, .churned, .churned, nil, nil])
        #expect(result.problems.map(\.line) == [7] && result.problems.first?.message.hasPrefix("status 'Em negociação' is neither active nor churned") == true)
        let june = try Self.reader.read(path: Fixtures.corpora.appendingPathComponent("crm/accounts_2024-06-30.csv").path)
        #expect(june.accounts.filter { $0.status == .churned }.map(\.id) == ["GX-3003"] && june.problems.isEmpty)
    }

    @Test func aFileWithoutAnIdColumnIsAnError() {
        let path = Fixtures.write("Company,Revenue\nAcme,100\n")
        #expect(throws: VocError.self) { try Self.reader.read(path: path) }
    }

    @Test func aCP1252ExportWithSemicolons() throws {
        let header = Array("Cuenta;Empresa;Dominio;Facturaci".utf8) + [0xF3] + Array("n anual\n".utf8)
        let body = Array("IN-4004;Initech Espa".utf8) + [0xF1, 0x61] + Array(";initech.es;72.500\n".utf8)
        let result = try Self.reader.read(path: Fixtures.write(header + body))
        #expect(result.accounts.first?.name == "Initech España")
        #expect(result.accounts.first?.arr == 72_500)
        #expect(result.accounts.first?.domains == ["initech.es"])
    }
}
