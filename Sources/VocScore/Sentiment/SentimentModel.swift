public import VocCore
public import VocText

/// Everything the analyzer reads from `lexicons/`: the tokenizer's emoticons, the emoji and emoticon valences,
/// and per language the sentiment lexicon, contractions and the words that identify the language.
public struct SentimentModel: Sendable {
    /// The tokenizer configured with the shared emoticons.
    public let tokenizer: Tokenizer
    let identifier: LanguageIdentifier
    /// Every word any lexicon, phrase list, contraction list or language list mentions; tokens are looked up once.
    let words: WordTable
    /// Per word id: the id of its accent-free form (`acao` for `ação`; itself when it has no accent; −1 when that
    /// form is not in the table).
    let foldedIDs: [Int32]
    /// Per language, in `LexiconDirectory.languages` order.
    let rules: [LanguageRules]
    let symbols: [String: Double]

    /// A language's rules; nil for a language without lexicons. A linear scan over three codes: no string hashing.
    func rules(for language: String) -> LanguageRules? {
        rules.first { $0.language == language }
    }

    /// - Parameter overlays: user lexicon files, applied in order to every language (later files win).
    public static func load(from directory: LexiconDirectory, overlays: [LexiconOverlay] = []) throws(VocError) -> SentimentModel {
        var symbols: [String: Double] = [:]
        var emoticons: [String] = []
        for (file, isEmoticon) in [("shared/emoticons.tsv", true), ("shared/emoji.tsv", false)] {
            let table = try directory.table(file)
            for row in table.rows {
                guard row.columns.count >= 2, let valence = Double(row.columns[1]) else { throw table.error("expected symbol<TAB>valence", row: row) }
                symbols[row.columns[0]] = valence
                if isEmoticon { emoticons.append(row.columns[0]) }
            }
        }
        var lexicons: [String: SentimentLexicon] = [:]
        var contractions: [String: Contractions] = [:]
        var abbreviations: [String: Set<String>] = [:]
        var identifying: [String: Set<String>] = [:]
        var accentFree: [String: Set<String>] = [:]
        for language in LexiconDirectory.languages {
            contractions[language] = try Contractions.load(from: directory, language: language)
            var lexicon = try SentimentLexicon.load(from: directory, language: language, contractions: contractions[language]!)
            for overlay in overlays { lexicon.apply(overlay) }
            let stopwords = Set(try directory.table("stopwords.txt", language: language).rows.map { $0.columns[0].lowercased() })
            accentFree[language] = lexicon.addAccentFreeForms(known: stopwords)
            lexicons[language] = lexicon
            abbreviations[language] = Set(try directory.table("abbreviations.txt", language: language).rows.map { $0.columns[0].lowercased() })
            var words = stopwords
            words.formUnion(lexicon.valences.keys)
            words.formUnion(lexicon.negators)
            words.formUnion(lexicon.boosters.keys)
            words.formUnion(lexicon.idiomWords)
            words.formUnion(lexicon.signalWords)
            identifying[language] = words
        }
        // An accent-free form identifies its language only when no other language writes that word itself
        // (`recomendo`, Spanish `recomendó` without its accent, is Portuguese).
        for language in LexiconDirectory.languages {
            let others = LexiconDirectory.languages.filter { $0 != language }.map { identifying[$0]!.subtracting(accentFree[$0]!) }
            identifying[language]!.subtract(accentFree[language]!.filter { form in others.contains { $0.contains(form) } })
        }
        var table = WordTable()
        for language in LexiconDirectory.languages {
            for word in lexicons[language]!.words { table.insert(word) }
            for word in contractions[language]!.contracted { table.insert(word) }
        }
        let identifier = LanguageIdentifier(words: identifying, table: table)
        let foldedIDs = (0..<Int32(identifier.table.count)).map { id in
            let word = identifier.table.word(id)
            let folded = AccentFolding.fold(word)
            return folded == word ? id : identifier.table.id(of: folded) ?? -1
        }
        for language in LexiconDirectory.languages {
            lexicons[language]!.index(identifier.table, foldedIDs: foldedIDs, contractions: contractions[language]!)
        }
        let rules = LexiconDirectory.languages.map {
            LanguageRules(lexicon: lexicons[$0]!, contractions: contractions[$0]!, abbreviations: abbreviations[$0]!)
        }
        return SentimentModel(tokenizer: Tokenizer(emoticons: emoticons), identifier: identifier, words: identifier.table,
                              foldedIDs: foldedIDs, rules: rules, symbols: symbols)
    }
}
