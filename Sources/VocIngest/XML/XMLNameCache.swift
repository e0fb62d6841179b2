import CLibXML2

/// Numbers the element and attribute names of a document as field names (`comment`, `@id`, `#text`), so that a
/// record's fields carry a small id instead of a `String` each (no string to retain and release per field). Names met since the last `takeNewNames()` are handed to the consumer with the batch they first
/// appear in; ids count up from 0 in that order.
///
/// The reader interns every name it hands out in its dictionary, which lives as long as the reader, so a name met
/// again has the same pointer: the recent ones are found by a few pointer compares. The table keeps every distinct
/// name, as libxml2's own dictionary does for the reader's lifetime.
struct XMLNameCache {
    private var ids: [String: Int32] = [:]
    private var newNames: [String] = []
    private var elements: [(pointer: UnsafePointer<xmlChar>, id: Int32)] = []
    private var attributes: [(pointer: UnsafePointer<xmlChar>, id: Int32)] = []
    private var nextReplaced = 0
    static let capacity = 64
    /// The name of text directly inside a record, outside any child element.
    static let directText = "#text"

    /// An element's local name.
    mutating func element(_ pointer: UnsafePointer<xmlChar>?) -> Int32 {
        lookUp(pointer, inAttributes: false)
    }

    /// An attribute's local name, as `@name`.
    mutating func attribute(_ pointer: UnsafePointer<xmlChar>?) -> Int32 {
        lookUp(pointer, inAttributes: true)
    }

    /// The id of `name`, numbering it if it is new.
    mutating func id(of name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(ids.count)
        ids[name] = id
        newNames.append(name)
        return id
    }

    /// The names numbered since the last call, in id order.
    mutating func takeNewNames() -> [String] {
        defer { newNames = [] }
        return newNames
    }

    /// The same numbering, for another reader of the same document (whose names have other pointers).
    func forOtherReader() -> XMLNameCache {
        var copy = self
        copy.elements = []
        copy.attributes = []
        return copy
    }

    private mutating func lookUp(_ pointer: UnsafePointer<xmlChar>?, inAttributes: Bool) -> Int32 {
        guard let pointer else { return id(of: inAttributes ? "@" : "") }
        if inAttributes {
            if let entry = attributes.first(where: { $0.pointer == pointer }) { return entry.id }
        } else {
            if let entry = elements.first(where: { $0.pointer == pointer }) { return entry.id }
        }
        let local = String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        let entry = (pointer, id(of: inAttributes ? "@" + local : local))
        if inAttributes {
            Self.remember(entry, in: &attributes, replacing: &nextReplaced)
        } else {
            Self.remember(entry, in: &elements, replacing: &nextReplaced)
        }
        return entry.1
    }

    /// Keeps at most `capacity` pointers: a document with ever new names has the oldest entries replaced.
    private static func remember(_ entry: (UnsafePointer<xmlChar>, Int32), in entries: inout [(pointer: UnsafePointer<xmlChar>, id: Int32)],
                                 replacing next: inout Int) {
        if entries.count < capacity {
            entries.append(entry)
        } else {
            entries[next % capacity] = entry
            next += 1
        }
    }
}
