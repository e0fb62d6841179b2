public import VocCore

/// The work `voc bench csv` times: open a CSV/TSV file as ingest does, split every record into fields and decode
/// every field into a `String`, which is what Python's `csv.reader` does with a text-mode file. No column mapping,
/// scoring or validation beyond the text encoding.
public enum CSVParseBenchmark {
    public struct Result: Sendable {
        /// Records read, malformed ones included.
        public var records = 0
        public var fields = 0
        /// UTF-8 bytes of all decoded fields.
        public var fieldBytes = 0
    }

    public static func run(path: String) throws(VocError) -> Result {
        let file = try DelimitedTextFile(path: path, maximumRecordBytes: 1 << 20)
        var reader = file.reader
        var decoder = FieldDecoder(encoding: file.encoding)
        var result = Result()
        while let event = try reader.next() {
            result.records += 1
            guard case .record = event else { continue }
            let record = reader.record
            decoder.settle(with: record.bytes)
            for field in 0..<record.count {
                let text = record.withField(field) { decoder.string($0) ?? Windows1252.decode($0) }
                result.fields += 1
                result.fieldBytes += text.utf8.count
            }
        }
        return result
    }
}
