import CLibXML2

/// Element and attribute names as Swift strings, remembered by their libxml2 pointer. The reader interns every name
/// it hands out in its dictionary, which lives as long as the reader, so a name met again has the same pointer and
/// costs a few pointer compares instead of a new `String`. Bounded: a document with ever new names has the oldest
/// entries replaced.
struct XMLNameCache {
    private var elements: [(pointer: UnsafePointer<xmlChar>, name: String)] = []
    private var attributes: [(pointer: UnsafePointer<xmlChar>, name: String)] = []
    private var nextReplaced = 0
    static let capacity = 64

    /// An element's local name.
    mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        Self.lookUp(pointer, in: &elements, replacing: &nextReplaced) { $0 }
    }

    /// An attribute's local name as a field name: `@id`.
    mutating func attributeName(_ pointer: UnsafePointer<xmlChar>?) -> String {
        Self.lookUp(pointer, in: &attributes, replacing: &nextReplaced) { "@" + $0 }
    }

    private static func lookUp(_ pointer: UnsafePointer<xmlChar>?, in entries: inout [(pointer: UnsafePointer<xmlChar>, name: String)],
                               replacing next: inout Int, _ form: (String) -> String) -> String {
        guard let pointer else { return form("") }
        if let entry = entries.first(where: { $0.pointer == pointer }) { return entry.name }
        let name = form(String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
        if entries.count < capacity {
            entries.append((pointer, name))
        } else {
            entries[next % capacity] = (pointer, name)
            next += 1
        }
        return name
    }
}
