import Foundation

/// The JSON conventions of every machine output: snake_case keys, sorted, ISO 8601 UTC dates, no escaped slashes.
public enum JSONOutput {
    public static func encode(_ value: some Encodable, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            let text = String(decoding: try encoder.encode(value), as: UTF8.self)
            return pretty && text == "[\n\n]" ? "[]" : text  // Foundation prints an empty array over three lines
        } catch {
            preconditionFailure("encoding a report value cannot fail: \(error)")
        }
    }
}
