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
    /// The text and the fields are slices of buffers shared by the records of one batch, whose indices they keep:
    /// two arrays per record, allocated on the reader thread and freed on the consumer's, were 10 % of the reader
    /// thread's time (perf, `voc inspect` on a 122 MB export).
    struct Record: Sendable {
        /// The fields' text, one after the other.
        var text: ArraySlice<UInt8>
        /// Each field's name (`@attribute`, `child`, `#text` for text directly inside the record) in first-seen order,
        /// and where its text is in `text`.
        var fields: ArraySlice<(name: String, range: Range<Int>)>
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
    /// Records returned so far.
    private var delivered = 0
    /// An error thrown while reading a batch, thrown at the next call once the records before it are handed out.
    private var pendingError: VocError?
    /// The text and fields of the batch being read, which its records slice.
    private var text: [UInt8] = []
    private var fields: [(name: String, range: Range<Int>)] = []

    /// Where one record of the batch being read is in its buffers.
    private struct Span {
        var fields: Range<Int>
        var text: Range<Int>
        var line: Int
        var isTruncated = false
    }

    /// Where and why the document is not well-formed (or breaks a limit).
    private typealias Failure = (line: Int, column: Int, message: String)

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

    /// The line of the current node. libxml2 keeps an element's line in 16 bits, so from line 65,535 on this is the
    /// parser's line instead: the parser works ahead of the node by at most one 512-byte chunk, so the line given is
    /// at most that many bytes further on.
    var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0, line < Self.lastExactLine { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// libxml2's cap on the line it stores in an element (`UINT16_MAX`).
    static let lastExactLine = 65_535

    /// The next records: at most `maximumRecords`, and about `maximumBytes` of text unless one record is larger. After
    /// a fatal error, the records before it and then the error. Nil at the end. An error thrown while reading (an
    /// entity refused) comes after the records read before it, at the next call.
    func nextBatch(maximumRecords: Int = 512, maximumBytes: Int = 1 << 20) throws(VocError) -> [Event]? {
        if let error = pendingError {
            pendingError = nil
            throw error
        }
        guard !finished else { return nil }
        var spans: [Span] = []
        var failure: Failure?
        do throws(VocError) {
            failure = try read(into: &spans, maximumRecords: maximumRecords, maximumBytes: maximumBytes)
        } catch {
            finished = true
            guard !spans.isEmpty else { throw error }
            pendingError = error
        }
        delivered += spans.count
        var events = seal(spans)
        if let failure {
            // libxml2 parses ahead of the nodes it delivers: records before the error line may not have been
            // delivered yet. Read the file again up to that line and hand them out before the error.
            events += recoverRecords(before: failure.line)
            events.append(.malformed(line: failure.line, column: failure.column, message: failure.message))
        }
        return events.isEmpty ? nil : events
    }

    /// The records of `spans` as slices of this batch's buffers; the next batch starts new ones.
    private func seal(_ spans: [Span]) -> [Event] {
        let text = self.text, fields = self.fields
        self.text = []
        self.fields = []
        self.text.reserveCapacity(text.count)
        self.fields.reserveCapacity(fields.count)
        return spans.map { .record(Record(text: text[$0.text], fields: fields[$0.fields], line: $0.line, isTruncated: $0.isTruncated)) }
    }

    /// Forgets the records read so far in this batch.
    private func discard() {
        text.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
    }

    /// Reads records into the batch's buffers until `spans` holds `maximumRecords` or the text `maximumBytes`, the
    /// document ends (`finished`), or it turns out malformed, which is returned.
    private func read(into spans: inout [Span], maximumRecords: Int, maximumBytes: Int) throws(VocError) -> Failure? {
        // Once per batch, not per node: resetting before every read was 7 % of a C loop over the same calls
        // (0.90 → 0.97 s on a 122 MB export). A failed read sets the error it failed with.
        xmlResetLastError()
        // The class's state in locals while reading: each access to a stored `var` of the class was checked for
        // exclusivity at run time (swift_beginAccess and friends, 1.5 % of `voc inspect` in perf).
        var onPath = self.onPath
        var names = self.names
        var text = self.text
        var fields = self.fields
        self.names = XMLNameCache()
        self.text = []
        self.fields = []
        defer {
            self.onPath = onPath
            self.names = names
            self.text = text
            self.fields = fields
        }
        records: while spans.count < maximumRecords, text.count < maximumBytes {
            var record: Span?
            /// Whether the last field is still open (text and nested elements go to it).
            var inField = false
            /// Text directly inside the record, outside any field.
            var direct: [UInt8] = []
            var recordBytes = 0
            while true {
                let status = xmlTextReaderRead(reader)
                if status < 0 {
                    finished = true
                    return malformed()
                }
                if status == 0 {
                    finished = true
                    if record != nil { return (line, 0, "the document ends inside a record") }
                    return nil
                }
                let type = xmlTextReaderNodeType(reader)
                let depth = Int(xmlTextReaderDepth(reader))
                switch type {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    guard depth < Self.maximumDepth else {
                        finished = true
                        return (line, 0, "elements nest deeper than \(Self.maximumDepth) levels")
                    }
                    onPath = min(onPath, depth)
                    if record == nil {
                        guard depth == onPath, depth < recordPath.count, names.name(xmlTextReaderConstLocalName(reader)) == recordPath[depth] else { continue }
                        onPath = depth + 1
                        guard onPath == recordPath.count else { continue }
                        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                        var started = Span(fields: fields.count..<fields.count, text: text.count..<text.count, line: line)
                        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                            let start = text.count
                            recordBytes += Self.copy(xmlTextReaderConstValue(reader), into: &text)
                            fields.append((names.attributeName(xmlTextReaderConstLocalName(reader)), start..<text.count))
                        }
                        started.fields = started.fields.lowerBound..<fields.count
                        if isEmpty {
                            onPath = depth
                            started.text = started.text.lowerBound..<text.count
                            spans.append(started)
                            continue records
                        }
                        record = started
                    } else if depth == recordPath.count {
                        fields.append((names.name(xmlTextReaderConstLocalName(reader)), text.count..<text.count))
                        record!.fields = record!.fields.lowerBound..<fields.count
                        inField = true
                    } else if inField, depth > recordPath.count {
                        // An element inside a field separates words: "<p>a</p><p>b</p>" reads "a b".
                        if let field = fields.last, !field.range.isEmpty, !text[field.range.upperBound - 1].isASCIISpace {
                            let space: [UInt8] = [0x20]
                            space.withUnsafeBufferPointer { append($0, to: &record!, bytes: &recordBytes, text: &text, fields: &fields) }
                        }
                    }
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    guard record != nil, depth >= recordPath.count else { continue }
                    let value = xmlTextReaderConstValue(reader)
                    let bytes = UnsafeBufferPointer(start: value, count: value.map { strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? 0)
                    add(bytes, at: depth, inField: inField, to: &record!, direct: &direct, bytes: &recordBytes, text: &text, fields: &fields)
                case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                    let name = Self.string(xmlTextReaderConstLocalName(reader))
                    var substituted = try guardian.substitute(name, file: file, line: line)
                    guard record != nil, depth >= recordPath.count else { continue }
                    substituted.withUTF8 { add($0, at: depth, inField: inField, to: &record!, direct: &direct, bytes: &recordBytes, text: &text, fields: &fields) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    onPath = min(onPath, depth)
                    if var finished = record, depth == recordPath.count - 1 {
                        if !direct.isEmpty, let index = fields[finished.fields].firstIndex(where: { $0.name == "#text" }) {
                            fields[index].range = text.count..<(text.count + direct.count)
                            text += direct
                        }
                        finished.text = finished.text.lowerBound..<text.count
                        spans.append(finished)
                        continue records
                    }
                    if depth == recordPath.count { inField = false }
                default:
                    continue
                }
            }
        }
        return nil
    }

    /// Text at `depth`: to the open field when inside one, to `#text` when directly inside the record.
    private func add(_ value: UnsafeBufferPointer<UInt8>, at depth: Int, inField: Bool, to record: inout Span, direct: inout [UInt8],
                     bytes: inout Int, text: inout [UInt8], fields: inout [(name: String, range: Range<Int>)]) {
        if depth > recordPath.count, inField {
            append(value, to: &record, bytes: &bytes, text: &text, fields: &fields)
        } else if depth == recordPath.count {
            appendDirect(value, to: &direct, record: &record, bytes: &bytes, fields: &fields)
        }
    }

    /// Adds text to the record's last field; past the size limit the record is marked truncated and the rest of its
    /// text is dropped (it is then quarantined, not accepted).
    private func append(_ value: UnsafeBufferPointer<UInt8>, to record: inout Span, bytes: inout Int,
                        text: inout [UInt8], fields: inout [(name: String, range: Range<Int>)]) {
        bytes += value.count
        if bytes > maximumRecordBytes {
            record.isTruncated = true
            return
        }
        text.append(contentsOf: value)
        fields[fields.count - 1].range = fields[fields.count - 1].range.lowerBound..<text.count
    }

    /// Adds text found directly inside the record (not in a field) to `#text`, unless it is only white space. Its
    /// field takes its place when first seen; the text joins the record's at its end.
    private func appendDirect(_ value: UnsafeBufferPointer<UInt8>, to direct: inout [UInt8], record: inout Span, bytes: inout Int,
                              fields: inout [(name: String, range: Range<Int>)]) {
        bytes += value.count
        if bytes > maximumRecordBytes {
            record.isTruncated = true
            return
        }
        guard !Self.isBlank(value) else { return }
        if direct.isEmpty {
            fields.append(("#text", 0..<0))
            record.fields = record.fields.lowerBound..<fields.count
        }
        direct.append(contentsOf: value)
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
            var spans: [Span] = []
            var seen = 0
            while true {
                var one: [Span] = []
                let failure: Failure?
                do throws(VocError) { failure = try replay.read(into: &one, maximumRecords: 1, maximumBytes: .max) } catch { break }
                guard failure == nil, let span = one.first else { break }
                seen += 1
                if seen > delivered { spans.append(span) } else { replay.discard() }
            }
            return replay.seal(spans)
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

    private func malformed() -> Failure {
        guard let error = xmlGetLastError() else { return (line, 0, "the document is not well-formed") }
        let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not well-formed"
        return (Int(error.pointee.line), Int(error.pointee.int2), message)
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}
