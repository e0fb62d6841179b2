import VocCore

/// Reads a rating cell. Blank and N/A cells are kept apart from ratings; `9.0` and Qualtrics choice text
/// such as `10 - Extremely likely` are read as whole numbers; `6.5` or `good` are errors, never rounded.
struct ScoreParser {
    enum Failure: Error, Equatable {
        case notAWholeNumber
        case notANumber
        case outOfScale(Int)
    }

    let notApplicable: Set<String>

    func parse(_ text: String, scale: RatingScale) -> Result<ScoreAnswer, Failure> {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return .success(.blank) }
        if notApplicable.contains(trimmed.lowercased()) { return .success(.notApplicable) }
        let utf8 = Array(trimmed.utf8)
        var index = 0
        var value = 0
        while index < utf8.count, let digit = Self.digit(utf8[index]) {
            guard value < 1_000_000 else { return .failure(.outOfScale(value)) }
            value = value * 10 + digit
            index += 1
        }
        guard index > 0 else { return .failure(.notANumber) }
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") || utf8[index] == UInt8(ascii: ",") {
            var fraction = index + 1
            guard fraction < utf8.count else { return .failure(.notANumber) }
            while fraction < utf8.count, let digit = Self.digit(utf8[fraction]) {
                if digit != 0 { return .failure(.notAWholeNumber) }
                fraction += 1
            }
            index = fraction
        }
        if index < utf8.count && !Self.isChoiceLabel(utf8[index...]) { return .failure(.notANumber) }
        return scale.contains(value) ? .success(.rating(value)) : .failure(.outOfScale(value))
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }

    /// ` - Extremely likely`, ` – Nada probable`, `: Muito fácil`: a label after the number.
    private static func isChoiceLabel(_ rest: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: rest, as: UTF8.self).trimmingSpaces
        guard let first = text.first, "-–—:".contains(first) else { return false }
        return text.dropFirst().trimmingSpaces.first?.isLetter == true
    }
}
