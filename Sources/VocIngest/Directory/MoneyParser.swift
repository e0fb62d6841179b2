/// Reads revenue figures as CRM exports write them: `120000`, `120,000.50`, `120.000,50`, `R$ 1.200`, `€95k`, `1.2M`.
///
/// Currency symbols and codes are ignored. When both `,` and `.` occur, the last one is the decimal separator;
/// a single separator followed by exactly three digits groups thousands, otherwise it is the decimal mark.
enum MoneyParser {
    static func parse(_ text: String) -> Double? {
        var digits = ""
        var separators: [Character] = []
        var multiplier = 1.0
        var sawDigit = false
        for character in text.lowercased() {
            switch character {
            case "0"..."9":
                digits.append(character)
                sawDigit = true
            case ",", ".":
                guard sawDigit else { continue }
                digits.append(character)
                separators.append(character)
            case "k" where sawDigit: multiplier = 1_000
            case "m" where sawDigit: multiplier = 1_000_000
            case "-" where !sawDigit: return nil
            default:
                continue
            }
        }
        guard sawDigit else { return nil }
        let decimal: Character?
        if Set(separators).count == 2 {
            decimal = separators.last
        } else if let only = separators.first {
            let tail = digits.split(separator: only, omittingEmptySubsequences: false).last ?? ""
            decimal = separators.count == 1 && tail.count != 3 ? only : nil
        } else {
            decimal = nil
        }
        var normalized = ""
        for character in digits {
            if character == decimal { normalized.append(".") } else if character.isNumber { normalized.append(character) }
        }
        return Double(normalized).map { $0 * multiplier }
    }
}
