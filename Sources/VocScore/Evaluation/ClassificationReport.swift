public import VocCore

/// Accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix of a 3-class labelling.
public struct ClassificationReport: Sendable, Codable {
    public struct ClassScores: Sendable, Codable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public var count: Int
    public var accuracy: Double
    /// The unweighted mean of the per-class F1 over the classes present in the gold labels.
    public var macroF1: Double
    public var classes: [ClassScores]
    /// `confusion[gold][predicted]` in `labels` order.
    public var confusion: [[Int]]
    public var labels: [String]

    public init(gold: [SentimentLabel], predicted: [SentimentLabel]) {
        precondition(gold.count == predicted.count)
        let labels = SentimentLabel.allCases
        self.labels = labels.map(\.rawValue)
        var confusion = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
        for (g, p) in zip(gold, predicted) {
            confusion[labels.firstIndex(of: g)!][labels.firstIndex(of: p)!] += 1
        }
        self.confusion = confusion
        count = gold.count
        accuracy = gold.isEmpty ? 0 : Double(zip(gold, predicted).filter { $0 == $1 }.count) / Double(gold.count)
        classes = labels.indices.map { index in
            let truePositives = Double(confusion[index][index])
            let predictedCount = Double(labels.indices.reduce(0) { $0 + confusion[$1][index] })
            let support = confusion[index].reduce(0, +)
            let precision = predictedCount == 0 ? 0 : truePositives / predictedCount
            let recall = support == 0 ? 0 : truePositives / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return ClassScores(label: labels[index].rawValue, precision: precision, recall: recall, f1: f1, support: support)
        }
        let present = classes.filter { $0.support > 0 }
        macroF1 = present.isEmpty ? 0 : present.reduce(0) { $0 + $1.f1 } / Double(present.count)
    }
}
