import Foundation
import Testing
@testable import VocIngest
import VocCore
import VocTestSupport

let stripper: ReplyStripper = try! ReplyStripper.load(from: Fixtures.lexicons)

func ingestMail(_ path: String) throws -> (counts: IngestCounts, events: [IngestEvent]) {
    var source = try RecordSources.open(path: path, vocabulary: vocabulary, stripper: stripper)
    var events: [IngestEvent] = []
    while let event = try source.next() { events.append(event) }
    return (source.counts, events)
}

@Suite struct MailIngesterTests {
    let sample = Fixtures.corpora.appendingPathComponent("email/support_inbox_es_pt_en.mbox").path

    @Test func sampleMailboxIsSplitDecodedAndStripped() throws {
        #expect(try InputFormat.sniff(path: sample) == .mbox)
        let result = try ingestMail(sample)
        #expect(result.counts.read == 6)
        #expect(result.counts.accepted == 4)
        #expect(result.counts.skipped == 2)
        let skipped: [SkipReason] = result.events.compactMap { event -> SkipReason? in
            if case .skipped(let reason, _) = event { return reason }
            return nil
        }
        #expect(skipped == [.autoReply, .bounce])
        let records = result.events.compactMap(\.accepted)
        let first = records[0]
        #expect(first.subject == "Atención ñandú", "encoded words split mid-character are joined")
        #expect(first.respondentEmail == "carmen.vidal@initech.es")
        #expect(first.authorName == "Carmen Vidal")
        #expect(first.accountID == "initech.es")
        #expect(first.responseID == "msg-0001@initech.es")
        #expect(first.submittedAt == Date(timeIntervalSince1970: 1_710_145_800))
        #expect(first.comment?.hasSuffix("From the docs we understood this was supported.") == true, ">From is unquoted")
        #expect(first.comment?.contains("escribió") == false)
        #expect(first.quoted?.contains("estamos revisando el caso") == true, "stripped text is kept aside")
        #expect(first.quoted?.contains("Carmen Vidal") == true, "signature is stripped")
        #expect(records[1].subject == "Relatório mensal")
        #expect(records[1].comment == "O relatório mensal deixa a desejar, mas o atendimento foi ótimo. Precisei ligar três vezes.")
        #expect(records[1].thread == "root-1@acme.example")
        #expect(records[2].comment == "¡Excelente servicio! El equipo de implantación es de primera.", "HTML to text, script and quoted header block removed")
        #expect(records[3].comment == "We were charged twice – please refund the second payment. Not happy.")
    }

    @Test func reingestingGivesTheSameKeys() throws {
        let first = try ingestMail(sample).events.compactMap(\.accepted).map(\.key)
        let second = try ingestMail(sample).events.compactMap(\.accepted).map(\.key)
        #expect(first == second)
        #expect(Set(first).count == first.count)
    }

    @Test(arguments: [
        ("Thanks!\n\nOn Mon, Apr 2, 2012 at 6:26 PM, Bob <bob@example.com> wrote:\n> hi", "Thanks!"),
        ("Gracias\n\nEl lun, 4 mar 2024 a las 10:00, Soporte\n(<s@acme.example>) escribió:\n> hola", "Gracias"),
        ("Obrigado\n\nEm 10 de mar. de 2024, às 09:31, Suporte <s@acme.example> escreveu:\n> oi", "Obrigado"),
        ("Ok\n\nDe: Soporte\nEnviado el: martes\nPara: Ana\nAsunto: Encuesta\n\ntexto", "Ok"),
        ("Certo\n\nDe: Suporte\nEnviada em: terça\nPara: Ana\nAssunto: Pesquisa", "Certo"),
        ("Fine\n-----Original Message-----\nFrom: x", "Fine"),
        ("Vale\n\n---- Mensaje original ----\nDe: x", "Vale"),
        ("Sim\n\nEnviado do meu iPhone", "Sim"),
        ("Sí\n\nEnviado desde mi iPhone", "Sí"),
        ("Yes\n\nSent from my Android", "Yes"),
        ("Body\n-- \nJane Doe\nCEO", "Body"),
    ])
    func repliesForwardsAndSignaturesAreStrippedInEveryLanguage(_ text: String, _ own: String) {
        #expect(stripper.strip(text).own == own)
    }

    @Test func linesSplitAtEveryLineEndAndKeepEmptyOnes() {
        func lines(_ text: String) -> [String] {
            Array(text.utf8).withUnsafeBufferPointer { bytes in ReplyStripper.lines(bytes).map { String(decoding: bytes[$0], as: UTF8.self) } }
        }
        #expect(lines("a\r\nb\rc\n\nd\n") == ["a", "b", "c", "", "d", ""])
        #expect(lines("") == [""])
        #expect(lines("ação\r\n\r\n> não") == ["ação", "", "> não"])
        #expect(stripper.strip("Gracias\r\n\r\nEl lun, 4 mar 2024, Soporte escribió:\r\n> hola").own == "Gracias")
        #expect(stripper.strip("Gracias\n\nEL LUN, 4 MAR 2024, SOPORTE ESCRIBIO\u{301}:\n> hola").own == "Gracias", "decomposed accents, capitals")
        #expect(stripper.strip("\u{A0} Obrigado\u{A0}\n\nEnviado do meu iPhone").own == "Obrigado", "no-break spaces trimmed")
    }

    @Test func encodedWordsAndParameters() {
        #expect(Substring("ção =?x?=").range(ofText: "=?").map { "ção =?x?="[$0] } == "=?")
        #expect(Substring("a?b=").range(ofText: "?=") == nil)
        #expect(EncodedWords.decode("=?UTF-8?B?w6fDo28=?= e =?UTF-8?Q?n=C3=A3o?=") == "ção e não")
        #expect(EncodedWords.decode("=?UTF-8?Q?Caf=C3=A9?= =?UTF-8?Q?_con_leche?=") == "Café con leche")
        #expect(EncodedWords.decode("Re: =?iso-8859-1?q?Informaci=F3n?= urgente") == "Re: Información urgente")
        #expect(EncodedWords.decode("=?broken") == "=?broken")
        #expect(EncodedWords.decode("ção =?x?Q?bad payload?= =?UTF-8?Q?ok?=") == "ção =?x?Q?bad payload?= ok", "a word with a space is text")
        #expect(EncodedWords.decode("=?UTF-8?Q?a?= =?ISO-8859-1?Q?=E9?=") == "aé", "space dropped between words of two charsets")
        #expect(EncodedWords.decode("=?UTF-8?B?w6fDo28=?=") == "ção" && EncodedWords.decode("=?utf-8?Q??=") == "")
        #expect(MIMEContentType("attachment; filename*0*=utf-8''fa; filename*1*=ct%C3%BAra.pdf").parameter("filename") == "factúra.pdf")
        #expect(MIMEContentType("text/plain; charset=\"ISO-8859-15\"").charset == "ISO-8859-15")
        #expect(CharsetDecoder.decode([0xA4], charset: "iso-8859-15") == "€")
        #expect(CharsetDecoder.decode([0x93, 0x94], charset: "bogus-charset") == "“”", "an unknown charset falls back without failing")
        #expect(CharsetDecoder.decode(Array("ação".utf8), charset: "iso-8859-1") == "aÃ§Ã£o", "a lying label is decoded as labelled")
        #expect(CharsetDecoder.decode([0x82, 0xA0], charset: "shift_jis") == "あ", "other charsets go through iconv")
    }

    @Test func rawEightBitTextInsideAnEncodedWordIsDecodedOnce() {
        // The header is read as Windows-1252 (0xF6 is not UTF-8); the iso-8859-1 word must not decode "ö" again.
        let header = CharsetDecoder.decode(Array("=?iso-8859-1?Q?Die_Fr".utf8) + [0xF6] + Array("sche?=".utf8), charset: nil)
        #expect(EncodedWords.decode(header) == "Die Frösche")
        #expect(EncodedWords.decode("=?utf-8?Q?Fr\u{F6}sche?=") == "Frösche", "raw UTF-8 in a UTF-8 word")
        #expect(Windows1252.byte("€") == 0x80 && Windows1252.byte("é") == 0xE9 && Windows1252.byte("あ") == nil)
    }

    @Test func sendersWithoutAnAddressKeepTheirName() {
        #expect(MailMessageParser.address("Whomever") == (nil, "Whomever"))
        #expect(MailMessageParser.address("ana@acme.com (Ana)") == ("ana@acme.com", "Ana"))
        #expect(MailMessageParser.address("\"López, Ana\" <Ana@Acme.com>") == ("ana@acme.com", "López, Ana"))
    }

    @Test func messagesAreRecognizedByTheirHeaderBlockWhateverHeaderComesFirst() throws {
        let mime = "MIME-Version: 1.0\r\nContent-Type: text/plain\r\nDate: Fri, 19 Aug 2022 13:10:40 +0000\r\n\r\nEl soporte fue excelente.\r\n"
        #expect(InputFormat.startsWithHeaderBlock(Array(mime.utf8)))
        #expect(InputFormat.startsWithHeaderBlock(Array("Fro :garbled\nSubject: hola\nFrom: a@b.es\n\ntexto\n".utf8)), "one garbled first line")
        #expect(!InputFormat.startsWithHeaderBlock(Array("id,nps,comment\n1,9,Subject: fine\n".utf8)))
        #expect(!InputFormat.startsWithHeaderBlock(Array("Export: NPS Q3\nid,nps\n1,9\n".utf8)))
        #expect(!InputFormat.startsWithHeaderBlock(Array("Note: hello\n\nbody\n".utf8)), "no message header")

        let path = Fixtures.write(mime, name: "mime.txt")
        #expect(try InputFormat.sniff(path: path) == .eml)
        let record = try #require(try ingestMail(path).events.first?.accepted)
        #expect(record.comment == "El soporte fue excelente.")
        #expect(record.submittedAt == Date(timeIntervalSince1970: 1_660_914_640))

        let (headers, _) = MailHeaders.parse(Array("Fro :garbled\nSubject: hola\n\ntexto\n".utf8))
        #expect(headers.value("subject") == "hola")
        let part = Array("Hi team,\nIssue: the export fails\n".utf8)
        let (partHeaders, partBody) = MailHeaders.parse(part, isMessage: false)
        #expect(partHeaders.fields.isEmpty && partBody == 0, "a MIME part without headers keeps its first line")
    }

    @Test func oversizedMessagesAreQuarantinedAndTheNextOneIsRead() throws {
        let big = String(repeating: "x", count: 200)
        var text = "From a@b.c Mon Jan  1 00:00:00 2024\nFrom: a@b.c\nSubject: one\n\nfirst\n"
        text += "From a@b.c Mon Jan  1 00:00:00 2024\nFrom: a@b.c\nSubject: two\n\n" + String(repeating: big + "\n", count: 10) + "From a@b.c Mon Jan  1 00:00:00 2024\nFrom: a@b.c\nSubject: three\n\nthird\n"
        var reader = MboxReader(source: try FileDescriptorSource(path: Fixtures.write(text, name: "big.mbox")), isSingleMessage: false, maximumMessageBytes: 500)
        var messages: [MboxReader.Message] = []
        while let message = try reader.next() { messages.append(message) }
        #expect(messages.map(\.isTruncated) == [false, true, false])
        #expect(messages.map(\.line) == [1, 6, 20])
        #expect(String(decoding: messages[2].bytes, as: UTF8.self).contains("third"))
    }

    /// Regression: messages around the 1 MiB read-chunk boundaries were merged (a search offset went stale after
    /// the buffer was compacted), so a 150,000-message mbox read as 74,334 messages.
    @Test func everyMessageIsFoundAcrossReadChunks() throws {
        var text = ""
        for index in 1...6000 {
            text += "From u\(index)@a.example Mon Jan  1 00:00:00 2024\nFrom: u\(index)@a.example\nSubject: n\(index)\n\nbody \(index) "
                + String(repeating: "x", count: index % 700) + "\n\n"
        }
        #expect(text.utf8.count > 2 << 20, "spans several 1 MiB read chunks")
        var reader = MboxReader(source: try FileDescriptorSource(path: Fixtures.write(text, name: "many.mbox")), isSingleMessage: false,
                                maximumMessageBytes: MailIngester.maximumMessageBytes)
        var count = 0
        var lastLine = 0
        while let message = try reader.next() {
            count += 1
            #expect(String(decoding: message.bytes.prefix(40), as: UTF8.self).hasPrefix("From u\(count)@"))
            #expect(message.line > lastLine)
            lastLine = message.line
        }
        #expect(count == 6000)
    }

    /// Line feeds are counted eight bytes at a time: every length and alignment, and bytes that differ from LF in
    /// one bit (0x0B, 0x8A, 0x1A) or sit next to it, must count as the byte-by-byte loop counts.
    @Test func lineFeedsAreCountedAsOneByteAtATimeWould() {
        var generator = SplitMix64(seed: 7)
        let alphabet: [UInt8] = [0x0A, 0x0B, 0x08, 0x8A, 0x1A, 0x0A, 0x00, 0xFF, 0x41, 0x0D]
        for length in 0..<80 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
                let counted = bytes.withUnsafeBufferPointer(MboxReader.lineFeeds)
                #expect(counted == bytes.filter { $0 == 0x0A }.count, "\(bytes)")
            }
        }
    }

    /// The shared byte search finds what a naive search finds, from any start, patterns at the very end included.
    @Test func byteSearchFindsTheFirstOccurrenceFromAnyStart() {
        var generator = SplitMix64(seed: 11)
        let alphabet = Array("\nFrom >=?".utf8)
        for _ in 0..<300 {
            let haystack = (0..<Int(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let pattern = (0..<Int(1 + generator.next() % 3)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            for start in 0...haystack.count {
                let naive = (start..<max(start, haystack.count - pattern.count + 1)).first { haystack[$0...].starts(with: pattern) }
                #expect(haystack.withUnsafeBufferPointer { $0.firstOffset(of: pattern, from: start) } == naive, "\(haystack) \(pattern) \(start)")
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { $0.firstOffset(of: [UInt8](), from: 0) } == 0)
    }

    /// Messages are parsed in batches on several threads: the events must be exactly those of one thread, in file
    /// order, across batch boundaries (2,500 messages: three batches of up to 1,024), skipped and quarantined included.
    @Test func parsingOnSeveralThreadsGivesExactlyWhatOneThreadGives() throws {
        var text = ""
        for index in 1...2500 {
            text += "From u\(index)@a.example Mon Jan  1 00:00:00 2024\n"
            switch index % 5 {
            case 0: text += "X-Note: no sender, subject, id or date\n\nnot a message \(index)\n\n"
            case 1: text += "From: u\(index)@a.example\nAuto-Submitted: auto-replied\nSubject: Fuera de la oficina\n\nVuelvo el lunes.\n\n"
            case 2: text += "From: =?utf-8?Q?Jo=C3=A3o?= <u\(index)@b.example>\nSubject: =?utf-8?B?QXRlbmNpw7Nu?= \(index)\nMessage-ID: <m\(index)@b.example>\n"
                + "Date: Tue, 1 Jul 2003 10:52:37 +0200\n\nNão gostei nada \(index).\n\nEm seg, 1 jul 2003, Suporte escreveu:\n> Olá\n\n"
            default: text += "From: Ana <u\(index)@c.example>\nSubject: n\(index)\n\nThe export is slow \(index).\n-- \nAna\n\n"
            }
        }
        let path = Fixtures.write(text, name: "threads.mbox")
        func events(jobs: Int) throws -> [String] {
            var ingester = try MailIngester(path: path, format: .mbox, vocabulary: vocabulary, stripper: stripper, jobs: jobs)
            var events: [String] = []
            while let event = try ingester.next() { events.append(String(describing: event)) }
            #expect(ingester.counts.read == 2500)
            #expect(ingester.counts.accepted == 1500 && ingester.counts.skipped == 500 && ingester.counts.quarantined == 500)
            return events
        }
        let one = try events(jobs: 1)
        #expect(one.count == 2500)
        #expect(one[1].contains("Atención 2") && one[1].contains("Não gostei nada 2."))
        #expect(try events(jobs: 2) == one)
        #expect(try events(jobs: 3) == one)
    }

    static let fixtures = Fixtures.sharedFiles("email", extensions: ["mbox", "eml", "raw", "txt"])

    /// Every shared e-mail fixture, one after another: no crash, no hang (the time limit fails the test instead of stalling CI),
    /// every message accounted for.
    @Test(.enabled(if: !fixtures.isEmpty, "../shared/corpora is absent"), .timeLimit(.minutes(5)))
    func everyFixtureIsAccountedFor() throws {
        for file in Self.fixtures {
            do {
                let result = try ingestMail(file.path)
                #expect(result.counts.isBalanced, "\(file.lastPathComponent)")
                #expect(result.counts.read == result.events.count, "\(file.lastPathComponent)")
            } catch let error as VocError {
                // Non-mail text fixtures are read as CSV; a CSV mapping error must still name the file.
                #expect(error.position?.file == file.path, "\(error)")
            }
        }
    }

    /// talon ships the expected reply text for two of its fixtures. talon keeps signatures and voc strips them
    /// (kept aside in `quoted`), so the expected text is voc's own text followed by the start of what it stripped.
    @Test(.enabled(if: Fixtures.sharedCorpora != nil, "../shared/corpora is absent"), arguments: ["iphone", "sparrow"])
    func talonExpectedReplies(_ name: String) throws {
        let folder = Fixtures.sharedCorpora!.appendingPathComponent("email/talon_standard_replies")
        let expected = try String(contentsOf: folder.appendingPathComponent("\(name)_reply_text"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let record = try #require(try ingestMail(folder.appendingPathComponent("\(name).eml").path).events.first?.accepted)
        let own = try #require(record.comment)
        #expect(expected.hasPrefix(own))
        let signature = expected.dropFirst(own.count).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(record.quoted?.hasPrefix(signature) == true, "\(record.quoted ?? "")")
    }

    @Test(.enabled(if: Fixtures.sharedCorpora != nil, "../shared/corpora is absent"))
    func latin1BytesInAnMboxAreDecoded() throws {
        let records = try ingestMail(Fixtures.sharedCorpora!.appendingPathComponent("email/perceval/mbox/mbox_iso8859_encoding.mbox").path).events.compactMap(\.accepted)
        #expect(records.count == 1)
        #expect(records.first?.comment?.contains("\u{FFFD}") == false)
    }
}

/// The team's own messages in a mailbox: kept for threading, never feedback.
@Suite struct TeamMessageTests {
    func read(_ text: String, team: Set<String>) throws -> (IngestCounts, [IngestEvent]) {
        var source = try RecordSources.open(path: Fixtures.write(text, name: "team.mbox"), vocabulary: vocabulary, stripper: stripper, teamDomains: team)
        var events: [IngestEvent] = []
        while let event = try source.next() { events.append(event) }
        return (source.counts, events)
    }

    static let reply = """
        From agent@eu.acme.example Mon Mar  4 10:00:00 2024
        From: "Acme, Support" <agent@eu.acme.example>
        To: "Soporte, Acme" <soporte@acme.example>, "Vidal, Carmen" <Carmen.Vidal@Initech.es>
        Subject: RE: Factura
        Date: Mon, 04 Mar 2024 10:00:00 +0100
        Message-ID: <r1@acme.example>
        In-Reply-To: <c2@initech.es>
        References: <c1@initech.es>
         <c2@initech.es>

        Hola Carmen, ya está corregida.

        From carmen.vidal@initech.es Mon Mar  4 11:00:00 2024
        From: Carmen Vidal <carmen.vidal@initech.es>
        To: soporte@acme.example
        Subject: RE: Factura
        Date: Mon, 04 Mar 2024 11:00:00 +0100
        Message-ID: <c3@initech.es>
        In-Reply-To: <r1@acme.example>

        Sigue sin funcionar.

        """

    @Test func aTeamMessageIsSkippedAsFeedbackAndKeptWithItsCustomer() throws {
        let (counts, events) = try read(Self.reply, team: ["acme.example"])
        #expect(counts.read == 2 && counts.accepted == 1 && counts.skipped == 1 && counts.isBalanced)
        guard case .teamMessage(let envelope, let position) = events[0] else { Issue.record("\(events[0])"); return }
        #expect(envelope.fromTeam && envelope.sender == "agent@eu.acme.example", "a subdomain of a team domain is the team's")
        #expect(envelope.customerEmail == "carmen.vidal@initech.es" && envelope.accountID == "initech.es" && envelope.recipient == "initech.es",
                "the first recipient outside the team, with a comma in its quoted name")
        #expect(envelope.references == ["c1@initech.es", "c2@initech.es"], "a folded References, and In-Reply-To already in it")
        #expect(position.line == 1)
        let customer = try #require(events[1].accepted)
        #expect(customer.mail?.references == ["r1@acme.example"] && customer.mail?.recipient == "acme.example" && customer.mail?.fromTeam == false)
        #expect(customer.thread == "r1@acme.example")
        // Without team domains, the same message is a customer's (of acme.example): stored as feedback.
        let (unnamed, _) = try read(Self.reply, team: [])
        #expect(unnamed.accepted == 2 && unnamed.skipped == 0)
    }

    @Test func aHostileReferencesListIsCutToTheRootAndTheLastParents() throws {
        let ids = (0..<5000).map { "<m\($0)@x.example>" }.joined(separator: " ")
        let message = "From: a@b.example\nSubject: x\nDate: Mon, 04 Mar 2024 10:00:00 +0000\nMessage-ID: <z@b.example>\nReferences: \(ids)\n\nHello\n"
        let (_, events) = try read(message, team: [])
        let references = try #require(events.first?.accepted?.mail?.references)
        #expect(references.count == MailEnvelope.maximumReferences && references.first == "m0@x.example" && references.last == "m4999@x.example")
    }
}
