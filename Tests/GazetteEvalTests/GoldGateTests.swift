import Foundation
import GazetteEval
import GazettePipeline
import GazetteTestSupport
import Testing

/// The quality gate on the team's gold corpus: the current build must score at least the figures in
/// Corpora/gold/thresholds.txt (the same file `make test` passes to `gazette eval --run`).
@Suite("Gold quality gate")
struct GoldGateTests {
    static func thresholds() throws -> [Threshold] {
        let text = try String(contentsOf: Repository.path("Corpora/gold/thresholds.txt"), encoding: .utf8)
        return try text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map { try Threshold(parsing: $0) }
    }

    @Test func theGoldCorpusPassesItsOwnChecks() throws {
        let result = try GoldValidator().check([Repository.path("Corpora/gold").path])
        #expect(result.documents >= 40)
        #expect(result.issues.isEmpty, "\(result.issues.prefix(5))")
    }

    @Test func currentBuildMeetsEveryThreshold() throws {
        let gold = try AnnotatedCorpus.loadJSONL([Repository.path("Corpora/gold").path])
        #expect(gold.count >= 40)
        let annotator = try Annotator(resources: Repository.resources)
        let predicted = GoldAnnotation.annotate(gold, with: annotator)
        let report = Evaluation().evaluate(gold: gold, predicted: predicted)
        let thresholds = try Self.thresholds()
        #expect(thresholds.count >= 10)
        for result in ThresholdCheck.check(thresholds, against: report) {
            #expect(result.passed, "\(result.message)")
        }
    }
}
