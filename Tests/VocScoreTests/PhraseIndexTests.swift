import Testing
@testable import VocScore
import VocText

@Suite struct PhraseIndexTests {
    /// An index over `patterns` (value = the pattern's position) compiled against a table of their words and `text`'s,
    /// except `unknown`; and `text`'s tokens with their accent-free ids in that table.
    private func matcher(_ patterns: [String], text: String, unknown: Set<String> = []) -> (PhraseIndex<Int>, [Token], [Int32]) {
        var index = PhraseIndex<Int>()
        for (position, pattern) in patterns.enumerated() { index.insert(PhrasePattern(pattern), position) }
        let tokens = Tokenizer(emoticons: []).tokenize(text)
        var table = WordTable()
        for word in index.words.sorted() + tokens.map({ AccentFolding.fold($0.norm) }) where !unknown.contains(word) { table.insert(word) }
        index.index(table)
        return (index, tokens, tokens.map { table.id(of: AccentFolding.fold($0.norm)) ?? -1 })
    }

    @Test func theLongestPatternWinsAndTiesGoToTheFirstFiled() {
        let (index, tokens, ids) = matcher(["cancel", "cancel my plan", "cancel my account", "cancel * plan", "cancel my"],
                                           text: "cancel my plan today")
        let match = index.longestMatch(tokens, at: 0, foldedIDs: ids)
        #expect(match?.pattern.text == "cancel my plan")
        #expect(match?.value == 1, "'cancel * plan' ends there too but was filed later")
        #expect(match?.end == 3)
        #expect(index.longestMatch(tokens, at: 1, foldedIDs: ids) == nil, "no pattern starts with 'my'")
    }

    @Test(arguments: [("cancel plan", 2), ("cancel the plan", 3), ("cancel my whole team plan", 5)])
    func gapsSkipUpToThreeTokens(text: String, end: Int) {
        let (index, tokens, ids) = matcher(["cancel * plan"], text: text)
        #expect(index.longestMatch(tokens, at: 0, foldedIDs: ids)?.end == end)
    }

    @Test func gapsSkipNoMoreThanThreeTokens() {
        let (index, tokens, ids) = matcher(["cancel * plan"], text: "cancel my whole big team plan")
        #expect(index.longestMatch(tokens, at: 0, foldedIDs: ids) == nil)
    }

    @Test func wordsMissingFromTheTableNeverMatch() {
        let (index, tokens, ids) = matcher(["going nowhere", "going"], text: "going nowhere", unknown: ["nowhere"])
        #expect(index.longestMatch(tokens, at: 0, foldedIDs: ids)?.pattern.text == "going")
    }

    @Test func prefixesMatchWithoutAccents() {
        let (index, tokens, ids) = matcher(["devoluc* rápida"], text: "una DEVOLUCIÓN rapida")
        let match = index.longestMatch(tokens, at: 1, foldedIDs: ids)
        #expect(match?.pattern.text == "devoluc* rápida")
        #expect(match?.end == 3)
        #expect(index.longestMatch(tokens, at: 0, foldedIDs: ids) == nil)
    }
}
