import VocCore

/// A CSV or TSV file opened the way every voc reader opens one: the byte-order mark dropped, the encoding sniffed
/// from the first 64 KiB (or given), UTF-16 transcoded to UTF-8, and the delimiter sniffed (or given).
struct DelimitedTextFile {
    static let sniffLength = 64 * 1024

    /// What the first 64 KiB showed.
    let sniff: EncodingSniff
    /// The given encoding, else the sniffed one (`nil` while only ASCII was seen).
    let encoding: TextEncoding?
    let delimiter: UInt8
    /// Streams the records; it starts after the byte-order mark.
    var reader: CSVReader

    init(path: String, encoding givenEncoding: TextEncoding? = nil, delimiter givenDelimiter: UInt8? = nil,
         maximumRecordBytes: Int, chunkSize: Int = CSVReader.defaultChunkSize) throws(VocError) {
        var raw = try FileDescriptorSource(path: path)
        let rawPrefix = try readPrefix(of: &raw, count: Self.sniffLength)
        sniff = EncodingSniff.sniff(rawPrefix)
        encoding = givenEncoding ?? sniff.encoding
        let body = PrefixedSource(prefix: Array(rawPrefix.dropFirst(sniff.byteOrderMarkLength)), base: raw)
        var source: any ByteSource = body
        switch encoding {
        case .utf16LittleEndian?: source = UTF16TranscodingSource(base: body, bigEndian: false)
        case .utf16BigEndian?: source = UTF16TranscodingSource(base: body, bigEndian: true)
        default: break
        }
        let sample = try readPrefix(of: &source, count: Self.sniffLength)
        delimiter = givenDelimiter ?? DelimiterSniffer.sniff(sample, isComplete: sample.count < Self.sniffLength)
        reader = CSVReader(source: PrefixedSource(prefix: sample, base: source), delimiter: delimiter,
                           maximumRecordBytes: maximumRecordBytes, chunkSize: chunkSize, initialOffset: sniff.byteOrderMarkLength)
    }
}
