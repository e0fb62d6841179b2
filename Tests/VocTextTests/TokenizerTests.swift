import Testing
import VocText

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer(emoticons: [":)", ":-(", ":/", "<3", ":D"])

    func kinds(_ text: String) -> [String] {
        tokenizer.tokenize(text).map { "\($0.kind):\($0.norm)" }
    }

    @Test func wordsKeepAccentsAndAreCaseFolded() {
        #expect(kinds("Atención CAÑA ação Não") == ["word:atención", "word:caña", "word:ação", "word:não"])
    }

    @Test func spansPointIntoTheOriginalText() {
        let text = "¡Ótimo!  👍🏽 ok"
        for token in tokenizer.tokenize(text) {
            let bytes = Array(text.utf8)[token.span]
            #expect(String(decoding: bytes, as: UTF8.self) == token.surface)
        }
    }

    @Test func urlsEmailsMentionsAndHashtags() {
        #expect(kinds("see https://acme.com/x?y=1, mail ana@acme.com.br @acme #fail") ==
                ["word:see", "url:https://acme.com/x?y=1", "punctuation:,", "word:mail", "email:ana@acme.com.br", "mention:@acme", "hashtag:#fail"])
    }

    @Test func emojiSequencesAreOneToken() {
        let tokens = tokenizer.tokenize("ok 👍🏽 👨‍👩‍👧 🇧🇷 ❤️ fim")
        #expect(tokens.map(\.kind) == [.word, .emoji, .emoji, .emoji, .emoji, .word])
        #expect(tokens[2].surface == "👨‍👩‍👧")
    }

    @Test func emoticonsStandAlone() {
        #expect(kinds("great :) but :-( and 10:30") == ["word:great", "emoticon::)", "word:but", "emoticon::-(", "word:and", "number:10", "punctuation::", "number:30"])
        #expect(kinds("<3 it") == ["emoticon:<3", "word:it"])
        // Glued to the word before it when it starts with ':' ';' '=' '<', never inside a word or after a digit.
        #expect(kinds("thanks:) love<3") == ["word:thanks", "emoticon::)", "word:love", "emoticon:<3"])
        #expect(kinds("re:Don 10:D") == ["word:re", "punctuation::", "word:don", "number:10", "punctuation::", "word:d"])
    }

    @Test func repeatedPunctuationIsOneToken() {
        #expect(kinds("wow!!! really?! ok...") == ["word:wow", "punctuation:!!!", "word:really", "punctuation:?!", "word:ok", "punctuation:..."])
    }

    @Test func capitalsAndElongations() {
        let tokens = tokenizer.tokenize("AWFUL muuuuy sooo OK cool")
        #expect(tokens.map(\.isAllCaps) == [true, false, false, true, false])
        #expect(tokens.map(\.norm) == ["awful", "muuy", "soo", "ok", "cool"])
        #expect(tokens[1].isElongated && !tokens[4].isElongated)
        #expect(tokens[1].lookupForms.contains("muy"))
    }

    /// Runs are found after lower-casing (`SoOO` is elongated) and of accented letters too (`NÃÃÃO`), digits are never cut, and capitals are counted for
    /// accented words too (`ÓTIMO` is all caps, `Ótimo` is not).
    @Test func elongationsAndCapitalsOnMixedAndAccentedWords() {
        let tokens = tokenizer.tokenize("SoOO 1000 ÓTIMO Ótimo muuuito NÃÃÃO")
        #expect(tokens.map(\.norm) == ["soo", "1000", "ótimo", "ótimo", "muuito", "nãão"])
        #expect(tokens.map(\.isElongated) == [true, false, false, false, true, true])
        #expect(tokens.map(\.isAllCaps) == [false, false, true, false, false, true])
        #expect(tokens[5].lookupForms.contains("não"))
    }

    /// Words whose accented letters are all Latin-1 (`C3 xx`) are lower-cased byte by byte: for every such letter,
    /// alone, between ASCII letters, and doubled up in capitals, the norm is what `String.lowercased()` gives and
    /// capitals are the letters Unicode calls upper case. Words with other letters (`œ`, `’`) take the general path.
    @Test func latin1WordsAreLowerCasedLikeTheStandardLibrary() {
        for value in UInt32(0xC0)...0xFF where value != 0xD7 && value != 0xF7 {
            let letter = String(Unicode.Scalar(value)!)
            for word in [letter, "x\(letter)y", "A\(letter)\(letter)B", "MAN\(letter)ANA", "\(letter)\(letter)\(letter)"] {
                let tokens = tokenizer.tokenize(word)
                #expect(tokens.count == 1, "\(word)")
                guard let token = tokens.first else { continue }
                let lowered = word.lowercased()
                let expected = word.unicodeScalars.count == 3 && Set(word.unicodeScalars).count == 1
                    ? String(lowered.unicodeScalars.prefix(2).map(Character.init)) : lowered
                #expect(token.norm == expected, "\(word)")
                let letters = word.unicodeScalars.filter(\.properties.isAlphabetic)
                #expect(token.isAllCaps == (letters.count >= 2 && letters.allSatisfy(\.properties.isUppercase)), "\(word)")
            }
        }
        #expect(kinds("Œuvre L’ÉTÉ") == ["word:œuvre", "word:l'été"])
    }

    /// Every Latin-1 letter with a diacritic folds to its base letter; other text is kept as it is.
    @Test func accentFoldingCoversLatin1Letters() {
        #expect(AccentFolding.fold("áàâãäå éèêë íìîï óòôõö úùûü ç ñ ý") == "aaaaaa eeee iiii ooooo uuuu c n y")
        #expect(AccentFolding.fold("ÁÀÂÃÄÅ ÉÈÊË ÍÌÎÏ ÓÒÔÕÖ ÚÙÛÜ Ç Ñ") == "AAAAAA EEEE IIII OOOOO UUUU C N")
        #expect(AccentFolding.fold("ação × ÷ ß ø œ €") == "acao × ÷ ß ø œ €")
        #expect(AccentFolding.fold("plain") == "plain")
    }

    @Test func contractionsStayOneWordForTheLexiconToSplit() {
        #expect(kinds("don’t isn't bem-vindo") == ["word:don't", "word:isn't", "word:bem-vindo"])
        let contractions = Contractions(expansions: ["del": ["de", "el"], "pelo": ["por", "o"], "don't": ["do", "not"]])
        var words = WordTable()
        // The table holds every contraction, as the sentiment model's does; "al" is one the caller does not expand.
        for word in ["de", "servicio", "o", "not", "del", "pelo", "don't", "al"] { words.insert(word) }
        let tokens = tokenizer.tokenize("del servicio pelo app don't al")
        let expanded = contractions.expand(tokens, ids: tokens.map { words.id(of: $0.norm) ?? -1 }, in: words) { contractions.expands(words.word($0)) }
        #expect(expanded.tokens.map(\.norm) == ["de", "el", "servicio", "por", "o", "app", "do", "not", "al"])
        #expect(expanded.ids == expanded.tokens.map { words.id(of: $0.norm) ?? -1 })
    }

    /// The tokenizer's `isASCII` and `hasJoiner` say what the norm holds, for every token of accented, capitalized,
    /// hyphenated, elongated and entity-laden text.
    @Test func tokenFlagsDescribeTheNorm() {
        let text = "Don’t say BEM-VINDO! Muuuy bueno, o'clock: ação &eacute; a-ha Straße İstanbul SOOO good #não @São https://x.pt/a-b 3-2 😀"
        for token in tokenizer.tokenize(text) {
            #expect(token.isASCII == !token.norm.utf8.contains { $0 >= 0x80 }, "\(token.norm)")
            #expect(token.hasJoiner == token.norm.utf8.contains { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") }, "\(token.norm)")
        }
    }

    @Test func htmlEntitiesAreDecodedAndTagsSkipped() {
        #expect(kinds("<p>Bad &amp; slow</p><br/>caf&eacute;") == ["word:bad", "punctuation:&", "word:slow", "word:é"].dropLast() + ["word:caf", "word:é"])
        #expect(kinds("<script>alert(1)</script>") == ["word:alert", "punctuation:(", "number:1", "punctuation:)"])
    }

    @Test func hostileInputDoesNotCrash() {
        let invalid = String(decoding: [0xFF, 0xC3, 0x28, 0x61, 0xE2, 0x82], as: UTF8.self)
        #expect(!tokenizer.tokenize(invalid).isEmpty)
        let huge = String(repeating: "a", count: 1_000_000)
        #expect(tokenizer.tokenize(huge).count == 1)
        #expect(tokenizer.tokenize(String(repeating: "😀", count: 10_000)).count == 10_000)
        #expect(tokenizer.tokenize("\u{202E}evil\u{202C} \u{0000} x").last?.norm == "x")
    }
}

@Suite struct SentenceSplitterTests {
    let tokenizer = Tokenizer(emoticons: [])

    @Test func splitsAtTerminalPunctuationButNotAfterAbbreviations() {
        let tokens = tokenizer.tokenize("Hablé con el Sr. Pérez. Fue útil! ¿Y ahora?")
        let sentences = SentenceSplitter.sentences(tokens, abbreviations: ["sr"])
        #expect(sentences.count == 3)
        #expect(sentences.map { tokens[$0].map(\.norm).joined(separator: " ") }.first == "hablé con el sr . pérez .")
    }
}
