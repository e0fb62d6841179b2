import Foundation
import Testing
import VocCore
@testable import VocIngest
import VocTestSupport

/// The bug classes that real exports showed when the mapper trusted header phrases alone, each on a small file of
/// the same shape: the value profile must decide with the header.
@Suite struct ValueProfileMappingTests {
    /// `rows` data lines after `header`, each made by `row(i)`.
    static func file(_ header: String, rows: Int, _ row: (Int) -> String) -> String {
        ([header] + (0..<rows).map(row)).joined(separator: "\n") + "\n"
    }

    /// A yes/no recommend question is kept as its own measure, would recommend %: never NPS.
    @Test func aYesNoRecommendQuestionIsNeverNPS() throws {
        for (yes, no) in [("1", "0"), ("Yes", "No"), ("Sí", "No"), ("Sim", "Não"), ("yes", "NO")] {
            let text = Self.file("id,\"Based on your experience, would you recommend this bootcamp to your friends?\",Comments", rows: 40) {
                "\($0),\($0 % 5 == 0 ? no : $0 % 7 == 1 ? "" : yes),good course number \($0)"
            }
            let result = try ingest(text: text)
            let mapping = result.inspection.mapping
            #expect(mapping.column(for: .nps) == nil, "\(yes)/\(no) answers")
            #expect(mapping.column(for: .recommend) == 1)
            #expect(result.accepted.count == 40 && result.quarantined.isEmpty, "the file is read, nothing quarantined")
            #expect(mapping.rejections.contains { $0.role == .nps && $0.reason.hasPrefix("yes/no answers") })
            #expect(mapping.droppedRoles.isEmpty, "the question is kept, as would-recommend")
            #expect(result.accepted.allSatisfy { $0.nps == nil })
            let expected: [ScoreAnswer] = (0..<40).map { $0 % 5 == 0 ? .rating(0) : $0 % 7 == 1 ? .blank : .rating(1) }
            #expect(result.accepted.map(\.recommend) == expected)
        }
        // A recommend question with 0-10 answers stays NPS; a yes/no column whose header is not a recommend question
        // is neither.
        let both = try ingest(text: Self.file("id,How likely are you to recommend us?,Did you renew?,Would you recommend us? (yes/no)", rows: 30) {
            "\($0),\($0 % 11),\($0 % 2 == 0 ? "Yes" : "No"),\($0 % 3 == 0 ? "No" : "Yes")"
        })
        #expect(both.inspection.mapping.column(for: .nps) == 1)
        #expect(both.inspection.mapping.column(for: .recommend) == 3)
        #expect(both.accepted.filter { $0.recommend == .rating(1) }.count == 20)
        // A yes/no column the user names is read as yes/no whatever its header.
        var options = SurveyCSVOptions()
        options.overrides.columns[.recommend] = ["Did you renew?"]
        let named = try ingest(text: Self.file("id,Did you renew?,Comment", rows: 12) { "\($0),\($0 % 4 == 0 ? "no" : "sim"),fine \($0)" }, options: options)
        #expect(named.accepted.filter { $0.recommend == .rating(0) }.count == 3)
        #expect(named.quarantined.isEmpty)
    }

    @Test func theScoreColumnWinsOverALabelColumnThatIsReadAsCategories() throws {
        let bands = ["Detractor", "Passive", "Promoter"]
        let both = Self.file("Timestamp,NPS,How likely are you to recommend us to a friend?", rows: 30) {
            let score = $0 % 11
            return "2024-03-01,\(score >= 9 ? bands[2] : score >= 7 ? bands[1] : bands[0]),\(score)"
        }
        let scored = try ingest(text: both)
        #expect(scored.inspection.mapping.column(for: .nps) == 2, "the 0-10 column")
        #expect(scored.quarantined.isEmpty)
        #expect(scored.accepted.map { $0.nps?.answer.rating } == (0..<30).map { $0 % 11 })
        #expect(scored.inspection.mapping.npsCategoryColumn == 1, "the label column is kept to cross-check the scores")
        #expect(scored.inspection.mapping.npsCrossCheck.map { [$0.agreeing, $0.compared] } == [30, 30])
        let disagreeing = try ingest(text: Self.file("Timestamp,NPS,How likely are you to recommend us to a friend?", rows: 30) {
            "2024-03-01,\(bands[2]),\($0 % 11)"
        })
        #expect(disagreeing.inspection.mapping.npsCrossCheck.map { [$0.agreeing, $0.compared] } == [4, 30], "only the 9s and 10s are promoters")

        let categoriesOnly = Self.file("Timestamp,NPS,Comment", rows: 12) { "2024-03-01,\(bands[$0 % 3]),fine \($0)" }
        let categorized = try ingest(text: categoriesOnly)
        #expect(categorized.inspection.mapping.column(for: .nps) == 1)
        #expect(categorized.inspection.mapping.fits[.nps]?.summary == "Promoter/Passive/Detractor categories")
        #expect(categorized.accepted.map { $0.nps?.answer.rating } == (0..<12).map { [0, 8, 10][$0 % 3] }, "10/8/0 count the same in NPS")
    }

    @Test func anOptionOfAMultipleChoiceQuestionIsNeverAScore() throws {
        let text = Self.file("id,20 - Please choose the FIVE most important features [Easy to install the tool],20 - Please choose the FIVE most important features [Fast],Any comments?", rows: 20) {
            "\($0),\($0 % 3 == 0 ? "N/A" : "Yes"),Yes,ok \($0)"
        }
        let result = try ingest(text: text)
        #expect(result.inspection.mapping.column(for: .ces) == nil)
        #expect(result.quarantined.isEmpty)
        #expect(result.inspection.mapping.rejections.contains { $0.role == .ces && $0.reason.hasPrefix("one option of") })
    }

    /// Microsoft Forms (its completion time, not its start time) and Typeform (`Submit Date (UTC)`), in three languages.
    @Test(arguments: [
        ("ID,Start time,Completion time,Email,How likely are you to recommend us?", "1,3/14/24 10:22:33,3/14/24 10:25:01,ana@acme.com,9", "2024-03-14T10:25:01Z"),
        ("ID,Hora de inicio,Hora de finalización,Correo,¿Qué probabilidad hay de que recomiende Acme?", "1,14/3/24 10:22:33,14/3/24 10:25:01,ana@acme.com,9", "2024-03-14T10:25:01Z"),
        ("ID,Hora de início,Hora de conclusão,Email,Qual a probabilidade de você recomendar a Acme?", "1,14/03/2024 10:22:33,14/03/2024 10:25:01,ana@acme.com,9", "2024-03-14T10:25:01Z"),
        ("#,How likely are you to recommend us?,Start Date (UTC),Submit Date (UTC),Network ID", "ab12,10,2024-03-14 10:22:33,2024-03-14 10:25:01,x1", "2024-03-14T10:25:01Z"),
    ])
    func formsAndTypeformSubmissionTimes(_ header: String, _ row: String, _ expected: String) throws {
        let result = try ingest(text: header + "\n" + row + "\n")
        #expect(result.quarantined.isEmpty)
        #expect(result.accepted.first?.submittedAt == ISO8601DateFormatter().date(from: expected), "\(result.inspection.mapping.assignments.map(\.names))")
    }

    @Test func googleFormsTimestampsInAnyLocale() throws {
        let text = "Carimbo de data/hora,Qual é a probabilidade de você recomendar a Acme?\n"
            + "2024/09/11 2:59:45 PM GMT-3,9\n2024/09/11 3:01:02 PM GMT-3,10\n"
        let result = try ingest(text: text)
        #expect(result.quarantined.isEmpty)
        #expect(result.accepted.first?.submittedAt == ISO8601DateFormatter().date(from: "2024-09-11T17:59:45Z"))
    }

    @Test(arguments: [
        "What, if anything, hinders you from using it more?", "What did we do well?", "How could the product be improved?",
        "Especifique, por favor, as suas ideias, contributos e críticas.", "Tell us more", "¿Qué es lo que menos te gusta de usar R?",
    ])
    func everyOpenQuestionIsAComment(_ question: String) throws {
        let answers = ["The onboarding took too long for our team", "Pricing is unclear on the invoices", "Nothing, it works great",
                       "Support answers slowly on weekends", "Export to Excel breaks accents"]
        let text = Self.file("id,Timestamp,Which plan are you on?,\"\(question)\"", rows: 25) { "\($0),2024-03-01,\(["Basic", "Pro"][$0 % 2]),\(answers[$0 % 5]) (\($0))" }
        let result = try ingest(text: text)
        #expect(result.inspection.mapping.columns(for: .comment) == [3], "the open question, not the plan")
        #expect(result.accepted.first?.comment?.hasPrefix("The onboarding") == true)
    }

    /// Several open questions: each answer is kept with its question as a person reads it (Qualtrics: the
    /// question-text row, not `Q2`); the comment joins them; `NA` (R's missing value) and `n/a` are no answer. With
    /// one open question there are no separate answers.
    @Test func eachOpenQuestionIsKeptWithItsAnswer() throws {
        let well = ["Fast support on weekdays", "El equipo respondió rápido", "O suporte é excelente", "Clear invoices this time"]
        let improve = ["The mobile app crashes at login", "", "A exportação para Excel quebra os acentos", "Pricing tiers are confusing"]
        let text = Self.file("""
            StartDate,ResponseId,Q1,Q2,Q3
            Start Date,Response ID,How likely are you to recommend us?,What did we do well?,What should we improve?
            {"ImportId":"startDate"},{"ImportId":"_recordId"},{"ImportId":"QID1"},{"ImportId":"QID2_TEXT"},{"ImportId":"QID3_TEXT"}
            """, rows: 24) { "2024-03-01 10:00:00,R_\($0),\($0 % 11),\(well[$0 % 4]) \($0),\(improve[$0 % 4].isEmpty ? ["", "NA", "n/a"][$0 % 3] : "\(improve[$0 % 4]) \($0)")" }
        let result = try ingest(text: text)
        #expect(result.inspection.mapping.columns(for: .comment) == [3, 4])
        for (index, record) in result.accepted.enumerated() {
            var expected = [OpenAnswer(question: "What did we do well?", text: "\(well[index % 4]) \(index)")]
            if !improve[index % 4].isEmpty { expected.append(OpenAnswer(question: "What should we improve?", text: "\(improve[index % 4]) \(index)")) }
            #expect(record.answers == expected)
            #expect(record.comment == expected.map(\.text).joined(separator: "\n\n"))
        }
        let single = try ingest(text: Self.file("id,Timestamp,What should we improve?", rows: 12) { "\($0),2024-03-01,\(well[$0 % 4]) \($0)" })
        #expect(single.accepted.allSatisfy { $0.answers.isEmpty && $0.comment != nil })
    }

    /// The rows of a satisfaction or effort matrix are aspect ratings of the response, on the scale their answers
    /// show, never its CSAT or CES; a lone option under such a stem, or options of another question, are not.
    @Test func matrixRowsUnderASatisfactionOrEffortQuestionAreAspects() throws {
        let labels = ["Muy insatisfecho", "Insatisfecho", "Neutral", "Satisfecho", "Muy satisfecho"]
        let text = Self.file(
            "Marca temporal,¿Qué tan satisfecho está con cada aspecto? [Soporte],¿Qué tan satisfecho está con cada aspecto? [Facturación],"
            + "How easy was it to - Set up your account,How easy was it to - Pay an invoice,Which features do you use? [Reports],Comentarios",
            rows: 30) {
            "2024-03-01 10:00:00,\(labels[$0 % 5]),\($0 % 3 == 0 ? "" : labels[4 - $0 % 5]),\(1 + $0 % 7),\(7 - $0 % 7),\($0 % 2 == 0 ? "Sí" : "No"),comentario \($0)"
        }
        let result = try ingest(text: text)
        let mapping = result.inspection.mapping
        #expect(mapping.column(for: .csat) == nil && mapping.column(for: .ces) == nil, "a matrix row is never the response's CSAT or CES")
        #expect(mapping.aspects.map(\.column) == [1, 2, 3, 4])
        #expect(mapping.aspects.map(\.aspect) == ["Soporte", "Facturación", "Set up your account", "Pay an invoice"])
        #expect(mapping.aspects.map(\.kind) == [.csat, .csat, .ces, .ces])
        #expect(mapping.aspects.map(\.scale) == [.csat5, .csat5, .ces7, .ces7])
        #expect(mapping.droppedRoles.isEmpty, "kept as aspects, not dropped")
        #expect(result.quarantined.isEmpty && result.accepted.count == 30)
        for (index, record) in result.accepted.enumerated() {
            var expected = [AspectRating(question: "¿Qué tan satisfecho está con cada aspecto?", aspect: "Soporte", kind: .csat,
                                         answer: ScaledAnswer(.rating(1 + index % 5), on: .csat5))]
            if index % 3 != 0 {
                expected.append(AspectRating(question: "¿Qué tan satisfecho está con cada aspecto?", aspect: "Facturación", kind: .csat,
                                             answer: ScaledAnswer(.rating(5 - index % 5), on: .csat5)))
            }
            expected.append(AspectRating(question: "How easy was it to", aspect: "Set up your account", kind: .ces, answer: ScaledAnswer(.rating(1 + index % 7), on: .ces7)))
            expected.append(AspectRating(question: "How easy was it to", aspect: "Pay an invoice", kind: .ces, answer: ScaledAnswer(.rating(7 - index % 7), on: .ces7)))
            #expect(record.aspects == expected, "record \(index): blank rows are left out")
            #expect(record.csat == nil && record.ces == nil)
        }
        // One option under a satisfaction stem is no matrix.
        let lone = try ingest(text: Self.file("id,How satisfied are you with [Support],Comments", rows: 12) { "\($0),\(1 + $0 % 5),ok \($0) fine" })
        #expect(lone.inspection.mapping.aspects.isEmpty)
    }

    @Test func aClosedQuestionIsNotACommentWhateverItsHeaderSays() throws {
        let text = Self.file("id,Which statement most closely reflects the primary reason you use it? Comments welcome,Other feedback", rows: 40) {
            "\($0),\(["It was required for my work", "I was personally interested", "A colleague told me"][$0 % 3]),\($0 % 4 == 0 ? "\"Great tool, but docs could improve number \($0)\"" : "")"
        }
        let result = try ingest(text: text)
        #expect(result.inspection.mapping.columns(for: .comment) == [2])
        #expect(result.inspection.mapping.rejections.contains { $0.role == .comment && $0.column == 1 })
    }

    @Test func multiSelectAnswersAreNotComments() throws {
        let options = ["Data analysis", "Teaching", "Web apps", "Reporting", "Statistics"]
        let text = Self.file("id,What would you use it for? (check all that apply)", rows: 30) { index in
            "\(index),\"" + options.enumerated().filter { (index >> $0.offset) & 1 == 1 || $0.offset == index % 5 }.map(\.element).joined(separator: ", ") + "\""
        }
        let result = try ingest(text: text)
        #expect(result.inspection.mapping.columns(for: .comment).isEmpty)
    }

    @Test(arguments: [
        ("How satisfied are you with support?", ["Very satisfied", "Satisfied", "Neither satisfied nor dissatisfied", "Dissatisfied"], ColumnRole.csat, [5, 4, 3, 2]),
        ("¿Qué tan satisfecho está con el soporte?", ["Muy satisfecho", "Satisfecho", "Insatisfecho", "Muy insatisfecho"], .csat, [5, 4, 2, 1]),
        ("Nível de satisfação com o atendimento", ["5 (muito bom)", "4 (bom)", "3 (regular)", "1 (muito ruim)"], .csat, [5, 4, 3, 1]),
        ("How easy was it to solve your problem?", ["Very easy", "Somewhat easy", "Somewhat difficult", "Very difficult"], .ces, [5, 4, 2, 1]),
        ("La empresa me facilitó resolver mi problema", ["Totalmente de acuerdo", "De acuerdo", "En desacuerdo", "Totalmente en desacuerdo"], .ces, [5, 4, 2, 1]),
    ])
    func labelledRatingsAreReadAsTheirNumbers(_ header: String, _ labels: [String], _ role: ColumnRole, _ values: [Int]) throws {
        let text = Self.file("id,\"\(header)\"", rows: 20) { "\($0),\(labels[$0 % labels.count])" }
        let result = try ingest(text: text)
        #expect(result.inspection.mapping.column(for: role) == 1, "\(result.inspection.mapping.rejections)")
        #expect(result.quarantined.isEmpty)
        let read = result.accepted.map { (role == .csat ? $0.csat : $0.ces)?.answer.rating }
        #expect(read == (0..<20).map { values[$0 % values.count] })
    }

    /// A 1-10 agreement question about recommending (its legend in the header) is not NPS, and `voc inspect` says so
    /// for that reason, not as an option of a question (the legend's " - " is no question/option separator).
    @Test func anAgreementScaleAboutRecommendingIsNotNPS() throws {
        let text = Self.file("id,\"Would you recommend us, and why?10 - strongly agree, 1 - strongly disagree.\",Why?", rows: 20) {
            "\($0),\($0 % 10 + 1),because \($0)"
        }
        let mapping = try ingest(text: text).inspection.mapping
        #expect(mapping.column(for: .nps) == nil)
        #expect(mapping.rejections.first { $0.role == .nps }?.reason == "the header states an agreement scale, not a 0-10 likelihood")
    }

    @Test func aFiveLevelLikelihoodLabelIsNotNPS() throws {
        let text = Self.file("id,Qual a probabilidade de recomendar a Acme?", rows: 20) {
            "\($0),\(["Nada provável", "Pouco provável", "Provável", "Muito provável"][$0 % 4])"
        }
        #expect(try ingest(text: text).inspection.mapping.column(for: .nps) == nil)
    }

    @Test func aFewBadValuesAreQuarantinedAndAMostlyWrongColumnIsDropped() throws {
        let few = Self.file("id,How likely are you to recommend us?", rows: 30) { "\($0),\($0 == 7 ? "6.5" : $0 == 8 ? "11" : "\($0 % 11)")" }
        let kept = try ingest(text: few)
        #expect(kept.inspection.mapping.column(for: .nps) == 1)
        #expect(kept.quarantined.map(\.reason) == [.nonIntegerScore, .scoreOutOfScale])
        #expect(kept.accepted.count == 28)

        let wrong = Self.file("id,How likely are you to recommend us?,Comment", rows: 30) { "\($0),\($0 % 3 == 0 ? "9" : "Maybe"),hello \($0)" }
        let dropped = try ingest(text: wrong)
        #expect(dropped.inspection.mapping.column(for: .nps) == nil)
        #expect(dropped.quarantined.isEmpty && dropped.accepted.count == 30)
        #expect(dropped.inspection.mapping.droppedRoles.first?.rejections.first?.reason.contains("20 of 30 answers are not 0-10 numbers") == true)
    }

    @Test func csatTakesTheScaleItsAnswersShow() throws {
        let tenPoint = try ingest(text: Self.file("id,Overall satisfaction", rows: 30) { "\($0),\($0 % 10 + 1)" })
        #expect(tenPoint.inspection.scales.csat.maximum == 10 && tenPoint.inspection.scales.csat.favourable == 8...10)
        // One stray 6 on a 1-5 question is a bad value, not a 7-point scale.
        let stray = try ingest(text: Self.file("id,Overall satisfaction", rows: 30) { "\($0),\($0 == 3 ? 6 : $0 % 5 + 1)" })
        #expect(stray.inspection.scales.csat.maximum == 5)
        #expect(stray.quarantined.map(\.reason) == [.scoreOutOfScale])
        // Labelled ends around digits: `Strongly agree`, 2-9, `Strongly disagree` is a 1-10 scale.
        let ends = try ingest(text: Self.file("id,Are you satisfied with the support?", rows: 30) {
            "\($0),\($0 % 9 == 0 ? "Strongly agree" : $0 % 9 == 1 ? "Strongly disagree" : "\($0 % 8 + 2)")"
        })
        #expect(ends.inspection.scales.csat.minimum == 1 && ends.inspection.scales.csat.maximum == 10)
        #expect(ends.accepted.first?.csat?.answer.rating == 10)
    }
}
