import CLibXML2
import Foundation
import VocCore

/// Streams the records of an XML export with libxml2's `xmlTextReader`: every element at `recordPath` is one record,
/// its attributes (`@name`) and child elements (`name`, nested text flattened) are its fields.
///
/// Secure by construction: no entity substitution, no DTD loading, no network (`XML_PARSE_NONET`), a process-wide
/// external-entity loader that refuses everything, entity amplification checked by `XMLEntityGuard`, and a depth limit.
final class XMLRecordReader {
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
    /// The sizes of the last batch, reserved for the next one.
    private var lastSizes = (text: 0, fields: 0, records: 0)

    private typealias Failure = XMLRecordBatch.Failure

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

    /// The next records: at most `maximumRecords`, and about `maximumBytes` of text unless one record is larger; after
    /// a fatal error, the records before it and the error. Nil at the end. An error thrown while reading (an entity
    /// refused) comes after the records read before it, at the next call.
    func nextBatch(maximumRecords: Int = 512, maximumBytes: Int = 1 << 20) throws(VocError) -> XMLRecordBatch? {
        if let error = pendingError {
            pendingError = nil
            throw error
        }
        guard !finished else { return nil }
        var batch = XMLRecordBatch()
        batch.text.reserveCapacity(lastSizes.text)
        batch.fields.reserveCapacity(lastSizes.fields)
        batch.records.reserveCapacity(lastSizes.records)
        do throws(VocError) {
            batch.failure = try read(into: &batch, maximumRecords: maximumRecords, maximumBytes: maximumBytes)
        } catch {
            finished = true
            guard !batch.records.isEmpty else { throw error }
            pendingError = error
        }
        delivered += batch.records.count
        if let failure = batch.failure {
            // libxml2 parses ahead of the nodes it delivers: records before the error line may not have been
            // delivered yet. Read the file again up to that line and hand them out before the error.
            recoverRecords(before: failure.line, into: &batch)
        }
        batch.newNames = names.takeNewNames()
        lastSizes = (batch.text.count, batch.fields.count, batch.records.count)
        return batch.records.isEmpty && batch.failure == nil ? nil : batch
    }

    /// Reads records into `batch` until it holds `maximumRecords` or its text `maximumBytes`, the document ends
    /// (`finished`), or it turns out malformed, which is returned.
    private func read(into batch: inout XMLRecordBatch, maximumRecords: Int, maximumBytes: Int) throws(VocError) -> Failure? {
        // Once per batch, not per node: a failed read sets the error it failed with, and resetting before every read
        // is a call per node.
        xmlResetLastError()
        // The class's state in locals while reading: each access to a stored `var` of the class was checked for
        // exclusivity at run time (swift_beginAccess and friends).
        var onPath = self.onPath
        var names = self.names
        self.names = XMLNameCache()
        defer {
            self.onPath = onPath
            self.names = names
        }
        let path = recordPath.map { names.id(of: $0) }
        records: while batch.records.count < maximumRecords, batch.text.count < maximumBytes {
            var record: XMLRecordBatch.Record?
            /// Whether the last field is still open (text and nested elements go to it).
            var inField = false
            /// Text directly inside the record, outside any field, and the index of its `#text` field.
            var direct: [UInt8] = []
            var directField = 0
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
                        guard depth == onPath, depth < path.count,
                              names.element(xmlTextReaderConstLocalName(reader)) == path[depth] else { continue }
                        onPath = depth + 1
                        guard onPath == recordPath.count else { continue }
                        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                        let firstField = batch.fields.count, start = batch.text.count
                        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                            let start = batch.text.count
                            recordBytes += Self.copy(xmlTextReaderConstValue(reader), into: &batch.text)
                            batch.fields.append(.init(name: names.attribute(xmlTextReaderConstLocalName(reader)), range: start..<batch.text.count))
                        }
                        let started = XMLRecordBatch.Record(fields: firstField..<batch.fields.count, text: start..<batch.text.count, line: line)
                        if isEmpty {
                            onPath = depth
                            batch.records.append(started)
                            continue records
                        }
                        record = started
                    } else if depth == recordPath.count {
                        batch.fields.append(.init(name: names.element(xmlTextReaderConstLocalName(reader)), range: batch.text.count..<batch.text.count))
                        record!.fields = record!.fields.lowerBound..<batch.fields.count
                        inField = true
                    } else if inField, depth > recordPath.count {
                        // An element inside a field separates words: "<p>a</p><p>b</p>" reads "a b".
                        if let field = batch.fields.last, !field.range.isEmpty, !batch.text[field.range.upperBound - 1].isASCIISpace {
                            let space: [UInt8] = [0x20]
                            space.withUnsafeBufferPointer { append($0, to: &record!, bytes: &recordBytes, batch: &batch) }
                        }
                    }
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    guard record != nil, depth >= recordPath.count else { continue }
                    let value = xmlTextReaderConstValue(reader)
                    let bytes = UnsafeBufferPointer(start: value, count: value.map { strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? 0)
                    add(bytes, at: depth, inField: inField, to: &record!, direct: &direct, directField: &directField, bytes: &recordBytes,
                        batch: &batch, names: &names)
                case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                    let name = Self.string(xmlTextReaderConstLocalName(reader))
                    var substituted = try guardian.substitute(name, file: file, line: line)
                    guard record != nil, depth >= recordPath.count else { continue }
                    substituted.withUTF8 {
                        add($0, at: depth, inField: inField, to: &record!, direct: &direct, directField: &directField, bytes: &recordBytes,
                            batch: &batch, names: &names)
                    }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    onPath = min(onPath, depth)
                    if var finished = record, depth == recordPath.count - 1 {
                        if !direct.isEmpty {
                            batch.fields[directField].range = batch.text.count..<(batch.text.count + direct.count)
                            batch.text += direct
                        }
                        finished.text = finished.text.lowerBound..<batch.text.count
                        batch.records.append(finished)
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

    /// Text at `depth` (at or below the record's): to the open field when inside one, to `#text` when directly inside
    /// the record.
    private func add(_ value: UnsafeBufferPointer<UInt8>, at depth: Int, inField: Bool, to record: inout XMLRecordBatch.Record,
                     direct: inout [UInt8], directField: inout Int, bytes: inout Int, batch: inout XMLRecordBatch, names: inout XMLNameCache) {
        if depth > recordPath.count {
            if inField { append(value, to: &record, bytes: &bytes, batch: &batch) }
        } else {
            appendDirect(value, to: &direct, field: &directField, record: &record, bytes: &bytes, batch: &batch, names: &names)
        }
    }

    /// Adds text to the record's last field; past the size limit the record is marked truncated and the rest of its
    /// text is dropped (it is then quarantined, not accepted).
    private func append(_ value: UnsafeBufferPointer<UInt8>, to record: inout XMLRecordBatch.Record, bytes: inout Int, batch: inout XMLRecordBatch) {
        bytes += value.count
        if bytes > maximumRecordBytes {
            record.isTruncated = true
            return
        }
        batch.text.append(contentsOf: value)
        batch.fields[batch.fields.count - 1].range = batch.fields[batch.fields.count - 1].range.lowerBound..<batch.text.count
    }

    /// Adds text found directly inside the record (not in a field) to `#text`, unless it is only white space. Its
    /// field takes its place when first seen (at index `field`); the text joins the record's at its end.
    private func appendDirect(_ value: UnsafeBufferPointer<UInt8>, to direct: inout [UInt8], field: inout Int, record: inout XMLRecordBatch.Record,
                              bytes: inout Int, batch: inout XMLRecordBatch, names: inout XMLNameCache) {
        bytes += value.count
        if bytes > maximumRecordBytes {
            record.isTruncated = true
            return
        }
        guard !Self.isBlank(value) else { return }
        if direct.isEmpty {
            field = batch.fields.count
            batch.fields.append(.init(name: names.id(of: XMLNameCache.directText), range: 0..<0))
            record.fields = record.fields.lowerBound..<batch.fields.count
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

    /// Adds to `batch` the records after the ones already delivered, read from the file's bytes up to the start of
    /// `line`.
    private func recoverRecords(before line: Int, into batch: inout XMLRecordBatch) {
        guard line > 1, let data = Self.mapped(file), let end = Self.offset(ofLine: line, in: data) else { return }
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let memoryReader = xmlReaderForMemory(base, Int32(min(end, Int(Int32.max))), file, nil, Self.options) else { return }
            let replay = XMLRecordReader(reader: memoryReader, path: file, recordPath: recordPath, guardian: guardian, maximumRecordBytes: maximumRecordBytes)
            replay.names = names.forOtherReader()
            defer { names = replay.names }
            var seen = 0
            while true {
                let mark = (records: batch.records.count, fields: batch.fields.count, text: batch.text.count)
                let failure: Failure?
                do throws(VocError) { failure = try replay.read(into: &batch, maximumRecords: mark.records + 1, maximumBytes: .max) } catch { break }
                guard failure == nil, batch.records.count > mark.records else { break }
                seen += 1
                if seen <= delivered {
                    batch.records.removeSubrange(mark.records...)
                    batch.fields.removeSubrange(mark.fields...)
                    batch.text.removeSubrange(mark.text...)
                }
            }
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
