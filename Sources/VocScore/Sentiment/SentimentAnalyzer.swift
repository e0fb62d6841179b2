import VocText

/// Scores the sentiment of a text with VADER-class rules written for Spanish, Portuguese and English,
/// and finds churn, effort and topic signals. Every rule is one function that returns its reason,
/// so the result carries a trace that adds up to the score.
public struct SentimentAnalyzer: Sendable {
    public let model: SentimentModel

    public init(model: SentimentModel) { self.model = model }

    /// - Parameter language: the record's declared language (`es`, `pt`, `en`); identified when nil or unknown.
    public func analyze(_ text: String, language declared: String? = nil) -> SentimentResult {
        let (guess, context, items, _) = score(text, language: declared, explains: true)
        let trace = SentimentTrace(items: items)
        let compound = SentimentResult.normalize(trace.sum)
        let shares = context.shares(items)
        let rules = context.rules
        return SentimentResult(
            language: guess.language, languageConfidence: guess.confidence, compound: compound,
            positive: shares.positive, neutral: shares.neutral, negative: shares.negative,
            label: SentimentResult.label(for: compound), evidence: !trace.items.isEmpty, trace: trace,
            churn: context.matches(rules.lexicon.churn, .churn), effort: context.matches(rules.lexicon.effort, .effort),
            topics: Self.distinctSorted(context.matchValues(rules.lexicon.topics, .topic)))
    }

    /// The language of a text, as `analyze` identifies it.
    func identify(_ text: String) -> String {
        let (tokens, ids) = tokenize(text)
        return model.identifier.identify(tokens, ids: ids).language
    }

    /// The text's tokens and their word ids (-1 for words the lexicons do not know).
    private func tokenize(_ text: String) -> ([Token], [Int32]) {
        let tokens = model.tokenizer.tokenize(text)
        // By index: `map` would copy every token to read its norm.
        var ids: [Int32] = []
        ids.reserveCapacity(tokens.count)
        for index in tokens.indices { ids.append(model.words.id(of: tokens[index].norm) ?? -1) }
        return (tokens, ids)
    }

    /// Whether a customer's text says that its problem goes on (`still-unresolved.txt`, in the declared or identified
    /// language): "still not working", "sigue sin resolverse", "continua sem solução".
    public func saysStillUnresolved(_ text: String, language declared: String? = nil) -> Bool {
        let (_, context) = context(of: text, language: declared, explains: false)
        return context.hasMatch(context.rules.lexicon.stillUnresolved, .stillUnresolved)
    }

    /// The text's tokens with what its language's lexicon says of each, and the language.
    private func context(of text: String, language declared: String?, explains: Bool) -> (LanguageIdentifier.Guess, Context) {
        var (tokens, ids) = tokenize(text)
        let guess: LanguageIdentifier.Guess
        if let declared, model.rules(for: declared) != nil {
            guess = LanguageIdentifier.Guess(language: declared, confidence: 1)
        } else {
            guess = model.identifier.identify(tokens, ids: ids)
        }
        // Text in another language is scored with the English rules: emoji, emoticons and loan words still count.
        let rules = model.rules(for: guess.language) ?? model.rules(for: "en")!
        if ids.contains(where: { rules.lexicon.facts(of: $0).isContraction }) {
            (tokens, ids) = rules.contractions.expand(tokens, ids: ids, in: model.words) { rules.lexicon.facts(of: $0).isContraction }
        }
        return (guess, Context(tokens: tokens, ids: ids, words: model.words, foldedWordIDs: model.foldedIDs, rules: rules,
                               symbols: model.symbols, explains: explains))
    }

    /// Tokens, language, the scored items and whether an effort phrase occurs; with `explains`, the items carry their
    /// texts and steps.
    func score(_ text: String, language declared: String?, explains: Bool) -> (LanguageIdentifier.Guess, Context, [Context.Item], effort: Bool) {
        let (guess, context) = context(of: text, language: declared, explains: explains)

        var items = context.sentimentItems()
        let effort = context.addEffortItems(to: &items)
        context.applyContrast(to: &items)
        if let punctuation = context.punctuationItem(sum: items.reduce(0) { $0 + $1.contribution }) {
            items.append(punctuation)
        }
        return (guess, context, items, effort)
    }

    /// Most texts have no topic or one: no set is built for them.
    static func distinctSorted(_ values: [String]) -> [String] {
        values.count < 2 ? values : Array(Set(values)).sorted()
    }
}

/// One text being scored: its tokens, their accent-free forms, what the language's lexicon says about each.
struct Context {
    typealias Item = SentimentTrace.Item
    typealias Step = SentimentTrace.Step

    let tokens: [Token]
    /// Per token: its accent-free form's id in the model's word table (−1 when absent), for phrase look-ups.
    let foldedIDs: [Int32]
    /// Per token: valence, booster, negator and phrase starts, resolved once.
    let facts: [WordFacts]
    let rules: LanguageRules
    let symbols: [String: Double]
    /// Capitals only emphasize inside mixed-case text (an all-caps text is shouting throughout).
    let isMixedCase: Bool
    /// The phrase lists with a pattern that may start at one of the tokens: the others are not searched.
    let phraseStarts: WordFacts.PhraseStarts
    /// Per token: whether a contrast phrase ("but", "sin embargo") starts there; computed once, read by negation.
    /// Empty for a text without one.
    let startsContrast: [Bool]
    /// Whether items carry their texts and steps (the contributions are the same either way).
    let explains: Bool

    /// - Parameters:
    ///   - ids: each token's norm in `words` (−1 when absent).
    ///   - foldedWordIDs: per word id of `words`, its accent-free form's id (`SentimentModel.foldedIDs`).
    init(tokens: [Token], ids: [Int32], words: WordTable, foldedWordIDs: [Int32], rules: LanguageRules, symbols: [String: Double],
         explains: Bool) {
        self.tokens = tokens
        self.explains = explains
        self.rules = rules
        self.symbols = symbols
        var foldedIDs: [Int32] = []
        var facts: [WordFacts] = []
        foldedIDs.reserveCapacity(tokens.count)
        facts.reserveCapacity(tokens.count)
        var hasCapitals = false
        var phraseStarts: WordFacts.PhraseStarts = []
        // By index, not `enumerated()`, which copies every token (two strings each).
        for index in tokens.indices {
            let id = ids[index]
            let bareID: Int32
            if id >= 0 && Int(id) < foldedWordIDs.count {
                bareID = foldedWordIDs[Int(id)]
            } else if tokens[index].isASCII {
                bareID = id
            } else {
                let bare = AccentFolding.fold(tokens[index].norm)
                bareID = bare != tokens[index].norm ? words.id(of: bare) ?? -1 : id
            }
            foldedIDs.append(bareID)
            // Most tokens are resolved from their ids alone: passing the token would copy it (two strings).
            let plain = tokens[index].isElongated ? nil : rules.lexicon.facts(ofPlain: id, folded: bareID, hasJoiner: tokens[index].hasJoiner)
            facts.append(plain ?? rules.lexicon.facts(of: tokens[index], norm: id, folded: bareID))
            phraseStarts.formUnion(facts[index].phrases)
            if tokens[index].isAllCaps { hasCapitals = true }
        }
        if phraseStarts.contains(.negator) { Self.markNegatorPhrases(tokens, foldedIDs: foldedIDs, rules: rules, in: &facts) }
        self.foldedIDs = foldedIDs
        self.facts = facts
        isMixedCase = hasCapitals && Self.isMixedCase(tokens)
        self.phraseStarts = phraseStarts
        var startsContrast: [Bool] = []
        if phraseStarts.contains(.contrast) || rules.lexicon.contrasts.hasUnindexed {
            startsContrast = [Bool](repeating: false, count: tokens.count)
            for index in tokens.indices where facts[index].phrases.contains(.contrast) || rules.lexicon.contrasts.hasUnindexed {
                startsContrast[index] = rules.lexicon.contrasts.longestMatch(tokens, at: index, foldedIDs: foldedIDs) != nil
            }
        }
        self.startsContrast = startsContrast
    }

    /// Marks the last word of each negator of several words ("used to") as a negator of that many words. Asked only
    /// of texts with a word that starts one, and kept out of line, as inlined it made every text's set-up slower.
    @inline(never)
    private static func markNegatorPhrases(_ tokens: [Token], foldedIDs: [Int32], rules: LanguageRules, in facts: inout [WordFacts]) {
        for index in tokens.indices where facts[index].phrases.contains(.negator) {
            if let phrase = rules.lexicon.negatorPhrases.longestMatch(tokens, at: index, foldedIDs: foldedIDs) {
                facts[phrase.end - 1].isNegator = true
                facts[phrase.end - 1].negatorWords = UInt8(clamping: phrase.end - index)
            }
        }
    }

    /// Whether words of two letters or more come both in capitals and not; asked only of texts with a word in capitals.
    private static func isMixedCase(_ tokens: [Token]) -> Bool {
        var capitals = false, lowerOrMixed = false
        for index in tokens.indices where tokens[index].kind == .word {
            let isASCII = tokens[index].isASCII
            guard isASCII ? tokens[index].norm.utf8.count >= 2 : hasTwoCharacters(tokens[index].norm) else { continue }
            if tokens[index].isAllCaps { capitals = true } else { lowerOrMixed = true }
            if capitals && lowerOrMixed { return true }
        }
        return false
    }

    /// Two letters or more, not counting combining accents (a word's characters, without grapheme breaking).
    private static func hasTwoCharacters(_ word: String) -> Bool {
        var characters = 0
        for scalar in word.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            characters += 1
            if characters == 2 { return true }
        }
        return false
    }

    private func startsContrast(at index: Int) -> Bool { !startsContrast.isEmpty && startsContrast[index] }

    /// Whether `index` may match somewhere: a pattern starts with one of the tokens, or some pattern has no first word.
    private func mayMatch<Value>(_ index: PhraseIndex<Value>, _ kind: WordFacts.PhraseStarts) -> Bool {
        phraseStarts.contains(kind) || index.hasUnindexed
    }

    /// The longest phrase of `index` starting at `position`, asked only where the token's facts say one may.
    private func longestMatch<Value>(_ index: PhraseIndex<Value>, _ kind: WordFacts.PhraseStarts, at position: Int)
        -> (pattern: PhrasePattern, value: Value, end: Int)? {
        guard facts[position].phrases.contains(kind) || index.hasUnindexed else { return nil }
        return index.longestMatch(tokens, at: position, foldedIDs: foldedIDs)
    }

    // MARK: Items

    /// Idioms first (their words are not scored again), then every word, emoji and emoticon with a valence.
    func sentimentItems() -> [Item] {
        var items: [Item] = []
        // The last idiom with a negator of its own ("no doubt", "sin duda", "at least", "no problem"), which negates
        // nothing outside it (the nearest one is the only one a negation window can reach into).
        var negatingIdiom: Range<Int>?
        var index = 0
        while index < tokens.count {
            if let idiom = longestMatch(rules.lexicon.idioms, .idiom, at: index) {
                // A zero-valence idiom ("kind of") only stops its words from being scored.
                if idiom.value != 0 { items.append(scored(idiom.value, tokens: index..<idiom.end, source: .idiom, negatingIdiom: negatingIdiom)) }
                if (index..<idiom.end).contains(where: { facts[$0].isNegator }) { negatingIdiom = index..<idiom.end }
                index = idiom.end
                continue
            }
            switch tokens[index].kind {
            case .word where !facts[index].isNegator && facts[index].booster == nil:
                if let valence = facts[index].valence {
                    // "hassle free": the privative after a negative word joins its item.
                    let next = index + 1
                    if valence < 0, next < tokens.count, tokens[next].kind == .word, facts[next].isPrivative {
                        items.append(scored(valence, tokens: index..<(next + 1), source: .word, privative: tokens[next].surface,
                                              negatingIdiom: negatingIdiom))
                        index += 2
                        continue
                    }
                    items.append(scored(valence, tokens: index..<(index + 1), source: .word, negatingIdiom: negatingIdiom))
                } else if tokens[index].hasJoiner, let valence = rules.lexicon.privativeCompound(tokens[index]) {
                    items.append(scored(valence, tokens: index..<(index + 1), source: .word, privative: tokens[index].surface,
                                        negatingIdiom: negatingIdiom))
                } else if !facts[index].phrases.isDisjoint(with: [.functionVerb, .malfunctionVerb]),
                          let statement = functionStatement(at: index, negatingIdiom: negatingIdiom) {
                    items.append(statement)
                    index = statement.tokens.upperBound
                    continue
                }
            case .hashtag:
                // A hashtag stands apart from the sentence: its word counts, no rule applies to it.
                if let valence = rules.lexicon.valence(ofHashtag: tokens[index].norm) {
                    items.append(Item(tokens: index..<(index + 1), text: cue(index), source: .hashtag, base: valence,
                                      steps: [], contribution: valence))
                }
            case .emoji, .emoticon:
                let symbol = tokens[index].surface
                if let valence = symbols[symbol] ?? symbols[String(String.UnicodeScalarView(symbol.unicodeScalars.filter { $0 != "\u{FE0F}" }))] {
                    items.append(Item(tokens: index..<(index + 1), text: cue(index),
                                      source: tokens[index].kind == .emoji ? .emoji : .emoticon, base: valence, steps: [], contribution: valence))
                }
            default:
                break
            }
            index += 1
        }
        return items
    }

    /// Effort phrases ("took forever", "tuve que llamar tres veces", "demorou uma eternidade") are friction the
    /// customer felt: where no other item covers their words, each becomes an item of its valence (`effort.txt`),
    /// boosted, negated and weighed by contrast like a word, so "great product but support took forever" is negative.
    /// Inserted in token order, so the trace reads as the text.
    /// - Returns: whether any effort phrase occurs (the effort signal), whatever its valence or cover.
    func addEffortItems(to items: inout [Item]) -> Bool {
        guard mayMatch(rules.lexicon.effort, .effort) else { return false }
        var found = false
        var position = 0
        while position < tokens.count {
            guard let match = longestMatch(rules.lexicon.effort, .effort, at: position) else {
                position += 1
                continue
            }
            found = true
            guard match.value != 0, !items.contains(where: { $0.tokens.overlaps(position..<match.end) }) else {
                position += 1
                continue
            }
            let item = scored(match.value, tokens: position..<match.end, source: .effort, negatingIdiom: nil)
            items.insert(item, at: items.firstIndex { $0.tokens.lowerBound > position } ?? items.endIndex)
            position = match.end
        }
        return found
    }

    /// The words of `range` as written: a contraction expanded into several tokens ("no" → "em o") shows once.
    private func surface(of range: Range<Int>) -> String {
        guard explains else { return "" }
        if range.count == 1 { return tokens[range.lowerBound].surface }
        return range.indices.filter { $0 == range.lowerBound || tokens[$0].span != tokens[$0 - 1].span }
            .map { tokens[$0].surface }.joined(separator: " ")
    }

    /// A word or idiom with the rules that look around it: boosters, capitals, a privative after it (`free`, the
    /// word itself or joined by a hyphen), negation.
    /// - Parameter negatingIdiom: the last idiom before it that holds a negator, which does not reach outside it.
    private func scored(_ base: Double, tokens range: Range<Int>, source: SentimentTrace.Source, privative: String? = nil,
                        negatingIdiom: Range<Int>?) -> Item {
        var item = Item(tokens: range, text: surface(of: range), source: source,
                        base: base, steps: [], contribution: base)
        applyBoosters(before: range.lowerBound, valence: base, to: &item)
        applyCapitals(range, valence: base, to: &item)
        if let privative {
            apply(Step(rule: .privative, cue: privative, delta: item.contribution * SentimentTunables.negationFactor - item.contribution), to: &item)
        }
        // An idiom with its own negator ("sin problemas", "ninguna queja") is not negated again: negative concord.
        // An interjection ("lol", "jaja") is a reaction outside the clause: no negator reaches it.
        let hasOwnNegator = range.contains { facts[$0].isNegator }
        let isInterjection = range.count == 1 && facts[range.lowerBound].isInterjection
        if !hasOwnNegator, !isInterjection, let step = negationStep(for: range, value: item.contribution, negatingIdiom: negatingIdiom) {
            apply(step, to: &item)
        }
        return item
    }

    /// A function verb that a negator or a failure cue before it says did not happen ("the lid would not close", "no
    /// carga", "não consigo acessar", "stopped syncing", "unable to log in", "can't get it to connect"), or a
    /// malfunction that a repetition cue says goes on ("the call keeps dropping", "se queda cargando", "fica
    /// travando"): a failure. A function verb that a success cue right after it says went well ("arrived a day early",
    /// "connected on the first try", "llegó un día antes", "conectou na primeira tentativa"): a success. The item
    /// covers the verb (and a success cue); its text runs from the cue, and boosters before it weigh it.
    private func functionStatement(at index: Int, negatingIdiom: Range<Int>?) -> Item? {
        if let function = longestMatch(rules.lexicon.functionVerbs, .functionVerb, at: index) {
            if let cue = failureCue(before: index, negatingIdiom: negatingIdiom) {
                return statement(text: cue..<function.end, covering: index..<function.end, base: SentimentTunables.failureValence, source: .failure)
            }
            if let end = successCueEnd(after: function.end) {
                return statement(text: index..<end, covering: index..<end, base: SentimentTunables.successValence, source: .success)
            }
        }
        if let malfunction = longestMatch(rules.lexicon.malfunctionVerbs, .malfunctionVerb, at: index),
           let cue = firstInWindow(before: index, { cursor in
               longestMatch(rules.lexicon.repetitionCues, .repetitionCue, at: cursor).flatMap { $0.end <= index ? cursor : nil }
           }) {
            return statement(text: cue..<malfunction.end, covering: index..<malfunction.end, base: SentimentTunables.failureValence, source: .failure)
        }
        return nil
    }

    private func statement(text: Range<Int>, covering tokens: Range<Int>, base: Double, source: SentimentTrace.Source) -> Item {
        var item = Item(tokens: tokens, text: surface(of: text), source: source, base: base, steps: [], contribution: base)
        applyBoosters(before: text.lowerBound, valence: base, to: &item)
        return item
    }

    /// Where a success cue that starts within three words after a function verb ends, in the same clause.
    private func successCueEnd(after end: Int) -> Int? {
        var cursor = end, words = 0
        while cursor < tokens.count, words < SentimentTunables.negationWindow {
            if tokens[cursor].kind == .punctuation || startsContrast(at: cursor) { return nil }
            if let cue = longestMatch(rules.lexicon.successCues, .successCue, at: cursor) { return cue.end }
            if tokens[cursor].kind == .word { words += 1 }
            cursor += 1
        }
        return nil
    }

    /// Where the negator or failure cue before a function verb starts, looked for as negation looks for a negator:
    /// within three words as written, in the same clause, not inside an idiom that holds it ("no complaints").
    /// A failure cue of several words that leads into the verb ("can't get the app to", "no consigo que") counts
    /// wherever it starts.
    private func failureCue(before index: Int, negatingIdiom: Range<Int>?) -> Int? {
        let inWindow = firstInWindow(before: index) { cursor -> Int? in
            if facts[cursor].isNegator, negatingIdiom?.contains(cursor) != true { return cursor + 1 - Int(facts[cursor].negatorWords) }
            if let cue = longestMatch(rules.lexicon.failureCues, .failureCue, at: cursor), cue.end <= index { return cursor }
            return nil
        }
        return inWindow ?? (max(0, index - 8)..<index).first { longestMatch(rules.lexicon.failureCues, .failureCue, at: $0)?.end == index }
    }

    /// Adds a rule's delta to the item, and the step to its trace when explaining.
    private func apply(_ step: Step, to item: inout Item) {
        if explains { item.steps.append(step) }
        item.contribution += step.delta
    }

    // MARK: Rules

    /// Boosters and dampeners up to three words before (`muy bueno`, `really bad`, `un poco caro`), nearest first.
    private func applyBoosters(before index: Int, valence: Double, to item: inout Item) {
        var distance = 0
        var cursor = index - 1
        while cursor >= 0, distance < SentimentTunables.boosterDecay.count, tokens[cursor].kind == .word {
            if let weight = facts[cursor].booster {
                let delta = weight * SentimentTunables.boosterStep * SentimentTunables.boosterDecay[distance] * (valence < 0 ? -1 : 1)
                apply(Step(rule: weight >= 0 ? .booster : .dampener, cue: cue(cursor), delta: delta), to: &item)
            }
            distance += 1
            cursor -= 1
        }
    }

    /// A word in capitals inside mixed-case text (`this is AWFUL`).
    private func applyCapitals(_ range: Range<Int>, valence: Double, to item: inout Item) {
        guard isMixedCase, range.contains(where: { tokens[$0].isAllCaps }) else { return }
        apply(Step(rule: .capitals, cue: cue(range.lowerBound), delta: SentimentTunables.capitalsStep * (valence < 0 ? -1 : 1)), to: &item)
    }

    /// The token as written, as a step's cue; empty when not explaining.
    private func cue(_ index: Int) -> String { surface(of: index..<(index + 1)) }

    /// A negator among the three words before, within the clause, flips and weakens the value; words as written, so
    /// a contraction split into tokens ("don't" → do not, "it's" → it is) counts once ("I don't think it's good").
    /// Several negators in one clause are Romance negative concord ("no tengo ninguna queja", "não gostei nada"): one flip.
    /// A negator inside an idiom (`negatingIdiom`) is the idiom's; a negator with one of its degree words between it
    /// and the word ("never been so happy", "nunca estive tão satisfeito") or in the two words after it ("nunca me
    /// gustó tanto") emphasises the word instead.
    private func negationStep(for range: Range<Int>, value: Double, negatingIdiom: Range<Int>?) -> Step? {
        let index = range.lowerBound
        return firstInWindow(before: index) { cursor in
            guard facts[cursor].isNegator, negatingIdiom?.contains(cursor) != true else { return nil }
            if let degrees = rules.lexicon.emphaticNegators[tokens[cursor].norm],
               (cursor + 1..<index).contains(where: { degrees.contains(tokens[$0].norm) })
                || wordsAfter(range, count: 2).contains(where: { degrees.contains(tokens[$0].norm) }) {
                return Step(rule: .emphasis, cue: cue(cursor), delta: value * SentimentTunables.emphasisFactor - value)
            }
            let cue = surface(of: (cursor + 1 - Int(facts[cursor].negatorWords))..<(cursor + 1))
            return Step(rule: .negation, cue: cue, delta: value * SentimentTunables.negationFactor - value)
        }
    }

    /// The first value `body` gives for a word of the negation window before `index`: up to three words as written
    /// (a contraction split into tokens counts once), nearest first, in the same clause (punctuation or a contrast
    /// ends the search).
    private func firstInWindow<T>(before index: Int, _ body: (Int) -> T?) -> T? {
        var cursor = index - 1
        var words = 0
        while cursor >= 0, words < SentimentTunables.negationWindow {
            let kind = tokens[cursor].kind
            if kind == .punctuation || startsContrast(at: cursor) { return nil }
            if kind == .word {
                if let found = body(cursor) { return found }
                if tokens[cursor].span != tokens[cursor + 1].span { words += 1 }
            }
            cursor -= 1
        }
        return nil
    }

    /// The indices of up to `count` words right after `range`, stopping at anything that is not a word.
    private func wordsAfter(_ range: Range<Int>, count: Int) -> Range<Int> {
        var end = range.upperBound
        while end < tokens.count, end - range.upperBound < count, tokens[end].kind == .word { end += 1 }
        return range.upperBound..<end
    }

    /// "But" weighs what follows ×1.5 and what precedes ×0.5 within its sentence (the last "but" of the sentence
    /// decides, as VADER's does for a whole text); "although" weighs its own clause ×0.5.
    func applyContrast(to items: inout [Item]) {
        guard !startsContrast.isEmpty else { return }
        var buts: [(sentence: Range<Int>, index: Int, cue: String)] = []
        var concessions: [(range: Range<Int>, cue: String)] = []
        // Split only for a text with "but": most have none.
        var sentences: [Range<Int>]?
        var index = 0
        while index < tokens.count {
            guard startsContrast(at: index), let match = longestMatch(rules.lexicon.contrasts, .contrast, at: index) else {
                index += 1
                continue
            }
            let cue = surface(of: index..<match.end)
            switch match.value {
            case .but:
                if sentences == nil { sentences = SentenceSplitter.sentences(tokens, abbreviations: rules.abbreviations) }
                let sentence = sentences!.first { $0.contains(index) } ?? 0..<tokens.count
                buts.removeAll { $0.sentence == sentence }
                buts.append((sentence, index, cue))
            case .although:
                var end = match.end
                while end < tokens.count, tokens[end].kind != .punctuation { end += 1 }
                concessions.append((match.end..<end, cue))
            }
            index = match.end
        }
        for position in items.indices where items[position].source != .punctuation {
            let start = items[position].tokens.lowerBound
            if let concession = concessions.first(where: { $0.range.contains(start) }) {
                multiply(&items[position], by: SentimentTunables.concessionFactor, rule: .concession, cue: concession.cue)
            } else if let but = buts.first(where: { $0.sentence.contains(start) }) {
                if start < but.index {
                    multiply(&items[position], by: SentimentTunables.beforeContrastFactor, rule: .beforeContrast, cue: but.cue)
                } else {
                    multiply(&items[position], by: SentimentTunables.afterContrastFactor, rule: .afterContrast, cue: but.cue)
                }
            }
        }
    }

    private func multiply(_ item: inout Item, by factor: Double, rule: SentimentTrace.Rule, cue: String) {
        apply(Step(rule: rule, cue: cue, delta: item.contribution * factor - item.contribution), to: &item)
    }

    /// `!` (up to 4) and repeated `?` push the score further in its direction.
    func punctuationItem(sum: Double) -> Item? {
        guard sum != 0 else { return nil }
        var exclamations = 0, questions = 0
        for index in tokens.indices where tokens[index].kind == .punctuation {
            for scalar in tokens[index].norm.unicodeScalars {
                if scalar == "!" || scalar == "¡" { exclamations += 1 } else if scalar == "?" { questions += 1 }
            }
        }
        var steps: [Step] = []
        let direction: Double = sum > 0 ? 1 : -1
        let exclamationBoost = Double(min(exclamations, SentimentTunables.maximumExclamations)) * SentimentTunables.exclamationStep
        if exclamationBoost > 0 { steps.append(Step(rule: .exclamation, cue: String(repeating: "!", count: exclamations), delta: direction * exclamationBoost)) }
        if questions > 1 {
            let boost = questions <= 3 ? Double(questions) * SentimentTunables.questionStep : SentimentTunables.maximumQuestionBoost
            steps.append(Step(rule: .question, cue: String(repeating: "?", count: questions), delta: direction * boost))
        }
        guard !steps.isEmpty else { return nil }
        let total = steps.reduce(0) { $0 + $1.delta }
        return Item(tokens: 0..<0, text: steps.map(\.cue).joined(), source: .punctuation, base: 0, steps: steps, contribution: total)
    }

    // MARK: Proportions and signals

    /// VADER's shares: each positive item weighs contribution + 1, each negative one |contribution − 1|,
    /// each other word 1; punctuation adds to the side it pushed.
    func shares(_ items: [Item]) -> (positive: Double, neutral: Double, negative: Double) {
        var positive = 0.0, negative = 0.0
        var covered = [Bool](repeating: false, count: tokens.count)
        for item in items {
            for index in item.tokens { covered[index] = true }
            if item.source == .punctuation {
                if item.contribution > 0 { positive += item.contribution } else { negative -= item.contribution }
            } else if item.contribution > 0 {
                positive += item.contribution + 1
            } else if item.contribution < 0 {
                negative += 1 - item.contribution
            }
        }
        let neutral = Double(tokens.indices.filter { !covered[$0] && tokens[$0].kind == .word }.count)
        let total = positive + negative + neutral
        guard total > 0 else { return (0, 0, 0) }
        return (positive / total, neutral / total, negative / total)
    }

    func matches<Value>(_ index: PhraseIndex<Value>, _ kind: WordFacts.PhraseStarts) -> [String] {
        var found: [String] = []
        guard mayMatch(index, kind) else { return found }
        for position in tokens.indices {
            if let match = longestMatch(index, kind, at: position), !found.contains(match.pattern.text) {
                found.append(match.pattern.text)
            }
        }
        return found
    }

    /// Whether any phrase of `index` occurs.
    func hasMatch<Value>(_ index: PhraseIndex<Value>, _ kind: WordFacts.PhraseStarts) -> Bool {
        mayMatch(index, kind) && tokens.indices.contains { longestMatch(index, kind, at: $0) != nil }
    }

    func matchValues(_ index: PhraseIndex<String>, _ kind: WordFacts.PhraseStarts) -> [String] {
        mayMatch(index, kind) ? tokens.indices.compactMap { longestMatch(index, kind, at: $0)?.value } : []
    }
}
