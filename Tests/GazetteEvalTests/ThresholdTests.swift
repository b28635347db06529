import GazetteCore
import GazetteEval
import Testing

@Suite struct ThresholdTests {
    @Test func keysParse() throws {
        #expect(try Threshold(parsing: "PERSON=0.8").metric == .entity(.strict, .person))
        #expect(try Threshold(parsing: "person=0.8").metric == .entity(.strict, .person))
        #expect(try Threshold(parsing: "partial.ORG=0.5").metric == .entity(.partial, .org))
        #expect(try Threshold(parsing: "entities.type.overall=0.5").metric == .entity(.type, nil))
        #expect(try Threshold(parsing: "overall=0.5").metric == .entity(.strict, nil))
        #expect(try Threshold(parsing: "relations.leader_of=0.9").metric == .relation(.leaderOf))
        #expect(try Threshold(parsing: "relations=0.9").metric == .relation(nil))
        #expect(try Threshold(parsing: "relations.overall=0.9").metric == .relation(nil))
        #expect(try Threshold(parsing: "linking=0.9").metric == .linking)
        for bad in ["PERSON", "PERSON=1.5", "PERSON=x", "PLACE=0.5", "relations.knows=0.5", "fuzzy.PERSON=0.5", "a.b.c=0.1"] {
            #expect(throws: EvalInputError.self, "\(bad)") { try Threshold(parsing: bad) }
        }
    }

    static func report(pred: String) throws -> EvaluationReport {
        let gold = try AnnotatedCorpus.loadJSONL([Fixture.path("gold.jsonl")])
        let predicted = try AnnotatedCorpus.loadJSONL([Fixture.path(pred)])
        return Evaluation().evaluate(gold: gold, predicted: predicted)
    }

    static let thresholds = ["overall=0.45", "PERSON=0.4", "type.overall=0.6", "relations.holds_role=0.5", "linking=0.75"]

    @Test func thresholdsHoldOnThePredictions() throws {
        let results = ThresholdCheck.check(try Self.thresholds.map { try Threshold(parsing: $0) }, against: try Self.report(pred: "pred.jsonl"))
        #expect(results.allSatisfy { $0.passed }, "\(results.map(\.message))")
        #expect(results[0].message == "ok overall F1 0.476 >= 0.450")
    }

    /// pred-damaged.jsonl is pred.jsonl with every entity moved one scalar to the right and no relations.
    @Test func damagedPredictionsBreakThresholds() throws {
        let report = try Self.report(pred: "pred-damaged.jsonl")
        let results = ThresholdCheck.check(try Self.thresholds.map { try Threshold(parsing: $0) }, against: report)
        let failed = results.filter { !$0.passed }.map(\.key)
        // No span is exact any more (strict F1 0); relations are gone (holds_role F1 0).
        #expect(failed.contains("overall") && failed.contains("PERSON") && failed.contains("relations.holds_role"))
        #expect(results[0].message == "FAILED overall F1 0.000 < 0.450")
    }

    @Test func undefinedFigureFails() throws {
        let report = try Self.report(pred: "pred.jsonl")
        let result = ThresholdCheck.check([try Threshold(parsing: "relations.leader_of=0.1")], against: report)[0]
        #expect(!result.passed && result.actual == nil)
    }
}
