public import Foundation

/// Who wrote about each emerging theme: the accounts and the newest example comments, read from the recent window's
/// comments once the themes are known (the counts, from comments or from the phrase index, say how many, not who).
public struct ThemeMentions: Sendable {
    private struct Mentions: Sendable {
        var accounts: [String: Int] = [:]
        var examples: [(at: Date, text: String)] = []
    }

    public static let exampleCount = 3
    private var byPhrase: [String: Mentions]

    public init(themes: [EmergingTheme]) {
        byPhrase = Dictionary(themes.map { ($0.phrase, Mentions()) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds a recent comment by its phrases read as the recent window's (`ThemeCounter.recentForm(of:)`): its account
    /// once per mention (as the counts are), the comment once per theme among the examples.
    public mutating func add(forms: [String], account: String?, at date: Date, text: String) {
        var added: Set<String> = []
        for form in forms where byPhrase[form] != nil {
            if let account { byPhrase[form]!.accounts[account, default: 0] += 1 }
            guard added.insert(form).inserted else { continue }
            let examples = byPhrase[form]!.examples
            if examples.count < Self.exampleCount || date > examples[examples.count - 1].at {
                byPhrase[form]!.examples.append((date, text))
                byPhrase[form]!.examples.sort { $0.at > $1.at }
                if byPhrase[form]!.examples.count > Self.exampleCount { byPhrase[form]!.examples.removeLast() }
            }
        }
    }

    /// `themes` with their accounts (most mentions first, then by id) and examples (newest first).
    public func completing(_ themes: [EmergingTheme]) -> [EmergingTheme] {
        themes.map { theme in
            var theme = theme
            let mentions = byPhrase[theme.phrase] ?? Mentions()
            theme.accounts = mentions.accounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            theme.examples = mentions.examples.map(\.text)
            return theme
        }
    }
}
