/// The command line as the user typed it, made parseable: options written before the command (`voc --store x.sqlite
/// accounts`) move after it, where swift-argument-parser looks for them, and a mistyped command is named with the
/// closest real one.
struct CommandLineArguments {
    let original: [String]
    /// Command names at the root, and under each command that has subcommands (`accounts import`).
    private let commands: [String: [String]]
    /// Where the command name is in `original` (nil: none, e.g. `voc --help`).
    private let commandIndex: Int?

    /// `commands`: each command name with the names of its subcommands.
    init(_ arguments: [String], commands: [String: [String]]) {
        original = arguments
        self.commands = commands
        // Leading options: `--name=value`, or `--name value` when the value is not a command name.
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-"), arguments[index] != "-", arguments[index] != "--" {
            let option = arguments[index]
            index += 1
            if !option.contains("="), index < arguments.count, !arguments[index].hasPrefix("-"), commands[arguments[index]] == nil,
               arguments[index] != "help" {
                index += 1
            }
        }
        commandIndex = index < arguments.count ? index : nil
    }

    /// The word in the command's place that is no command (nil when the command is known or absent).
    var unknownCommand: String? {
        guard let commandIndex, commandIndex < original.count else { return nil }
        let word = original[commandIndex]
        return commands[word] == nil && word != "help" && !word.hasPrefix("-") ? word : nil
    }

    /// The arguments with leading options moved after the command (and its subcommand).
    var reordered: [String] {
        guard let commandIndex, commandIndex > 0, commandIndex < original.count else { return original }
        var end = commandIndex + 1
        if end < original.count, commands[original[commandIndex]]?.contains(original[end]) == true { end += 1 }
        return Array(original[commandIndex..<end]) + original[..<commandIndex] + original[end...]
    }

    /// The command closest to `word` by edit distance, when it is close enough to be a typo.
    func suggestion(for word: String) -> String? {
        let scored = commands.keys.map { ($0, Self.distance(word.lowercased(), $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (name, distance) = scored, distance <= max(1, name.count / 3) || name.hasPrefix(word.lowercased()) else { return nil }
        return name
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
