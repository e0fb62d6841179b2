import Testing
import VocText

@Suite struct WordTableTests {
    @Test func idsAreDenseStableAndFoundAgain() {
        var table = WordTable()
        let words = ["não", "muy", "bueno", "péssimo", "", "don't", "reembolso"]
        let ids = words.map { table.insert($0) }
        #expect(ids == [0, 1, 2, 3, 4, 5, 6])
        #expect(table.insert("muy") == 1)
        #expect(table.count == words.count)
        for (word, id) in zip(words, ids) {
            #expect(table.id(of: word) == id)
            #expect(table.word(id) == word)
        }
    }

    @Test func absentWordsAndNearMissesAreNotFound() {
        var table = WordTable()
        table.insert("nao")
        table.insert("bueno")
        #expect(table.id(of: "não") == nil)
        #expect(table.id(of: "buen") == nil)
        #expect(table.id(of: "buenos") == nil)
        #expect(table.id(of: "Bueno") == nil)
    }

    @Test func growsPastItsFirstCapacityWithoutLosingWords() {
        var table = WordTable()
        let words = (0..<5_000).map { "palavra\($0)ção" }
        for word in words { table.insert(word) }
        #expect(table.count == 5_000)
        #expect(words.indices.allSatisfy { table.id(of: words[$0]) == Int32($0) })
        // A long word (heap storage, not a small string), found again from a copy built another way.
        let long = String(repeating: "extraordinariamente", count: 4)
        let id = table.insert(long)
        #expect(table.id(of: String(("x" + long).dropFirst())) == id)
    }

    @Test func theLanguageIdentifierSharesTheTableItExtends() {
        var table = WordTable()
        let before = table.insert("zzz")
        let identifier = LanguageIdentifier(words: ["es": ["muy", "malo"], "pt": ["não", "gostei"], "en": ["very", "bad"]], table: table)
        #expect(identifier.table.id(of: "zzz") == before)
        let tokenizer = Tokenizer(emoticons: [])
        #expect(identifier.identify(tokenizer.tokenize("muy malo")).language == "es")
        #expect(identifier.identify(tokenizer.tokenize("não gostei")).language == "pt")
        #expect(identifier.identify(tokenizer.tokenize("Very bad")).language == "en")
        let tokens = tokenizer.tokenize("não gostei")
        #expect(identifier.identify(tokens, ids: tokens.map { identifier.table.id(of: $0.norm) ?? -1 }) == identifier.identify(tokens))
    }
}
