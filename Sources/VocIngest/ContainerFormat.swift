/// Compressed and binary document formats that users hand to `voc ingest` by mistake, recognized by their magic
/// bytes so the error says what the file is and what to do, instead of reading its bytes as CSV headers.
enum ContainerFormat {
    case gzip, bzip2, xz, zip, compoundDocument, pdf

    init?(magic head: [UInt8]) {
        if head.starts(with: [0x1F, 0x8B]) { self = .gzip }
        else if head.starts(with: Array("BZh".utf8)), head.count > 3, (0x31...0x39).contains(head[3]) { self = .bzip2 }
        else if head.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { self = .xz }
        else if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { self = .zip }
        else if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { self = .compoundDocument }
        else if head.starts(with: Array("%PDF-".utf8)) { self = .pdf }
        else { return nil }
    }

    var name: String {
        switch self {
        case .gzip: "a gzip-compressed file"
        case .bzip2: "a bzip2-compressed file"
        case .xz: "an xz-compressed file"
        case .zip: "a ZIP archive (an Excel .xlsx or OpenDocument .ods workbook is one)"
        case .compoundDocument: "a legacy Office document (Excel .xls)"
        case .pdf: "a PDF document"
        }
    }

    var advice: String {
        switch self {
        case .gzip: "decompress it first (gunzip -k FILE), or pipe it: gunzip -c FILE | voc ingest -"
        case .bzip2: "decompress it first (bunzip2 -k FILE), or pipe it: bunzip2 -c FILE | voc ingest -"
        case .xz: "decompress it first (unxz -k FILE), or pipe it: xz -dc FILE | voc ingest -"
        case .zip: "for a workbook, save the sheet as CSV (UTF-8) and ingest that; for an archive, unzip it and ingest the folder"
        case .compoundDocument: "save the sheet as CSV (UTF-8) and ingest that"
        case .pdf: "export the responses from the survey tool as CSV instead"
        }
    }
}
