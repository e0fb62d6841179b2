import CLibXML2
import Foundation
import VocCore

/// Streams the records of an XML export with libxml2's `xmlTextReader`: every element at `recordPath` is one record,
/// its attributes (`@name`) and child elements (`name`, nested text flattened) are its fields.
///
/// Secure by construction: no entity substitution, no DTD loading, no network (`XML_PARSE_NONET`), a process-wide
/// external-entity loader that refuses everything, entity amplification checked by `XMLEntityGuard`, and a depth limit.
final class XMLRecordReader {
    struct Record: Sendable {
        var fields: [(name: String, value: String)]
        var line: Int
        var isTruncated: Bool
    }

    enum Event: Sendable {
        case record(Record)
        /// The document is not well-formed (or breaks a limit) here; reading stops after this event.
        case malformed(line: Int, column: Int, message: String)
    }

    /// Below libxml2's own limit (256 without XML_PARSE_HUGE), so the report is voc's, naming the limit, not libxml2's
    /// advice to lift it. Survey and ticket exports nest a handful of levels.
    static let maximumDepth = 128
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOBLANKS.rawValue)

    let file: String
    let recordPath: [String]
    let maximumRecordBytes: Int
    private let reader: xmlTextReaderPtr
    private var guardian: XMLEntityGuard
    private var stack: [String] = []
    private var finished = false
    /// Records returned so far, and events queued after a fatal error (records recovered before it, then the error).
    private var delivered = 0
    private var queued: [Event] = []

    static func installSecurity() {
        voc_install_entity_guard()
        voc_silence_errors()
    }

    convenience init(path: String, recordPath: [String], guardian: XMLEntityGuard, maximumRecordBytes: Int) throws(VocError) {
        Self.installSecurity()
        guard let reader = xmlReaderForFile(path, nil, Self.options) else {
            throw VocError(.fileUnreadable, "cannot open as XML", at: SourcePosition(file: path))
        }
        self.init(reader: reader, path: path, recordPath: recordPath, guardian: guardian, maximumRecordBytes: maximumRecordBytes)
    }

    private init(reader: xmlTextReaderPtr, path: String, recordPath: [String], guardian: XMLEntityGuard, maximumRecordBytes: Int) {
        self.reader = reader
        self.file = path
        self.recordPath = recordPath
        self.guardian = guardian
        self.maximumRecordBytes = maximumRecordBytes
    }

    deinit { xmlFreeTextReader(reader) }

    /// The line of the current node (the parser itself reads ahead).
    var line: Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return Int(xmlTextReaderGetParserLineNumber(reader)) }
        return Int(xmlGetLineNo(node))
    }

    /// The next record, a malformed-document event, or nil at the end.
    func next() throws(VocError) -> Event? {
        if !queued.isEmpty { return queued.removeFirst() }
        guard !finished else { return nil }
        let event = try read()
        switch event {
        case .record?:
            delivered += 1
            return event
        case .malformed(let line, _, _)?:
            // libxml2 parses ahead of the nodes it delivers: records before the error line may not have been
            // delivered yet. Read the file again up to that line and hand them out before the error.
            queued = recoverRecords(before: line) + [event!]
            return queued.removeFirst()
        case nil:
            return nil
        }
    }

    private func read() throws(VocError) -> Event? {
        var record: Record?
        var fieldIndex: Int?
        var recordBytes = 0
        while true {
            xmlResetLastError()
            let status = xmlTextReaderRead(reader)
            if status < 0 {
                finished = true
                return malformed()
            }
            if status == 0 {
                finished = true
                if record != nil { return .malformed(line: line, column: 0, message: "the document ends inside a record") }
                return nil
            }
            let type = xmlTextReaderNodeType(reader)
            let depth = Int(xmlTextReaderDepth(reader))
            switch type {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = Self.string(xmlTextReaderConstLocalName(reader))
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                stack.removeLast(max(0, stack.count - depth))
                stack.append(name)
                guard stack.count <= Self.maximumDepth else {
                    finished = true
                    return .malformed(line: line, column: 0, message: "elements nest deeper than \(Self.maximumDepth) levels")
                }
                if record == nil, stack == recordPath {
                    var fields: [(String, String)] = []
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        let value = Self.string(xmlTextReaderConstValue(reader))
                        recordBytes += value.utf8.count
                        fields.append(("@" + Self.string(xmlTextReaderConstLocalName(reader)), value))
                    }
                    record = Record(fields: fields, line: line, isTruncated: false)
                    if isEmpty {
                        stack.removeLast()
                        return .record(record!)
                    }
                } else if record != nil, depth == recordPath.count {
                    record!.fields.append((name, ""))
                    fieldIndex = record!.fields.count - 1
                } else if record != nil, let field = fieldIndex, depth > recordPath.count {
                    // An element inside a field separates words: "<p>a</p><p>b</p>" reads "a b".
                    if let last = record!.fields[field].value.last, !last.isWhitespace { record!.fields[field].value += " " }
                }
                if isEmpty, !stack.isEmpty { stack.removeLast() }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                guard record != nil, depth >= recordPath.count else { continue }
                let text = Self.string(xmlTextReaderConstValue(reader))
                append(text, to: &record!, field: depth == recordPath.count ? nil : fieldIndex, bytes: &recordBytes)
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                let name = Self.string(xmlTextReaderConstLocalName(reader))
                let text = try guardian.substitute(name, file: file, line: line)
                if record != nil, depth >= recordPath.count {
                    append(text, to: &record!, field: depth == recordPath.count ? nil : fieldIndex, bytes: &recordBytes)
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                if record != nil, depth == recordPath.count - 1 {
                    stack.removeLast(max(0, stack.count - depth))
                    return .record(record!)
                }
                if depth == recordPath.count { fieldIndex = nil }
                stack.removeLast(max(0, stack.count - depth))
            default:
                continue
            }
        }
    }

    /// Adds text to a field (or to `#text` for text directly inside the record); past the size limit the record is
    /// marked truncated and the rest of its text is dropped (it is then quarantined, not accepted).
    private func append(_ text: String, to record: inout Record, field: Int?, bytes: inout Int) {
        bytes += text.utf8.count
        if bytes > maximumRecordBytes {
            record.isTruncated = true
            return
        }
        if let field {
            record.fields[field].value += text
        } else if !text.allSatisfy(\.isWhitespace) {
            if let index = record.fields.firstIndex(where: { $0.name == "#text" }) {
                record.fields[index].value += text
            } else {
                record.fields.append(("#text", text))
            }
        }
    }

    /// The records after the ones already delivered, read from the file's bytes up to the start of `line`.
    private func recoverRecords(before line: Int) -> [Event] {
        guard line > 1, let data = Self.mapped(file), let end = Self.offset(ofLine: line, in: data) else { return [] }
        return data.withUnsafeBytes { bytes -> [Event] in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let memoryReader = xmlReaderForMemory(base, Int32(min(end, Int(Int32.max))), file, nil, Self.options) else { return [] }
            let replay = XMLRecordReader(reader: memoryReader, path: file, recordPath: recordPath, guardian: guardian, maximumRecordBytes: maximumRecordBytes)
            var records: [Event] = []
            var seen = 0
            while let event = try? replay.read(), case .record = event {
                seen += 1
                if seen > delivered { records.append(event) }
            }
            return records
        }
    }

    /// The file memory-mapped: pages are read on demand and nothing is copied, so memory stays flat on large files.
    static func mapped(_ path: String) -> Data? {
        try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    }

    /// The byte offset at which `line` (1-based) starts; 0 for line 1 or earlier, nil when the file is shorter.
    static func offset(ofLine line: Int, in data: Data) -> Int? {
        guard line > 1 else { return 0 }
        var current = 1
        for (offset, byte) in data.enumerated() where byte == 0x0A {
            current += 1
            if current == line { return offset + 1 }
        }
        return nil
    }

    private func malformed() -> Event {
        guard let error = xmlGetLastError() else { return .malformed(line: line, column: 0, message: "the document is not well-formed") }
        let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not well-formed"
        return .malformed(line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message)
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}
