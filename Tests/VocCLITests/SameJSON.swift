import Foundation

/// JSON outputs compared as values: the same keys, elements and strings, numbers equal to 1e-9 relative (sums of
/// doubles taken in another order, by another database or query plan, can differ in their last digit).
enum SameJSON {
    static func output(_ a: String, _ b: String) -> Bool {
        guard let x = try? JSONSerialization.jsonObject(with: Data(a.utf8)), let y = try? JSONSerialization.jsonObject(with: Data(b.utf8)) else {
            return a == b
        }
        return values(x, y)
    }

    static func values(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]): return Set(x.keys) == Set(y.keys) && x.allSatisfy { values($0.value, y[$0.key]!) }
        case let (x as [Any], y as [Any]): return x.count == y.count && zip(x, y).allSatisfy(values)
        case let (x as NSNumber, y as NSNumber): return abs(x.doubleValue - y.doubleValue) <= 1e-9 * max(1, abs(x.doubleValue))
        case let (x as String, y as String): return x == y
        default: return (a is NSNull) && (b is NSNull)
        }
    }
}
