public import VocCore
import Yams

extension HealthConfiguration {
    /// Reads a YAML configuration over the defaults. Unknown keys, unknown measures and out-of-range values
    /// are errors naming the file and line, so a typo never silently falls back to a default.
    public static func load(yaml text: String, path: String) throws(VocError) -> HealthConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw VocError(.invalidConfiguration, "not valid YAML: \(error)", at: SourcePosition(file: path))
        }
        var configuration = HealthConfiguration()
        guard let root else { return configuration }
        let reader = Reader(path: path)
        for (key, value) in try reader.mapping(root) {
            switch key.string ?? "" {
            case "half_life_days": configuration.halfLifeDays = try reader.number(value, in: 1...3650)
            case "period_days": configuration.periodDays = Int(try reader.number(value, in: 1...366))
            case "prior_strength": configuration.priorStrength = try reader.number(value, in: 0...1000)
            case "volume_target": configuration.volumeTarget = try reader.number(value, in: 1...1_000_000)
            case "trend_arrow_points": configuration.trendArrowPoints = try reader.number(value, in: 0...100)
            case "fcr_window_days": configuration.fcrWindowDays = try reader.number(value, in: 1...90)
            case "weights": configuration.profile.weights = try reader.weights(value, over: configuration.profile.weights)
            case "bands": configuration.profile.bands = try reader.bands(value, over: configuration.profile.bands)
            case "segments":
                for (name, body) in try reader.mapping(value) {
                    guard let segment = name.string else { throw reader.error("a segment name must be text", at: name) }
                    var profile = configuration.profile
                    for (field, setting) in try reader.mapping(body) {
                        switch field.string ?? "" {
                        case "weights": profile.weights = try reader.weights(setting, over: profile.weights)
                        case "bands": profile.bands = try reader.bands(setting, over: profile.bands)
                        default: throw reader.error("unknown segment setting '\(field.string ?? "")'; expected weights or bands", at: field)
                        }
                    }
                    configuration.segments[segment] = profile
                }
            default:
                throw reader.error("unknown setting '\(key.string ?? "")'; expected half_life_days, period_days, prior_strength, "
                                   + "volume_target, trend_arrow_points, fcr_window_days, weights, bands or segments", at: key)
            }
        }
        return configuration
    }
}

/// Typed access to YAML nodes with errors that point at the line.
private struct Reader {
    let path: String

    func error(_ message: String, at node: Node) -> VocError {
        VocError(.invalidConfiguration, message, at: SourcePosition(file: path, line: node.mark?.line))
    }

    func mapping(_ node: Node) throws(VocError) -> [(Node, Node)] {
        guard let mapping = node.mapping else { throw error("expected a mapping of settings", at: node) }
        return mapping.map { ($0.key, $0.value) }
    }

    func number(_ node: Node, in range: ClosedRange<Double>) throws(VocError) -> Double {
        guard let value = node.float ?? node.int.map(Double.init), range.contains(value) else {
            throw error("expected a number from \(range.lowerBound) to \(range.upperBound), found '\(node.string ?? "")'", at: node)
        }
        return value
    }

    func weights(_ node: Node, over base: [HealthMeasure: Double]) throws(VocError) -> [HealthMeasure: Double] {
        var weights = base
        for (key, value) in try mapping(node) {
            guard let measure = key.string.flatMap(HealthMeasure.init(rawValue:)) else {
                throw error("unknown measure '\(key.string ?? "")'; expected one of \(HealthMeasure.allCases.map(\.rawValue).joined(separator: ", "))", at: key)
            }
            weights[measure] = try number(value, in: 0...1000)
        }
        guard weights.values.contains(where: { $0 > 0 }) else { throw error("at least one weight must be above 0", at: node) }
        return weights
    }

    func bands(_ node: Node, over base: BandThresholds) throws(VocError) -> BandThresholds {
        var bands = base
        for (key, value) in try mapping(node) {
            switch key.string ?? "" {
            case "red_below": bands.redBelow = try number(value, in: 0...100)
            case "green_above": bands.greenAbove = try number(value, in: 0...100)
            default: throw error("unknown band setting '\(key.string ?? "")'; expected red_below or green_above", at: key)
            }
        }
        guard bands.redBelow <= bands.greenAbove else { throw error("red_below must not exceed green_above", at: node) }
        return bands
    }
}
