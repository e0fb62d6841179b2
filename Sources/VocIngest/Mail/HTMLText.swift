import CLibXML2
import Foundation

/// Turns an HTML part into plain text with libxml2's HTML parser (no network, errors tolerated): text nodes in
/// document order, `script`/`style`/`head` skipped, line breaks at block elements and `<br>`, `<blockquote>`
/// lines prefixed with `> ` so quoted replies are recognized like plain-text quotes.
enum HTMLText {
    static let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)
    private static let blocks: Set<String> = ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr", "section", "article", "header", "footer"]

    static func text(_ html: [UInt8], charset: String?) -> String {
        XMLRecordReader.installSecurity()
        guard !html.isEmpty else { return "" }
        let document: htmlDocPtr? = html.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(min(buffer.count, Int(Int32.max))), nil, charset ?? "UTF-8", options)
            }
        }
        guard let document else { return CharsetDecoder.decode(html, charset: charset) }
        defer { xmlFreeDoc(document) }
        var output = ""
        walk(xmlDocGetRootElement(document), into: &output, quoteDepth: 0)
        return output.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces }
            .joined(separator: "\n")
            .replacingOccurrences(of: "\n\n\n", with: "\n\n")
            .trimmingSpaces
    }

    private static func walk(_ node: xmlNodePtr?, into output: inout String, quoteDepth: Int) {
        var current = node
        while let node = current {
            let name = node.pointee.name.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)).lowercased() } ?? ""
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    let text = String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
                        .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
                    if quoteDepth > 0, output.isEmpty || output.hasSuffix("\n") { output += String(repeating: "> ", count: quoteDepth) }
                    output += text
                }
            case XML_ELEMENT_NODE where ["script", "style", "head", "title"].contains(name):
                break
            case XML_ELEMENT_NODE:
                let isBlock = blocks.contains(name) || name == "blockquote"
                if isBlock, !output.isEmpty, !output.hasSuffix("\n") { output += "\n" }
                walk(node.pointee.children, into: &output, quoteDepth: quoteDepth + (name == "blockquote" ? 1 : 0))
                if isBlock, !output.hasSuffix("\n") { output += "\n" }
            default:
                walk(node.pointee.children, into: &output, quoteDepth: quoteDepth)
            }
            current = node.pointee.next
        }
    }
}
