public import ArgumentParser
import Foundation
import VocReport
public import VocScore
import VocStore

extension RetentionPeriod: ExpressibleByArgument {}

/// `voc retention`: logo churn, gross and net revenue retention per period, from the CRM snapshots.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Churn and revenue retention per period (logo churn, GRR, NRR) from the CRM snapshots of voc accounts import --as-of.",
        discussion: """
            Each period is read from the snapshot in force at its start (the latest dated on or before it) and one \
            dated on its last day or the next period's first (its end). Churned: active at the start, absent or marked churned at the end. New: active at \
            the end only. Contraction and expansion: the ARR moves of the accounts active at both. Logo churn rate = \
            churned ÷ accounts at the start; GRR = (ARR at start − churned − contraction) ÷ ARR at start; NRR adds \
            expansion back; all in %. A period the snapshots do not cover from start to end is not reported.
            """)

    @Option(name: .long, help: "The period: month, quarter or year.")
    var period: RetentionPeriod = .quarter

    @Flag(name: .long, help: "One row per segment (the account's segment at the period's start; new accounts' at its end).")
    var bySegment = false

    @Option(name: .long, help: ArgumentHelp("Only the accounts this CSM owns.", valueName: "name"))
    var csm: String?

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let store = try await storeOptions.open()
        let snapshots = try await store.snapshots()
        let rows = RetentionAnalysis(owner: csm, bySegment: bySegment).rows(snapshots, period: period)
        switch output.format {
        case .json: Console.out(JSONOutput.encode(rows, pretty: true))
        case .ndjson: for row in rows { Console.out(JSONOutput.encode(row, pretty: false)) }
        case .csv: Console.out(Self.csv(rows, output.csv), terminator: "")
        case .table:
            guard !rows.isEmpty else {
                Console.out(snapshots.count < 2
                            ? "retention needs two CRM snapshots at least; \(store.location) has \(snapshots.count) (voc accounts import FILE --as-of DATE)"
                            : "no \(period.rawValue) is covered by a snapshot at its start and one at its end; snapshots: "
                              + snapshots.map { Formatting.day($0.date) }.joined(separator: ", "))
                return
            }
            Console.out(Self.table(rows, bySegment: bySegment))
        }
    }

    static func table(_ rows: [RetentionRow], bySegment: Bool) -> String {
        var table = TextTable(columns: [
            .init("PERIOD"), .init("SEGMENT"), .init("START", alignRight: true), .init("CHURNED", alignRight: true), .init("NEW", alignRight: true),
            .init("CHURN%", alignRight: true), .init("ARR START", alignRight: true), .init("CHURNED ARR", alignRight: true, dropOrder: 3),
            .init("CONTRACTION", alignRight: true, dropOrder: 2), .init("EXPANSION", alignRight: true, dropOrder: 1),
            .init("GRR%", alignRight: true), .init("NRR%", alignRight: true),
        ].filter { bySegment || $0.title != "SEGMENT" })
        for row in rows {
            let period = "\(Formatting.day(row.periodStart))..\(Formatting.day(row.periodEnd.addingTimeInterval(-1)))"
            table.append([period] + (bySegment ? [row.segment ?? ""] : []) + [
                "\(row.accountsStart)", "\(row.churned)", "\(row.new)", Formatting.fixed(row.logoChurnRate), Formatting.money(row.arrStart),
                Formatting.money(row.churnedArr), Formatting.money(row.contractionArr), Formatting.money(row.expansionArr),
                Formatting.fixed(row.grr), Formatting.fixed(row.nrr),
            ])
        }
        return table.render(maxWidth: Console.width)
    }

    static func csv(_ rows: [RetentionRow], _ csv: CSVWriter) -> String {
        let number = { (value: Double?) in value.map { "\($0)" } ?? "" }
        var text = csv.preamble + csv.row(["period_start", "period_end", "segment", "accounts_start", "churned", "new", "logo_churn_rate", "arr_start",
                                           "churned_arr", "contraction_arr", "expansion_arr", "grr", "nrr"])
        for row in rows {
            text += csv.row([Formatting.iso8601(row.periodStart), Formatting.iso8601(row.periodEnd), row.segment ?? "", "\(row.accountsStart)",
                             "\(row.churned)", "\(row.new)", number(row.logoChurnRate), number(row.arrStart), number(row.churnedArr),
                             number(row.contractionArr), number(row.expansionArr), number(row.grr), number(row.nrr)])
        }
        return text
    }
}
