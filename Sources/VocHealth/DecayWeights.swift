/// `HealthModel.decay` by age in days, computed once per age for the ages a pass meets most (the last ten years):
/// a pass over a million cells at 28 instants would otherwise spend most of its time in `pow`.
struct DecayWeights {
    private let table: [Double]
    private let model: HealthModel

    init(model: HealthModel) {
        self.model = model
        table = (0..<3_660).map { model.decay(recordDay: 0, at: $0)! }
    }

    /// The weight of a record `age` days old (nil: undated, weight 1); nil for a negative age (a later record).
    func weight(age: Int?) -> Double? {
        guard let age else { return 1 }
        guard age >= 0 else { return nil }
        return age < table.count ? table[age] : model.decay(recordDay: 0, at: age)
    }
}
