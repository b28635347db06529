import Foundation
import GazetteCore

/// Which documents were compared, and which could not be.
public struct DocumentSummary: Sendable, Hashable, Codable {
    /// Documents in the gold corpus.
    public var gold: Int
    /// Documents in the predictions.
    public var predicted: Int
    /// Gold documents scored against a prediction with the same id and text.
    public var scored = 0
    /// Gold ids with no prediction (scored as if nothing had been predicted).
    public var missingPredictions: [String] = []
    /// Gold ids whose prediction is a `gazette.reject/1` line (also in `missingPredictions`).
    public var rejected: [String] = []
    /// Gold ids whose prediction has another text (scored as if nothing had been predicted).
    public var textMismatches: [String] = []
    /// Predicted ids with no gold document (not scored).
    public var missingGold: [String] = []
    /// JSONL files in gold or prediction directories that are not Gazette records (not read).
    public var skippedFiles: [String] = []
    /// The entity types scored, when scoring was restricted.
    public var scoredTypes: [String]?
    /// CoNLL labels with no type mapping, and how many gold entities each dropped.
    public var ignoredLabels: [String: Int]?

    public init(gold: Int, predicted: Int) {
        self.gold = gold
        self.predicted = predicted
    }
}

/// Entity results: the four schemes, linking, the type confusion table and (with `--errors`) error samples.
public struct EntityReport: Sendable, Hashable, Codable {
    /// By scheme name (strict, exact, partial, type).
    public var schemes: [String: SchemeResult]
    public var linking: LinkingCounts
    /// Linking by gold entity type.
    public var linkingByType: [String: LinkingCounts]
    /// gold type → predicted type → aligned pairs; "-" is no partner (missed or spurious).
    public var confusion: [String: [String: Int]]
    /// Entities not strictly correct, when asked for.
    public var errors: ErrorSamples?

    /// One scheme's results.
    public func scheme(_ scheme: Scheme) -> SchemeResult { schemes[scheme.rawValue] ?? SchemeResult() }
}

/// Relation results per type and micro-averaged overall.
public struct RelationReport: Sendable, Hashable, Codable {
    public var types: [String: Score]
    public var overall: Score
    /// Unmatched relations, when asked for.
    public var errors: ErrorSamples?
}

/// Everything `gazette eval` reports; encoded as JSON by `--json`.
public struct EvaluationReport: Sendable, Hashable, Codable {
    public var schema = "gazette.eval/1"
    public var documents: DocumentSummary
    public var entities: EntityReport
    public var relations: RelationReport
    /// Threshold outcomes, when thresholds were given.
    public var thresholds: [ThresholdResult]?

    public init(documents: DocumentSummary, entities: EntityReport, relations: RelationReport) {
        self.documents = documents
        self.entities = entities
        self.relations = relations
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every field is a plain value: encoding cannot fail.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self)
    }
}
