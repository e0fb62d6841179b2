import Foundation
public import VocCore
public import VocText

/// One language's sentiment data, read from `lexicons/<lang>/`:
/// `sentiment.tsv` (word → valence −4…4), `negators.txt` (with the degree words that make a negator emphatic),
/// `interjections.txt`, `privatives.txt`, `boosters.tsv` (word → weight; negative = dampener),
/// `idioms.tsv` (phrase → valence), `contrast.tsv` (phrase → but | although), `function-verbs.txt` and
/// `failure-cues.txt` (the failure statements: "would not close", "dejó de cargar"), `malfunction-verbs.txt` and
/// `repetition-cues.txt` (malfunctions that go on: "keeps dropping", "se queda cargando", "fica travando"),
/// `success-cues.txt` (function verbs that went well: "arrived a day early", "conectó a la primera"), and the
/// signal lists
/// `churn.txt`, `effort.txt`, `topics.tsv`.
public struct SentimentLexicon: Sendable {
    public enum Contrast: String, Sendable {
        /// "but", "pero", "mas": what follows counts more, what precedes less.
        case but
        /// "although", "aunque", "embora": the concessive clause counts less.
        case although
    }

    public let language: String
    /// The language's contractions, expanded in phrases as the analyzer expands them in texts.
    let contractions: Contractions
    var valences: [String: Double] = [:]
    var negators: Set<String> = []
    /// Negators of several words (`used to`): their last word negates where the phrase stands.
    var negatorPhrases = PhraseIndex<Void>()
    var negatorSuffixes: [String] = []
    /// Negators that emphasise when one of their degree words follows them (`never` → so, this): `negators.txt`'s
    /// second column.
    var emphaticNegators: [String: Set<String>] = [:]
    var interjections: Set<String> = []
    var privatives: Set<String> = []
    var boosters: [String: Double] = [:]
    var idioms = PhraseIndex<Double>()
    var contrasts = PhraseIndex<Contrast>()
    /// What a product, service or person is expected to do ("work", "carga", "atende"): failed when negated or after
    /// a failure cue.
    var functionVerbs = PhraseIndex<Void>()
    /// "stopped", "unable to", "dejó de", "parou de": say that the function verb after them fails.
    var failureCues = PhraseIndex<Void>()
    /// What goes wrong when it goes on ("dropping", "cargando", "travando"): failed after a repetition cue.
    var malfunctionVerbs = PhraseIndex<Void>()
    /// "keeps", "se queda", "fica", "vive": say that the malfunction after them goes on.
    var repetitionCues = PhraseIndex<Void>()
    /// "on the first try", "a day early", "a la primera", "na hora": say that the function verb before them went well.
    var successCues = PhraseIndex<Void>()
    var churn = PhraseIndex<Void>()
    /// "still not solved", "sigue sin resolverse", "continua sem solução": a customer's e-mail saying that the problem
    /// goes on (`still-unresolved.txt`; first-contact resolution).
    var stillUnresolved = PhraseIndex<Void>()
    /// Effort phrases with the valence each carries as an item (`effort.txt`'s second column, else
    /// `SentimentTunables.effortValence`; 0 for a signal alone, such as "three times").
    var effort = PhraseIndex<Double>()
    var topics = PhraseIndex<String>()

    /// The words of the idioms ("deixa", "desejar"): they identify the language too.
    public private(set) var idiomWords: Set<String> = []
    /// The words of the churn and effort phrases ("renovar", "demasiados", "pasos"), which identify it as well. (Not
    /// the topics': their nouns are borrowed across languages, `app`, `email`, `online`.)
    var signalWords: Set<String> { churn.words.union(effort.words) }
    /// Per word id of the model's `WordTable`: this language's facts (filled by `index`).
    private var facts: [WordFacts] = []
    /// Per word id: the facts of a token written that way and not elongated, its accent-free and unhyphenated forms
    /// included (filled by `index`), so that setting up a text does not resolve them token by token.
    private var tokenFacts: [WordFacts] = []

    init(language: String, contractions: Contractions) {
        self.language = language
        self.contractions = contractions
    }

    public static func load(from directory: LexiconDirectory, language: String, contractions: Contractions) throws(VocError) -> SentimentLexicon {
        var lexicon = SentimentLexicon(language: language, contractions: contractions)
        let sentiment = try directory.table("sentiment.tsv", language: language)
        for row in sentiment.rows {
            guard row.columns.count >= 2, let valence = Double(row.columns[1]), (-4...4).contains(valence) else {
                throw sentiment.error("expected word<TAB>valence between -4 and 4", row: row)
            }
            // An entry written elongated (`coool`) is read as tokens are (`cool`); the plain entry's valence wins.
            let word = row.columns[0].lowercased()
            let key = Tokenizer.normalizedEntry(word)
            if key != word, lexicon.valences[key] != nil { continue }
            lexicon.valences[key] = valence
        }
        for row in try directory.table("negators.txt", language: language).rows {
            let word = row.columns[0].lowercased()
            if word.hasPrefix("*") {
                lexicon.negatorSuffixes.append(String(word.dropFirst()))
            } else if word.contains(" ") {
                lexicon.negatorPhrases.insert(lexicon.phrase(word), ())
            } else {
                lexicon.negators.insert(word)
            }
            if row.columns.count > 1 {
                lexicon.emphaticNegators[word] = Set(row.columns[1].lowercased().split(separator: " ").map(String.init))
            }
        }
        for row in try directory.table("interjections.txt", language: language).rows {
            lexicon.interjections.insert(Tokenizer.normalizedEntry(row.columns[0].lowercased()))
        }
        for row in try directory.table("privatives.txt", language: language).rows { lexicon.privatives.insert(row.columns[0].lowercased()) }
        let boosters = try directory.table("boosters.tsv", language: language)
        for row in boosters.rows {
            guard row.columns.count == 2, let weight = Double(row.columns[1]) else { throw boosters.error("expected word<TAB>weight", row: row) }
            lexicon.boosters[row.columns[0].lowercased()] = weight
        }
        let idioms = try directory.table("idioms.tsv", language: language)
        for row in idioms.rows {
            guard row.columns.count == 2, let valence = Double(row.columns[1]), (-4...4).contains(valence) else {
                throw idioms.error("expected phrase<TAB>valence between -4 and 4", row: row)
            }
            lexicon.idioms.insert(lexicon.phrase(row.columns[0]), valence)
            lexicon.idiomWords.formUnion(row.columns[0].lowercased().split(separator: " ").map(String.init).filter { $0 != "*" })
        }
        let contrasts = try directory.table("contrast.tsv", language: language)
        for row in contrasts.rows {
            guard row.columns.count == 2, let kind = Contrast(rawValue: row.columns[1]) else { throw contrasts.error("expected phrase<TAB>but|although", row: row) }
            lexicon.contrasts.insert(lexicon.phrase(row.columns[0]), kind)
        }
        for row in try directory.table("function-verbs.txt", language: language).rows { lexicon.functionVerbs.insert(lexicon.phrase(row.columns[0]), ()) }
        for row in try directory.table("failure-cues.txt", language: language).rows { lexicon.failureCues.insert(lexicon.phrase(row.columns[0]), ()) }
        for row in try directory.table("malfunction-verbs.txt", language: language).rows { lexicon.malfunctionVerbs.insert(lexicon.phrase(row.columns[0]), ()) }
        for row in try directory.table("repetition-cues.txt", language: language).rows { lexicon.repetitionCues.insert(lexicon.phrase(row.columns[0]), ()) }
        for row in try directory.table("success-cues.txt", language: language).rows { lexicon.successCues.insert(lexicon.phrase(row.columns[0]), ()) }
        for row in try directory.table("churn.txt", language: language).rows { lexicon.churn.insert(lexicon.phrase(row.columns[0]), ()) }
        for row in try directory.table("still-unresolved.txt", language: language).rows {
            lexicon.stillUnresolved.insert(lexicon.phrase(row.columns[0]), ())
        }
        let effort = try directory.table("effort.txt", language: language)
        for row in effort.rows {
            let valence = row.columns.count > 1 ? Double(row.columns[1]) : SentimentTunables.effortValence
            guard let valence, (-4...0).contains(valence) else { throw effort.error("expected phrase[<TAB>valence between -4 and 0]", row: row) }
            lexicon.effort.insert(lexicon.phrase(row.columns[0]), valence)
        }
        let topics = try directory.table("topics.tsv", language: language)
        for row in topics.rows {
            guard row.columns.count == 2 else { throw topics.error("expected topic<TAB>pattern", row: row) }
            lexicon.topics.insert(lexicon.phrase(row.columns[1]), row.columns[0])
        }
        return lexicon
    }

    /// Text typed without accents (`otimo`, `pessimo`, `facil`, `jamas`) finds the accented entry: each accented
    /// valence, booster and negator is also filed under its accent-free form, unless that form is a word of the
    /// language already (`known`, or any entry), is shorter than four letters (más/mas, sí/si, é/e are other words),
    /// or two entries fold to it with different values. Call after overlays, before `words` is read.
    /// - Returns: the forms added.
    @discardableResult
    mutating func addAccentFreeForms(known: Set<String>) -> Set<String> {
        let contrastWords = contrasts.words
        func isTaken(_ form: String) -> Bool {
            form.utf8.count < 4 || known.contains(form) || valences[form] != nil || boosters[form] != nil || negators.contains(form)
                || interjections.contains(form) || idiomWords.contains(form) || contrastWords.contains(form)
        }
        func accentFree(_ table: [String: Double]) -> [String: Double] {
            var forms: [String: Double?] = [:]
            for (word, value) in table {
                let form = AccentFolding.fold(word)
                guard form != word, !isTaken(form) else { continue }
                if let existing = forms[form] { forms[form] = existing == value ? value : .some(nil) } else { forms[form] = value }
            }
            return forms.compactMapValues { $0 }
        }
        let freeValences = accentFree(valences), freeBoosters = accentFree(boosters)
        let freeNegators = negators.map(AccentFolding.fold).filter { !isTaken($0) }
        valences.merge(freeValences) { own, _ in own }
        boosters.merge(freeBoosters) { own, _ in own }
        negators.formUnion(freeNegators)
        return Set(freeValences.keys).union(freeBoosters.keys).union(freeNegators)
    }

    /// A phrase of a data file or overlay, lower-cased, its contractions expanded.
    private func phrase(_ text: String) -> PhrasePattern {
        PhrasePattern(text.lowercased(), contractions: contractions)
    }

    /// A user overlay wins over the built-in entries: single words become valences, phrases idioms.
    mutating func apply(_ overlay: LexiconOverlay) {
        for (term, valence) in overlay.entries {
            if term.contains(" ") { idioms.insert(phrase(term), valence) } else { valences[Tokenizer.normalizedEntry(term)] = valence }
        }
    }

    /// Every word the facts are about: entries, negators, boosters and the words of phrases.
    var words: [String] {
        Array(valences.keys) + Array(negators) + Array(privatives) + Array(boosters.keys) + Array(idioms.words) + Array(contrasts.words)
            + Array(churn.words) + Array(effort.words) + Array(topics.words) + Array(negatorPhrases.words)
            + Array(functionVerbs.words) + Array(failureCues.words) + Array(malfunctionVerbs.words) + Array(repetitionCues.words)
            + Array(successCues.words) + Array(stillUnresolved.words)
    }

    /// Resolves the facts of every word in `table` (which must hold `words`) for `facts(of:)`.
    /// - Parameter foldedIDs: per word id, its accent-free form's id (−1 when absent).
    mutating func index(_ table: WordTable, foldedIDs: [Int32], contractions: Contractions) {
        idioms.index(table)
        contrasts.index(table)
        churn.index(table)
        negatorPhrases.index(table)
        effort.index(table)
        topics.index(table)
        functionVerbs.index(table)
        failureCues.index(table)
        malfunctionVerbs.index(table)
        repetitionCues.index(table)
        successCues.index(table)
        stillUnresolved.index(table)
        // Each entry is filed under its word's id, rather than every word of the table looked up in each list (the
        // dictionaries and sets were asked 20 times per word, a quarter of loading the lexicons, perf). Entries whose
        // word the table lacks are never a token's.
        var own = [WordFacts](repeating: .unknown, count: table.count)
        func mark<Words: Sequence<String>>(_ words: Words, _ set: (inout WordFacts) -> Void) {
            for word in words { if let id = table.id(of: word) { set(&own[Int(id)]) } }
        }
        for (ids, start) in [(idioms.firstWordIDs(in: table), WordFacts.PhraseStarts.idiom), (contrasts.firstWordIDs(in: table), .contrast),
                               (churn.firstWordIDs(in: table), .churn), (effort.firstWordIDs(in: table), .effort), (topics.firstWordIDs(in: table), .topic),
                               (negatorPhrases.firstWordIDs(in: table), .negator), (functionVerbs.firstWordIDs(in: table), .functionVerb),
                               (failureCues.firstWordIDs(in: table), .failureCue), (malfunctionVerbs.firstWordIDs(in: table), .malfunctionVerb),
                               (repetitionCues.firstWordIDs(in: table), .repetitionCue), (successCues.firstWordIDs(in: table), .successCue),
                               (stillUnresolved.firstWordIDs(in: table), .stillUnresolved)] {
            for id in ids { own[Int(id)].phrases.insert(start) }
        }
        for (word, valence) in valences { if let id = table.id(of: word) { own[Int(id)].valence = valence } }
        for (word, booster) in boosters { if let id = table.id(of: word) { own[Int(id)].booster = booster } }
        mark(negators) { $0.isNegator = true }
        mark(interjections) { $0.isInterjection = true }
        mark(privatives) { $0.isPrivative = true }
        mark(contractions.contracted) { $0.isContraction = true }
        facts = own
        // Read from one copy: called on `self` inside this mutating method, each call copied the whole lexicon (its
        // dictionaries retained and released: a fifth of loading the lexicons, perf).
        let lexicon = self
        tokenFacts = (0..<Int32(table.count)).map { id in
            let norm = table.word(id)
            return lexicon.resolve(own: lexicon.facts[Int(id)], bare: lexicon.facts(of: foldedIDs[Int(id)]), norm: norm, hasJoiner: Token.hasJoiner(norm),
                                   elongation: nil)
        }
    }

    /// The facts of a word id (−1 or an id the table got after `index`: unknown).
    func facts(of id: Int32) -> WordFacts {
        id >= 0 && Int(id) < facts.count ? facts[Int(id)] : .unknown
    }

    /// The facts of a token that is not elongated, from its norm's id and its accent-free form's id alone; nil when
    /// its joiners (`-`, `'`) need a look at the norm (then ask `facts(of:norm:folded:)`).
    /// - Parameter folded: the id of the token's accent-free form, as `index` was given it for a word in the table.
    func facts(ofPlain norm: Int32, folded: Int32, hasJoiner: Bool) -> WordFacts? {
        if norm >= 0 && Int(norm) < tokenFacts.count { return tokenFacts[Int(norm)] }
        guard !hasJoiner else { return nil }
        return folded < 0 ? .unknown : resolve(own: .unknown, bare: facts(of: folded), norm: "", hasJoiner: false, elongation: nil)
    }

    /// A token's facts from its norm's and its accent-free form's: valence from the norm, then (for elongations)
    /// the cut forms, then the accent-free form, then the form without hyphens; booster likewise; negator from
    /// any of them (`nããão`, `nuuunca`, `nooot`); phrase starts from the accent-free form, as phrases are indexed by it.
    func facts(of token: Token, norm: Int32, folded: Int32) -> WordFacts {
        if !token.isElongated, let facts = facts(ofPlain: norm, folded: folded, hasJoiner: token.hasJoiner) { return facts }
        let own = facts(of: norm)
        return resolve(own: own, bare: folded == norm ? own : facts(of: folded), norm: token.norm, hasJoiner: token.hasJoiner,
                       elongation: token.isElongated ? token.lookupForms : nil)
    }

    /// A token's facts from those of its norm (`own`) and of its accent-free form (`bare`).
    /// - Parameter elongation: an elongated token's look-up forms (`sooo`, `so`), nil for any other.
    private func resolve(own: WordFacts, bare: WordFacts, norm: String, hasJoiner: Bool, elongation: [String]?) -> WordFacts {
        let cut = elongation?.dropFirst() ?? []
        var result = own
        result.valence = own.valence ?? Self.first(of: cut, in: valences) ?? bare.valence ?? (hasJoiner ? unhyphenatedValence(norm) : nil)
        result.booster = own.booster ?? bare.booster ?? Self.first(of: cut, in: boosters)
        result.isNegator = own.isNegator || bare.isNegator || (hasJoiner && isNegatorBySuffix(norm)) || cut.contains(where: negators.contains)
        result.isInterjection = own.isInterjection || bare.isInterjection || (elongation?.contains(where: interjections.contains) ?? false)
        result.isPrivative = own.isPrivative || bare.isPrivative
        result.phrases = bare.phrases
        return result
    }

    /// The entry of the first of `forms` that `table` has.
    private static func first(of forms: ArraySlice<String>, in table: [String: Double]) -> Double? {
        for form in forms { if let value = table[form] { return value } }
        return nil
    }

    /// `bug-free`, `pain-free`: a hyphenated word not in the lexicon whose last part is a privative and whose other
    /// parts make a negative word; that word's valence.
    func privativeCompound(_ token: Token) -> Double? {
        let norm = token.norm
        guard token.hasJoiner, !privatives.isEmpty, let hyphen = norm.utf8.lastIndex(of: UInt8(ascii: "-")),
              privatives.contains(String(norm[norm.utf8.index(after: hyphen)...])) else { return nil }
        let head = String(norm[..<hyphen])
        guard let valence = valences[head] ?? unhyphenatedValence(head), valence < 0 else { return nil }
        return valence
    }

    /// `heart-warming`, `over-priced`: a hyphenated word not in the lexicon as written, looked up without hyphens.
    private func unhyphenatedValence(_ norm: String) -> Double? {
        guard norm.containsByte(UInt8(ascii: "-")) else { return nil }
        return valences[String(norm.filter { $0 != "-" })]
    }

    /// A hashtag's valence is its word's (`#fail`, `#blessed`), accents optional.
    func valence(ofHashtag norm: String) -> Double? {
        let word = String(norm.drop { $0 == "#" })
        return valences[word] ?? valences[AccentFolding.fold(word)]
    }

    /// `don't`, `isn't`: negators written as a suffix (`*n't` in `negators.txt`).
    private func isNegatorBySuffix(_ norm: String) -> Bool {
        !negatorSuffixes.isEmpty && norm.containsByte(UInt8(ascii: "'")) && negatorSuffixes.contains { norm.hasSuffix($0) }
    }
}

/// A user's lexicon file: `term<TAB>mean[<TAB>…]` lines (VADER's format; extra columns ignored), `#` comments.
/// Means outside −4…4 are rejected with the file and line.
public struct LexiconOverlay: Sendable {
    public let entries: [(String, Double)]

    public init(contentsOf path: String) throws(VocError) {
        let table = try LexiconTable(contentsOf: URL(fileURLWithPath: path))
        var entries: [(String, Double)] = []
        for row in table.rows {
            guard row.columns.count >= 2, let mean = Double(row.columns[1].trimmingCharacters(in: .whitespaces)), (-4...4).contains(mean) else {
                throw table.error("expected term<TAB>mean (−4 to 4)", row: row)
            }
            entries.append((row.columns[0].lowercased(), mean))
        }
        self.entries = entries
    }
}
