import CLibXML2
import Foundation
import VocCore

/// Finds which repeated element holds the records of an XML export, from its first elements:
/// the only kind of record-like element under the root (`bugzilla/bug`), else the shallowest path that repeats
/// (`comments/row`, `rss/channel/item`). Ambiguous layouts are an error that lists the candidates.
enum XMLRecordPathDetector {
    static let sampledElements = 20_000

    static func detect(path: String) throws(VocError) -> [String] {
        XMLRecordReader.installSecurity()
        guard let reader = xmlReaderForFile(path, nil, XMLRecordReader.options) else {
            throw VocError(.fileUnreadable, "cannot open as XML", at: SourcePosition(file: path))
        }
        defer { xmlFreeTextReader(reader) }
        var counts: [[String]: Int] = [:]
        var recordLike = Set<[String]>()
        var order: [[String]] = []
        var stack: [String] = []
        var seen = 0
        var status: Int32 = 1
        while seen < sampledElements {
            status = xmlTextReaderRead(reader)
            guard status == 1 else { break }
            let depth = Int(xmlTextReaderDepth(reader))
            guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue), depth <= 4 else { continue }
            seen += 1
            stack.removeLast(max(0, stack.count - depth))
            stack.append(XMLRecordReader.string(xmlTextReaderConstLocalName(reader)))
            if counts[stack] == nil { order.append(stack) }
            counts[stack, default: 0] += 1
            if xmlTextReaderHasAttributes(reader) == 1 { recordLike.insert(stack) }
            if depth >= 1 { recordLike.insert(Array(stack.dropLast())) }
            if xmlTextReaderIsEmptyElement(reader) == 1 { stack.removeLast() }
        }
        if status < 0, let error = xmlGetLastError() {
            let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed"
            if !order.contains(where: { counts[$0]! >= 2 }) {
                throw VocError(.invalidInput, "not well-formed at column \(error.pointee.int2): \(message)",
                               at: SourcePosition(file: path, line: Int(error.pointee.line)))
            }
        }
        for depth in 2...5 {
            let repeated = order.filter { $0.count == depth && counts[$0]! >= 2 }
            guard let best = repeated.max(by: { counts[$0]! < counts[$1]! }) else { continue }
            let ties = repeated.filter { counts[$0]! * 2 > counts[best]! }
            if ties.count == 1 { return best }
            let list = ties.map { "\($0.joined(separator: "/")) (\(counts[$0]!))" }.joined(separator: ", ")
            throw VocError(.invalidInput, "several elements could hold the records: \(list); choose one with --record-path", at: SourcePosition(file: path))
        }
        // A single record-like element under the root (a one-ticket export) is the record.
        let underRoot = order.filter { $0.count == 2 && recordLike.contains($0) }
        if underRoot.count == 1 { return underRoot[0] }
        // Nothing repeats: the document is one record.
        if let root = order.first(where: { $0.count == 1 }) { return root }
        throw VocError(.invalidInput, "the document has no elements; give the record elements with --record-path", at: SourcePosition(file: path))
    }
}
