import Foundation
import GazetteCore
import GazetteEval
import GazetteTestSupport

/// The test fixtures, written by hand for these tests (expected figures are worked out in the tests).
enum Fixture {
    static func path(_ name: String) -> String {
        Repository.path("Tests/GazetteEvalTests/Fixtures/\(name)").path
    }
}

/// A document with entities given as (type, mention, kb); the mention's first occurrence after the previous
/// entity of the same mention gives the span. Everything sits in one sentence.
func makeDocument(_ id: String, _ text: String, _ entities: [(EntityType, String, String?)],
                  relations: [Relation] = []) -> Document {
    var document = Document(id: id, source: SourceLocator(path: id, format: .text), text: text)
    document.sentences = [TextSpan(start: 0, end: text.unicodeScalars.count)]
    var used: [String: Int] = [:]
    for (index, (type, mention, kb)) in entities.enumerated() {
        let span = spanOf(mention, in: text, occurrence: used[mention, default: 0])
        used[mention, default: 0] += 1
        document.entities.append(Entity(
            id: "e\(index + 1)", type: type, span: span, text: mention, kb: kb, canonical: mention, sentence: 0,
            source: .gazetteer))
    }
    document.relations = relations
    return document
}

/// The scalar span of the n-th occurrence of a substring.
func spanOf(_ needle: String, in text: String, occurrence: Int = 0) -> TextSpan {
    let scalars = Array(text.unicodeScalars)
    let pattern = Array(needle.unicodeScalars)
    var seen = 0
    for start in 0...(scalars.count - pattern.count) where Array(scalars[start..<start + pattern.count]) == pattern {
        if seen == occurrence { return TextSpan(start: start, end: start + pattern.count) }
        seen += 1
    }
    fatalError("'\(needle)' occurs fewer than \(occurrence + 1) times in '\(text)'")
}

/// A relation for tests.
func makeRelation(_ id: String, _ type: RelationType, _ head: String, _ tail: String?, role: String? = nil,
                  statement: TextSpan? = nil) -> Relation {
    Relation(id: id, type: type, head: head, tail: tail, statement: statement, role: role, sentence: 0,
             evidence: TextSpan(start: 0, end: 1), trigger: "", source: .pattern, confidence: 1)
}

/// Scores two lists of documents.
func evaluate(gold: [Document], predicted: [Document], types: Set<EntityType>? = nil, errors: Int = 0) throws -> EvaluationReport {
    Evaluation(types: types, errorLimit: errors).evaluate(
        gold: try AnnotatedCorpus(documents: gold), predicted: try AnnotatedCorpus(documents: predicted))
}

/// Equality of figures to 4 decimals (the expected values are fractions worked out by hand).
func close(_ actual: Double?, _ expected: Double?) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?): return abs(a - e) < 0.0001
    default: return false
    }
}
