/// The binary form of a group's day series and label counts, kept in one column each: a group's whole history is
/// one row, read and decoded in one go. Hand-written rather than JSON or a property list: a store of a million
/// responses holds about half a million days, which `voc health` decodes on every run.
///
/// Days: a version byte, the entry count, then per entry (undated first, then by day) a flag byte (1: undated,
/// 2: has a latest time), the day as a zig-zag varint difference from the previous entry's, the twelve counts of
/// `DaySignals` (NPS by band) as zig-zag varints, and the latest time as the 8 bytes of its IEEE bit pattern (little-endian).
/// Labels: a version byte (2: a tally per label; 1, a count per label, is no longer read: the store's migration
/// rebuilt them), the count, then per label its kind byte, its UTF-8 length and bytes, and its `LabelTally`: a flag
/// byte (2: has a latest time), its `DaySignals` as for a day, then its squared sentiment sum and negative count as
/// zig-zag varints.
public enum RollupCoding {
    static let version: UInt8 = 1
    static let labelsVersion: UInt8 = 2

    public static func encode(days: DaySeries) -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes.append(version)
        writer.varint(UInt64(days.count))
        var previous = 0
        for entry in days {
            let (day, signals) = (entry.day, entry.signals)
            writer.bytes.append((day == nil ? 1 : 0) | (signals.lastAt == nil ? 0 : 2))
            if let day {
                writer.signed(day - previous)
                previous = day
            }
            writer.signals(signals)
        }
        return writer.bytes
    }

    public static func decodeDays(_ bytes: [UInt8]) throws(RollupDecodingError) -> DaySeries {
        guard !bytes.isEmpty else { return DaySeries() }
        var reader = ByteReader(bytes)
        guard try reader.byte() == version else { throw RollupDecodingError() }
        let count = Int(try reader.varint())
        guard count <= bytes.count else { throw RollupDecodingError() }
        var days: [DaySeries.Entry] = []
        days.reserveCapacity(count)
        var previous = 0
        var fields = [Int](repeating: 0, count: DaySignals.fieldCount)
        for _ in 0..<count {
            let flags = try reader.byte()
            var day: Int?
            if flags & 1 == 0 {
                previous += try reader.signed()
                day = previous
            }
            let signals = try reader.signals(hasLastAt: flags & 2 != 0, fields: &fields)
            if let previousEntry = days.last, DaySeries.order(previousEntry.day) >= DaySeries.order(day) { throw RollupDecodingError() }
            days.append(DaySeries.Entry(day: day, signals: signals))
        }
        return DaySeries(sorted: days)
    }

    public static func encode(labels: [RollupLabel: LabelTally]) -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes.append(labelsVersion)
        writer.varint(UInt64(labels.count))
        for (label, tally) in labels.sorted(by: { $0.key < $1.key }) {
            writer.bytes.append(label.kind.rawValue)
            writer.varint(UInt64(label.label.utf8.count))
            writer.bytes += label.label.utf8
            writer.bytes.append(tally.signals.lastAt == nil ? 0 : 2)
            writer.signals(tally.signals)
            writer.signed(tally.sentimentSquareUnits)
            writer.signed(tally.negative)
        }
        return writer.bytes
    }

    public static func decodeLabels(_ bytes: [UInt8]) throws(RollupDecodingError) -> [RollupLabel: LabelTally] {
        guard !bytes.isEmpty else { return [:] }
        var reader = ByteReader(bytes)
        guard try reader.byte() == labelsVersion else { throw RollupDecodingError() }
        let count = Int(try reader.varint())
        guard count <= bytes.count else { throw RollupDecodingError() }
        var labels: [RollupLabel: LabelTally] = [:]
        labels.reserveCapacity(count)
        var fields = [Int](repeating: 0, count: DaySignals.fieldCount)
        for _ in 0..<count {
            guard let kind = RollupLabel.Kind(rawValue: try reader.byte()) else { throw RollupDecodingError() }
            let text = String(decoding: try reader.slice(Int(try reader.varint())), as: UTF8.self)
            let flags = try reader.byte()
            var tally = LabelTally()
            tally.signals = try reader.signals(hasLastAt: flags & 2 != 0, fields: &fields)
            (tally.sentimentSquareUnits, tally.negative) = (try reader.signed(), try reader.signed())
            labels[RollupLabel(kind: kind, label: text), default: LabelTally()].merge(tally)
        }
        return labels
    }
}

/// A stored rollup column that is not in `RollupCoding`'s format.
public struct RollupDecodingError: Error, Sendable {}

private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func signed(_ value: Int) { varint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    mutating func fixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// A day's or a label's signals: the counts as zig-zag varints, then the latest time when there is one (the flag
    /// byte before them says whether).
    mutating func signals(_ signals: DaySignals) {
        for field in signals.fields { signed(field) }
        if let last = signals.lastAt { fixed(last.bitPattern) }
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() throws(RollupDecodingError) -> UInt8 {
        guard offset < bytes.count else { throw RollupDecodingError() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws(RollupDecodingError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw RollupDecodingError() }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func signed() throws(RollupDecodingError) -> Int {
        let raw = try varint()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func fixed() throws(RollupDecodingError) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw RollupDecodingError() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += 8
        return value
    }

    /// Signals as `ByteWriter.signals` writes them; `fields` is the caller's buffer, reused from one to the next.
    mutating func signals(hasLastAt: Bool, fields: inout [Int]) throws(RollupDecodingError) -> DaySignals {
        for index in fields.indices { fields[index] = try signed() }
        return DaySignals(fields: fields, lastAt: hasLastAt ? Double(bitPattern: try fixed()) : nil)
    }

    mutating func slice(_ count: Int) throws(RollupDecodingError) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw RollupDecodingError() }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }
}
