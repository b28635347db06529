/// Precision, recall and F1 from credited counts, with `nil` where a ratio has no denominator.
///
/// `credit` is what the scheme grants (1 per correct item, ½ per partial one). Precision is
/// `predictedCredit / predicted`, recall `goldCredit / gold`. Overall the two credits are equal; per type they
/// differ when a gold entity of one type is paired with a prediction of another (see ``EntityScorer``).
public struct Score: Sendable, Hashable, Codable {
    /// Number of gold items (POS).
    public var gold: Int
    /// Number of predicted items (ACT).
    public var predicted: Int
    /// Credit earned by the gold items (numerator of recall).
    public var goldCredit: Double
    /// Credit earned by the predicted items (numerator of precision).
    public var predictedCredit: Double

    public init(gold: Int = 0, predicted: Int = 0, goldCredit: Double = 0, predictedCredit: Double = 0) {
        self.gold = gold
        self.predicted = predicted
        self.goldCredit = goldCredit
        self.predictedCredit = predictedCredit
    }

    /// `predictedCredit / predicted`, nil when nothing was predicted.
    public var precision: Double? { predicted > 0 ? predictedCredit / Double(predicted) : nil }
    /// `goldCredit / gold`, nil when there is no gold item.
    public var recall: Double? { gold > 0 ? goldCredit / Double(gold) : nil }
    /// Harmonic mean of precision and recall; a missing side counts as 0, nil only when both sides are empty.
    public var f1: Double? {
        if precision == nil && recall == nil { return nil }
        let p = precision ?? 0
        let r = recall ?? 0
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }

    /// Adds another score's counts to this one.
    public static func += (lhs: inout Score, rhs: Score) {
        lhs.gold += rhs.gold
        lhs.predicted += rhs.predicted
        lhs.goldCredit += rhs.goldCredit
        lhs.predictedCredit += rhs.predictedCredit
    }

    enum CodingKeys: String, CodingKey { case gold, predicted, goldCredit, predictedCredit, precision, recall, f1 }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        gold = try container.decode(Int.self, forKey: .gold)
        predicted = try container.decode(Int.self, forKey: .predicted)
        goldCredit = try container.decode(Double.self, forKey: .goldCredit)
        predictedCredit = try container.decode(Double.self, forKey: .predictedCredit)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(gold, forKey: .gold)
        try container.encode(predicted, forKey: .predicted)
        try container.encode(goldCredit, forKey: .goldCredit)
        try container.encode(predictedCredit, forKey: .predictedCredit)
        // Written for readers of the JSON report; recomputed from the counts when decoding.
        try container.encode(precision, forKey: .precision)
        try container.encode(recall, forKey: .recall)
        try container.encode(f1, forKey: .f1)
    }
}

/// nervaluate's five counts for one scheme: correct, incorrect, partial, missed, spurious.
public struct SchemeCounts: Sendable, Hashable, Codable {
    public var correct = 0
    public var incorrect = 0
    public var partial = 0
    public var missed = 0
    public var spurious = 0

    public init(correct: Int = 0, incorrect: Int = 0, partial: Int = 0, missed: Int = 0, spurious: Int = 0) {
        self.correct = correct
        self.incorrect = incorrect
        self.partial = partial
        self.missed = missed
        self.spurious = spurious
    }

    /// POS = COR + INC + PAR + MIS: the number of gold entities.
    public var possible: Int { correct + incorrect + partial + missed }
    /// ACT = COR + INC + PAR + SPU: the number of predicted entities.
    public var actual: Int { correct + incorrect + partial + spurious }
    /// COR + ½·PAR.
    public var credit: Double { Double(correct) + 0.5 * Double(partial) }

    /// The same counts as a ``Score`` (precision = credit/ACT, recall = credit/POS).
    public var score: Score {
        Score(gold: possible, predicted: actual, goldCredit: credit, predictedCredit: credit)
    }

    public static func += (lhs: inout SchemeCounts, rhs: SchemeCounts) {
        lhs.correct += rhs.correct
        lhs.incorrect += rhs.incorrect
        lhs.partial += rhs.partial
        lhs.missed += rhs.missed
        lhs.spurious += rhs.spurious
    }
}
