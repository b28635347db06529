// GazetteEval: scores predicted annotations against gold annotations and checks gold files.
//
// What is implemented (docs/EVALUATION.md says the same for users):
//
// Documents are matched by id. A gold document with no prediction (absent, rejected by the annotator, or with a
// different text, which makes offsets incomparable) is scored as if nothing had been predicted in it: every gold
// entity and relation counts as missed. A predicted document with no gold one is not scored. All of these are
// listed in the report, never dropped silently.
//
// Entities (EntityScorer): gold and predicted entities are paired one to one by EntityAlignment (overlapping
// spans; same span and type first, then same span, then overlap with the same type, then any overlap; larger
// overlap first). Each scheme judges each pair as COR, PAR or INC; unpaired gold entities are MIS, unpaired
// predictions SPU:
//   strict   COR when span and type are equal, else INC
//   exact    COR when the span is equal (any type), else INC
//   partial  COR when span and type are equal, PAR when the spans overlap with the same type, else INC
//   type     COR when the spans overlap with the same type, else INC
// POS = COR+INC+PAR+MIS, ACT = COR+INC+PAR+SPU, precision = (COR + ½·PAR)/ACT, recall = (COR + ½·PAR)/POS,
// F1 their harmonic mean. Differences from nervaluate: pairs are one to one (a second prediction over an already
// paired gold entity is SPU, not a second PAR); partial requires the same type (as this project defines it);
// per type, a pair's credit counts for the gold type on the recall side and for the predicted type on the
// precision side. Linking accuracy = pairs with equal `kb` / pairs where both sides have a `kb`.
//
// Relations (RelationScorer): entities aligned with the same type only; a predicted relation matches a gold one
// when type, role (case-insensitive, nil only equals nil), head and tail (through the alignment) match and, for
// statements (`said`), the statement spans overlap. One gold relation matches at most one prediction.
// Per type precision/recall/F1 and micro-averaged overall.

import GazetteCore

/// Scores a predicted corpus against a gold corpus: entities under four schemes, linking, relations, errors.
public struct Evaluation: Sendable {
    /// Only entities of these types are scored (nil: every type). Relations are not filtered.
    public var types: Set<EntityType>?
    /// How many false positives and false negatives of each kind the report keeps with their sentence.
    public var errorLimit: Int

    public init(types: Set<EntityType>? = nil, errorLimit: Int = 0) {
        self.types = types
        self.errorLimit = errorLimit
    }

    /// The report for a gold and a predicted corpus.
    public func evaluate(gold: AnnotatedCorpus, predicted: AnnotatedCorpus) -> EvaluationReport {
        var entities = EntityScorer(types: types, errorLimit: errorLimit)
        var relations = RelationScorer(errorLimit: errorLimit)
        var summary = DocumentSummary(gold: gold.count, predicted: predicted.count)
        summary.scoredTypes = types.map { $0.map(\.rawValue).sorted() }
        summary.rejected = predicted.rejected.filter { gold.document($0) != nil }
        summary.skippedFiles = gold.skippedFiles + predicted.skippedFiles
        for document in gold.documents {
            var prediction = predicted.document(document.id)
            if prediction == nil {
                summary.missingPredictions.append(document.id)
            } else if prediction!.text != document.text {
                summary.textMismatches.append(document.id)
                prediction = nil
            } else {
                summary.scored += 1
            }
            entities.add(gold: document, predicted: prediction)
            relations.add(gold: document, predicted: prediction)
        }
        summary.missingGold = predicted.documents.map(\.id).filter { gold.document($0) == nil }
        return EvaluationReport(
            documents: summary,
            entities: EntityReport(
                schemes: Dictionary(uniqueKeysWithValues: entities.schemes.map { ($0.key.rawValue, $0.value) }),
                linking: entities.linking, linkingByType: entities.linkingByType, confusion: entities.confusion,
                errors: errorLimit > 0 ? entities.errors : nil),
            relations: RelationReport(
                types: relations.types, overall: relations.overall, errors: errorLimit > 0 ? relations.errors : nil))
    }
}
