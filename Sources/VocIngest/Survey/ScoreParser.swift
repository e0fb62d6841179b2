import VocCore

/// Reads a rating cell. Blank and N/A cells are kept apart from ratings; `9.0` and choice text such as
/// `10 - Extremely likely` or `5 (muito bom)` are read as whole numbers, answer labels through the column's label
/// map; `6.5` or an unknown word are errors, never rounded or guessed.
struct ScoreParser {
    enum Failure: Error, Equatable {
        case notAWholeNumber
        case notANumber
        case outOfScale(Int)
    }

    let notApplicable: Set<String>

    /// Parses a cell from its bytes; `text` decodes it, needed only for answers that are not plain numbers.
    /// `labels` reads answer labels of this column as ratings (`Very satisfied` → 5; normalized like headers).
    func parse(_ field: UnsafeBufferPointer<UInt8>, scale: RatingScale, labels: [String: Int] = [:], text: () -> String?) -> Result<ScoreAnswer, Failure> {
        let bytes = field.trimmingASCIISpaces
        if bytes.isEmpty { return .success(.blank) }
        guard let number = Self.wholeNumber(bytes, in: field, text: text) else {
            let answer = text()?.trimmingSpaces ?? ""
            if notApplicable.contains(answer.lowercased()) { return .success(.notApplicable) }
            if !labels.isEmpty, let value = labels[HeaderText.normalize(answer)] {
                return scale.contains(value) ? .success(.rating(value)) : .failure(.outOfScale(value))
            }
            return .failure(.notANumber)
        }
        return number.flatMap { value in scale.contains(value) ? .success(.rating(value)) : .failure(.outOfScale(value)) }
    }

    /// The whole number a cell holds, alone or followed by its choice label (`10 - Extremely likely`, `5 (muito bom)`,
    /// `9.0`), on any scale: nil when the cell does not start with a digit; `.notAWholeNumber` for `6.5`,
    /// `.notANumber` for a number followed by anything else. `bytes` is `field` without its surrounding spaces; `text`
    /// decodes `field`, needed only when a label follows the number. The value profile reads numbers with it too, so
    /// a column is judged by the same reading that will parse it.
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>, in field: UnsafeBufferPointer<UInt8>, text: () -> String?) -> Result<Int, Failure>? {
        var index = 0
        var value = 0
        while index < bytes.count, let digit = Self.digit(bytes[index]) {
            guard value < 1_000_000 else { return .failure(.outOfScale(value)) }
            value = value * 10 + digit
            index += 1
        }
        guard index > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            var fraction = index + 1
            guard fraction < bytes.count else { return .failure(.notANumber) }
            while fraction < bytes.count, let digit = Self.digit(bytes[fraction]) {
                if digit != 0 { return .failure(.notAWholeNumber) }
                fraction += 1
            }
            index = fraction
        }
        if index < bytes.count {
            // Leading spaces and the number are ASCII: one scalar per byte in every supported encoding.
            let consumed = index + (bytes.baseAddress! - field.baseAddress!)
            guard let label = text()?.unicodeScalars.dropFirst(consumed), Self.isChoiceLabel(String(label)) else {
                return .failure(.notANumber)
            }
        }
        return .success(value)
    }

    /// `wholeNumber` of a cell's text, already without its surrounding spaces.
    static func wholeNumber(_ text: String) -> Result<Int, Failure>? {
        var text = text
        return text.withUTF8 { bytes in wholeNumber(bytes, in: bytes, text: { String(decoding: bytes, as: UTF8.self) }) }
    }

    func parse(_ text: String, scale: RatingScale) -> Result<ScoreAnswer, Failure> {
        var text = text
        return text.withUTF8 { bytes in parse(bytes, scale: scale, text: { String(decoding: bytes, as: UTF8.self) }) }
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }

    /// ` - Extremely likely`, ` – Nada probable`, `: Muito fácil`, ` (muito bom)`: a label after the number.
    private static func isChoiceLabel(_ rest: String) -> Bool {
        let text = rest.trimmingSpaces
        guard let first = text.first, "-–—:(".contains(first) else { return false }
        return text.dropFirst().trimmingSpaces.first?.isLetter == true
    }
}
