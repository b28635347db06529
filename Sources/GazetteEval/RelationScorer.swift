import Foundation
import GazetteCore

/// Scores predicted relations against gold relations, per relation type and micro-averaged overall.
///
/// Predicted entities are first aligned to gold entities of the same type with ``EntityAlignment``
/// (`sameTypeOnly`: same span first, then the largest overlap). A predicted relation then matches a gold relation
/// when the types are equal, the roles are equal ignoring case and surrounding spaces (nil only equals nil), the
/// predicted head is aligned to the gold head, and the tails agree: both tails nil or the predicted tail aligned to
/// the gold tail, and both statements nil or both present and overlapping (how `said` is matched). Each gold
/// relation matches at most one prediction, in the order of the predictions; duplicates are false positives.
public struct RelationScorer: Sendable {
    /// Score per relation type (credit = matched relations on both sides).
    public private(set) var types: [String: Score] = [:]
    /// Relations that did not match, for `--errors`.
    public private(set) var errors = ErrorSamples()

    public init(errorLimit: Int = 0) {
        errors = ErrorSamples(limit: errorLimit)
    }

    /// Micro-averaged score over every type.
    public var overall: Score {
        types.values.reduce(into: Score()) { $0 += $1 }
    }

    /// Adds one document pair; `predicted` nil scores the gold document against no predictions.
    public mutating func add(gold goldDocument: Document, predicted predictedDocument: Document?) {
        let predictedRelations = predictedDocument?.relations ?? []
        for relation in goldDocument.relations { types[relation.type.rawValue, default: Score()].gold += 1 }
        for relation in predictedRelations { types[relation.type.rawValue, default: Score()].predicted += 1 }
        var alignedGoldID: [String: String] = [:]
        if let predictedDocument {
            for pair in EntityAlignment.align(gold: goldDocument.entities, predicted: predictedDocument.entities, sameTypeOnly: true) {
                alignedGoldID[predictedDocument.entities[pair.predicted].id] = goldDocument.entities[pair.gold].id
            }
        }
        var goldMatched = [Bool](repeating: false, count: goldDocument.relations.count)
        for predicted in predictedRelations {
            let match = goldDocument.relations.indices.first { index in
                !goldMatched[index] && Self.matches(predicted, goldDocument.relations[index], alignedGoldID: alignedGoldID)
            }
            if let match {
                goldMatched[match] = true
                types[predicted.type.rawValue]!.goldCredit += 1
                types[predicted.type.rawValue]!.predictedCredit += 1
            } else if let predictedDocument {
                errors.add(.falsePositive) {
                    ErrorItem(
                        kind: .falsePositive, document: goldDocument.id, what: Self.describe(predicted, in: predictedDocument),
                        partner: nil, sentence: Self.context(of: predicted, in: predictedDocument))
                }
            }
        }
        for (index, relation) in goldDocument.relations.enumerated() where !goldMatched[index] {
            errors.add(.falseNegative) {
                ErrorItem(
                    kind: .falseNegative, document: goldDocument.id, what: Self.describe(relation, in: goldDocument),
                    partner: nil, sentence: Self.context(of: relation, in: goldDocument))
            }
        }
    }

    /// Whether a predicted relation states the same fact as a gold one, through the entity alignment.
    static func matches(_ predicted: Relation, _ gold: Relation, alignedGoldID: [String: String]) -> Bool {
        guard predicted.type == gold.type, normalisedRole(predicted.role) == normalisedRole(gold.role),
            alignedGoldID[predicted.head] == gold.head
        else { return false }
        switch (predicted.tail, gold.tail) {
        case (nil, nil): break
        case let (predictedTail?, goldTail?): guard alignedGoldID[predictedTail] == goldTail else { return false }
        default: return false
        }
        switch (predicted.statement, gold.statement) {
        case (nil, nil): return true
        case let (predictedStatement?, goldStatement?): return predictedStatement.overlaps(goldStatement)
        default: return false
        }
    }

    static func normalisedRole(_ role: String?) -> String? {
        role.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// `leader_of(PERSON "Macron" -> COUNTRY "France", president)`.
    static func describe(_ relation: Relation, in document: Document) -> String {
        func name(_ id: String) -> String {
            document.entity(id).map { "\($0.type.rawValue) \"\($0.text)\"" } ?? id
        }
        let tail = relation.tail.map(name)
            ?? relation.statement.map { "\"\(SentenceContext.clip(document, $0))\" [\($0.start),\($0.end))" } ?? "-"
        return "\(relation.type.rawValue)(\(name(relation.head)) -> \(tail)\(relation.role.map { ", \($0)" } ?? ""))"
    }

    /// The sentence of the relation's head entity, else of its evidence.
    static func context(of relation: Relation, in document: Document) -> String {
        let span = document.entity(relation.head)?.span ?? relation.evidence
        return SentenceContext.sentence(around: span, in: document)
    }
}
