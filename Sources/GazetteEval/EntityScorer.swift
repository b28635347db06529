import GazetteCore

/// The four entity matching schemes, after nervaluate's names.
public enum Scheme: String, Sendable, Codable, CaseIterable, Comparable {
    /// Same span and same type.
    case strict
    /// Same span, any type.
    case exact
    /// Same type; a same span earns full credit, an overlapping one half.
    case partial
    /// Same type and overlapping spans, full credit.
    case type

    /// What a scheme makes of one aligned pair.
    public func outcome(gold: Entity, predicted: Entity) -> PairOutcome {
        let sameSpan = gold.span == predicted.span
        let sameType = gold.type == predicted.type
        switch self {
        case .strict: return sameSpan && sameType ? .correct : .incorrect
        case .exact: return sameSpan ? .correct : .incorrect
        case .partial: return sameType ? (sameSpan ? .correct : .partial) : .incorrect
        case .type: return sameType ? .correct : .incorrect
        }
    }

    public static func < (lhs: Scheme, rhs: Scheme) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a scheme judges an aligned pair: COR, PAR or INC.
public enum PairOutcome: Sendable {
    case correct, partial, incorrect

    /// 1 for COR, ½ for PAR, 0 for INC.
    public var credit: Double {
        switch self {
        case .correct: 1
        case .partial: 0.5
        case .incorrect: 0
        }
    }
}

/// Entity linking agreement: over aligned pairs whose gold and predicted entity both carry a `kb` id.
public struct LinkingCounts: Sendable, Hashable, Codable {
    /// Pairs where both sides have a `kb` id.
    public var compared = 0
    /// Of those, pairs whose ids are equal.
    public var agreed = 0
    /// Pairs where only the gold entity has a `kb` id.
    public var goldOnly = 0
    /// Pairs where only the prediction has a `kb` id.
    public var predictedOnly = 0

    public init() {}

    /// `agreed / compared`, nil when nothing could be compared.
    public var accuracy: Double? { compared > 0 ? Double(agreed) / Double(compared) : nil }

    public static func += (lhs: inout LinkingCounts, rhs: LinkingCounts) {
        lhs.compared += rhs.compared
        lhs.agreed += rhs.agreed
        lhs.goldOnly += rhs.goldOnly
        lhs.predictedOnly += rhs.predictedOnly
    }

    enum CodingKeys: String, CodingKey { case compared, agreed, goldOnly, predictedOnly, accuracy }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        compared = try container.decode(Int.self, forKey: .compared)
        agreed = try container.decode(Int.self, forKey: .agreed)
        goldOnly = try container.decode(Int.self, forKey: .goldOnly)
        predictedOnly = try container.decode(Int.self, forKey: .predictedOnly)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(compared, forKey: .compared)
        try container.encode(agreed, forKey: .agreed)
        try container.encode(goldOnly, forKey: .goldOnly)
        try container.encode(predictedOnly, forKey: .predictedOnly)
        try container.encode(accuracy, forKey: .accuracy)
    }
}

/// One scheme's results: nervaluate counts overall and a credited score per entity type.
public struct SchemeResult: Sendable, Hashable, Codable {
    public var counts = SchemeCounts()
    /// Per type: gold entities of the type on the recall side, predictions of the type on the precision side.
    public var types: [String: Score] = [:]

    public init() {}

    /// The overall score (from the counts).
    public var overall: Score { counts.score }

    enum CodingKeys: String, CodingKey { case counts, types, overall }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        counts = try container.decode(SchemeCounts.self, forKey: .counts)
        types = try container.decode([String: Score].self, forKey: .types)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(counts, forKey: .counts)
        try container.encode(types, forKey: .types)
        // Written for readers of the JSON report; recomputed from the counts when decoding.
        try container.encode(overall, forKey: .overall)
    }
}

/// Scores predicted entities against gold entities under the four schemes, with linking and a confusion table.
///
/// Per document, ``EntityAlignment`` pairs entities one to one (any type). Each scheme then judges every pair
/// (``Scheme/outcome(gold:predicted:)``): COR, PAR or INC; unpaired gold entities are MIS and unpaired predictions
/// SPU. POS = COR+INC+PAR+MIS, ACT = COR+INC+PAR+SPU, precision = (COR+½PAR)/ACT, recall = (COR+½PAR)/POS
/// (PAR only occurs in the partial scheme).
///
/// Per type, a pair's credit goes to the gold entity's type on the recall side and to the prediction's type on
/// the precision side, so a PERSON predicted as ORG lowers PERSON recall and ORG precision (nervaluate would put
/// the whole pair under PERSON). Summed over types, the per-type counts equal the overall ones.
public struct EntityScorer: Sendable {
    /// Results per scheme.
    public private(set) var schemes: [Scheme: SchemeResult] = Dictionary(uniqueKeysWithValues: Scheme.allCases.map { ($0, SchemeResult()) })
    /// Linking agreement, overall.
    public private(set) var linking = LinkingCounts()
    /// Linking agreement by the gold entity's type.
    public private(set) var linkingByType: [String: LinkingCounts] = [:]
    /// Counts of (gold type, predicted type) over aligned pairs; "-" stands for no partner (MIS or SPU).
    public private(set) var confusion: [String: [String: Int]] = [:]
    /// Entities that are not strictly correct, for `--errors`.
    public private(set) var errors = ErrorSamples()
    /// Only entities of these types are scored (nil: all).
    public let types: Set<EntityType>?

    public init(types: Set<EntityType>? = nil, errorLimit: Int = 0) {
        self.types = types
        errors = ErrorSamples(limit: errorLimit)
    }

    /// Adds one document pair; `predicted` nil scores the gold document against no predictions.
    public mutating func add(gold goldDocument: Document, predicted predictedDocument: Document?) {
        let gold = goldDocument.entities.filter { types?.contains($0.type) ?? true }
        let predicted = (predictedDocument?.entities ?? []).filter { types?.contains($0.type) ?? true }
        let pairs = EntityAlignment.align(gold: gold, predicted: predicted)
        var goldPartner = [Int?](repeating: nil, count: gold.count)
        var predictedPartner = [Int?](repeating: nil, count: predicted.count)
        for pair in pairs {
            goldPartner[pair.gold] = pair.predicted
            predictedPartner[pair.predicted] = pair.gold
        }
        for scheme in Scheme.allCases {
            var result = schemes[scheme]!
            for entity in gold { result.types[entity.type.rawValue, default: Score()].gold += 1 }
            for entity in predicted { result.types[entity.type.rawValue, default: Score()].predicted += 1 }
            for pair in pairs {
                let goldEntity = gold[pair.gold]
                let predictedEntity = predicted[pair.predicted]
                let outcome = scheme.outcome(gold: goldEntity, predicted: predictedEntity)
                switch outcome {
                case .correct: result.counts.correct += 1
                case .partial: result.counts.partial += 1
                case .incorrect: result.counts.incorrect += 1
                }
                result.types[goldEntity.type.rawValue]!.goldCredit += outcome.credit
                result.types[predictedEntity.type.rawValue]!.predictedCredit += outcome.credit
            }
            result.counts.missed += goldPartner.lazy.filter { $0 == nil }.count
            result.counts.spurious += predictedPartner.lazy.filter { $0 == nil }.count
            schemes[scheme] = result
        }
        for pair in pairs {
            let goldEntity = gold[pair.gold]
            let predictedEntity = predicted[pair.predicted]
            confusion[goldEntity.type.rawValue, default: [:]][predictedEntity.type.rawValue, default: 0] += 1
            var counts = LinkingCounts()
            switch (goldEntity.kb, predictedEntity.kb) {
            case let (goldKB?, predictedKB?):
                counts.compared = 1
                counts.agreed = goldKB == predictedKB ? 1 : 0
            case (_?, nil): counts.goldOnly = 1
            case (nil, _?): counts.predictedOnly = 1
            case (nil, nil): break
            }
            linking += counts
            linkingByType[goldEntity.type.rawValue, default: LinkingCounts()] += counts
        }
        for (index, entity) in gold.enumerated() {
            let partner = goldPartner[index].map { predicted[$0] }
            if partner == nil { confusion[entity.type.rawValue, default: [:]]["-", default: 0] += 1 }
            if let partner, Scheme.strict.outcome(gold: entity, predicted: partner) == .correct { continue }
            errors.add(.falseNegative) {
                ErrorItem(
                    kind: .falseNegative, document: goldDocument.id, what: Self.describe(entity),
                    partner: partner.map { Self.describe($0) },
                    sentence: SentenceContext.sentence(around: entity.span, in: goldDocument))
            }
        }
        for (index, entity) in predicted.enumerated() {
            let partner = predictedPartner[index].map { gold[$0] }
            if partner == nil { confusion["-", default: [:]][entity.type.rawValue, default: 0] += 1 }
            if let partner, Scheme.strict.outcome(gold: partner, predicted: entity) == .correct { continue }
            errors.add(.falsePositive) {
                ErrorItem(
                    kind: .falsePositive, document: goldDocument.id, what: Self.describe(entity),
                    partner: partner.map { Self.describe($0) },
                    sentence: SentenceContext.sentence(around: entity.span, in: predictedDocument ?? goldDocument))
            }
        }
    }

    /// `PERSON "Emmanuel Macron" [7,22)`.
    static func describe(_ entity: Entity) -> String {
        "\(entity.type.rawValue) \"\(entity.text)\" [\(entity.span.start),\(entity.span.end))"
    }
}
