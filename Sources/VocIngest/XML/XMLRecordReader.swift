import CLibXML2
import Foundation
import VocCore

/// Streams the records of an XML export with libxml2's `xmlTextReader`: every element at `recordPath` is one record,
/// its attributes (`@name`) and child elements (`name`, nested text flattened) are its fields.
///
/// Secure by construction: no entity substitution, no DTD loading, no network (`XML_PARSE_NONET`), a process-wide
/// external-entity loader that refuses everything, entity amplification checked by `XMLEntityGuard`, and a depth limit.
final class XMLRecordReader {
    /// One record's fields, their text kept as bytes one after another: a `String` per element name and per text
    /// node (UTF-8 validated on the reader thread, then copied again into the row) was most of the reader's own time.
    struct Record: Sendable {
        /// The fields' text, one after the other.
        var text: [UInt8] = []
        /// Each field's name (`@attribute`, `child`, `#text` for text directly inside the record) in first-seen order,
        /// and where its text is in `text`.
        var fields: [(name: String, range: Range<Int>)] = []
        var line: Int
        var isTruncated = false

        /// The text of the field at `index`.
        func value(at index: Int) -> ArraySlice<UInt8> { text[fields[index].range] }
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
    /// How many of the open elements, from the root, match the record path.
    private var onPath = 0
    private var names = XMLNameCache()
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
        /// Whether the last field is still open (text and nested elements go to it).
        var inField = false
        /// Text directly inside the record, outside any field.
        var direct: [UInt8] = []
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
                guard depth < Self.maximumDepth else {
                    finished = true
                    return .malformed(line: line, column: 0, message: "elements nest deeper than \(Self.maximumDepth) levels")
                }
                onPath = min(onPath, depth)
                if record == nil {
                    guard depth == onPath, depth < recordPath.count, names.name(xmlTextReaderConstLocalName(reader)) == recordPath[depth] else { continue }
                    onPath = depth + 1
                    guard onPath == recordPath.count else { continue }
                    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                    var started = Record(line: line)
                    // Room for a typical record up front: growing both arrays showed in perf.
                    started.text.reserveCapacity(256)
                    started.fields.reserveCapacity(8)
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        let start = started.text.count
                        recordBytes += Self.copy(xmlTextReaderConstValue(reader), into: &started.text)
                        started.fields.append((names.attributeName(xmlTextReaderConstLocalName(reader)), start..<started.text.count))
                    }
                    if isEmpty {
                        onPath = depth
                        return .record(started)
                    }
                    record = started
                } else if depth == recordPath.count {
                    record!.fields.append((names.name(xmlTextReaderConstLocalName(reader)), record!.text.count..<record!.text.count))
                    inField = true
                } else if inField, depth > recordPath.count {
                    // An element inside a field separates words: "<p>a</p><p>b</p>" reads "a b".
                    if let field = record!.fields.last, !field.range.isEmpty, !record!.text[field.range.upperBound - 1].isASCIISpace {
                        append([0x20], to: &record!, bytes: &recordBytes)
                    }
                }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                guard record != nil, depth >= recordPath.count else { continue }
                let value = xmlTextReaderConstValue(reader)
                let text = UnsafeBufferPointer(start: value, count: value.map { strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? 0)
                add(text, at: depth, inField: inField, to: &record!, direct: &direct, bytes: &recordBytes)
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                let name = Self.string(xmlTextReaderConstLocalName(reader))
                var text = try guardian.substitute(name, file: file, line: line)
                guard record != nil, depth >= recordPath.count else { continue }
                text.withUTF8 { add($0, at: depth, inField: inField, to: &record!, direct: &direct, bytes: &recordBytes) }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                onPath = min(onPath, depth)
                if record != nil, depth == recordPath.count - 1 {
                    if let index = record!.fields.firstIndex(where: { $0.name == "#text" }) {
                        record!.fields[index].range = record!.text.count..<(record!.text.count + direct.count)
                        record!.text += direct
                    }
                    return .record(record!)
                }
                if depth == recordPath.count { inField = false }
            default:
                continue
            }
        }
    }

    /// Text at `depth`: to the open field when inside one, to `#text` when directly inside the record.
    private func add(_ text: UnsafeBufferPointer<UInt8>, at depth: Int, inField: Bool, to record: inout Record, direct: inout [UInt8], bytes: inout Int) {
        if depth > recordPath.count, inField {
            append(text, to: &record, bytes: &bytes)
        } else if depth == recordPath.count {
            appendDirect(text, to: &direct, record: &record, bytes: &bytes)
        }
    }

    /// Adds text to the record's last field; past the size limit the record is marked truncated and the rest of its
    /// text is dropped (it is then quarantined, not accepted).
    private func append(_ text: UnsafeBufferPointer<UInt8>, to record: inout Record, bytes: inout Int) {
        bytes += text.count
        if bytes > maximumRecordBytes {
            record.isTruncated = true
            return
        }
        record.text.append(contentsOf: text)
        record.fields[record.fields.count - 1].range = record.fields[record.fields.count - 1].range.lowerBound..<record.text.count
    }

    private func append(_ text: [UInt8], to record: inout Record, bytes: inout Int) {
        text.withUnsafeBufferPointer { append($0, to: &record, bytes: &bytes) }
    }

    /// Adds text found directly inside the record (not in a field) to `#text`, unless it is only white space. Its
    /// field takes its place when first seen; the text joins the record's at its end.
    private func appendDirect(_ text: UnsafeBufferPointer<UInt8>, to direct: inout [UInt8], record: inout Record, bytes: inout Int) {
        bytes += text.count
        if bytes > maximumRecordBytes {
            record.isTruncated = true
            return
        }
        guard !Self.isBlank(text) else { return }
        if direct.isEmpty { record.fields.append(("#text", 0..<0)) }
        direct.append(contentsOf: text)
    }

    /// Whether the text is only white space (Unicode's, like `Character.isWhitespace`, when it is not all ASCII).
    static func isBlank(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first(where: { !$0.isASCIISpace }) else { return true }
        return first >= 0x80 && String(decoding: text, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// Appends a libxml2 string's bytes; returns how many.
    private static func copy(_ pointer: UnsafePointer<xmlChar>?, into bytes: inout [UInt8]) -> Int {
        guard let pointer else { return 0 }
        let count = strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        return count
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
