import Foundation
import GazetteCore
import GazetteEval
import Testing

@Suite struct EntitySchemeTests {
    static let text = "President Emmanuel Macron met Dick Schoof in The Hague and Brussels."

    /// One pair of each kind:
    /// gold: ROLE "President", PERSON "Emmanuel Macron", PERSON "Dick Schoof", CITY "The Hague", CITY "Brussels";
    /// pred: PERSON "Emmanuel Macron" (same span, same type), ORG "Dick Schoof" (same span, other type),
    ///       CITY "Hague" (overlap, same type), COUNTRY "Bruss" (overlap, other type), ROLE "met" (no overlap:
    ///       SPU); gold "President" has no partner (MIS).
    static func documents() -> (gold: Document, predicted: Document) {
        let gold = makeDocument("d", text, [
            (.role, "President", nil), (.person, "Emmanuel Macron", nil), (.person, "Dick Schoof", nil),
            (.city, "The Hague", nil), (.city, "Brussels", nil),
        ])
        let predicted = makeDocument("d", text, [
            (.person, "Emmanuel Macron", nil), (.org, "Dick Schoof", nil), (.city, "Hague", nil),
            (.country, "Bruss", nil), (.role, "met", nil),
        ])
        return (gold, predicted)
    }

    @Test func countsPerScheme() throws {
        let (gold, predicted) = Self.documents()
        let report = try evaluate(gold: [gold], predicted: [predicted])
        // Pairs: Macron (same span+type), Schoof (same span, PERSON vs ORG), Hague (overlap, CITY), Brussels
        // (overlap, CITY vs COUNTRY); "President" is MIS, "met" SPU. POS = 5, ACT = 5.
        // strict: COR 1 (Macron), INC 3, MIS 1, SPU 1 -> P = R = 1/5.
        #expect(report.entities.scheme(.strict).counts == SchemeCounts(correct: 1, incorrect: 3, partial: 0, missed: 1, spurious: 1))
        // exact: COR 2 (Macron, Schoof), INC 2 -> P = R = 2/5.
        #expect(report.entities.scheme(.exact).counts == SchemeCounts(correct: 2, incorrect: 2, partial: 0, missed: 1, spurious: 1))
        // partial: COR 1 (Macron), PAR 1 (Hague), INC 2 (Schoof, Brussels: other type) -> (1 + 0.5)/5 = 0.3.
        #expect(report.entities.scheme(.partial).counts == SchemeCounts(correct: 1, incorrect: 2, partial: 1, missed: 1, spurious: 1))
        // type: COR 2 (Macron, Hague), INC 2 -> 2/5.
        #expect(report.entities.scheme(.type).counts == SchemeCounts(correct: 2, incorrect: 2, partial: 0, missed: 1, spurious: 1))

        let strict = report.entities.scheme(.strict).overall
        #expect(close(strict.precision, 0.2) && close(strict.recall, 0.2) && close(strict.f1, 0.2))
        let exact = report.entities.scheme(.exact).overall
        #expect(close(exact.precision, 0.4) && close(exact.recall, 0.4) && close(exact.f1, 0.4))
        let partial = report.entities.scheme(.partial).overall
        #expect(close(partial.precision, 0.3) && close(partial.recall, 0.3) && close(partial.f1, 0.3))
        let type = report.entities.scheme(.type).overall
        #expect(close(type.precision, 0.4) && close(type.recall, 0.4) && close(type.f1, 0.4))
    }

    @Test func perTypeCreditsGoldTypeForRecallAndPredictedTypeForPrecision() throws {
        let (gold, predicted) = Self.documents()
        let report = try evaluate(gold: [gold], predicted: [predicted])
        // exact: gold PERSON Schoof earns its credit (same span) though predicted ORG, so PERSON recall = 2/2;
        // the credit for precision goes to ORG: ORG P = 1/1; ORG has no gold, so its recall is undefined and its
        // F1 counts the missing recall as 0.
        let exact = report.entities.scheme(.exact).types
        #expect(close(exact["PERSON"]?.recall, 1.0) && close(exact["PERSON"]?.precision, 1.0))
        #expect(close(exact["ORG"]?.precision, 1.0) && exact["ORG"]?.recall == nil && close(exact["ORG"]?.f1, 0))
        // strict: PERSON R = 1/2 (Macron), P = 1/1; ORG P = 0/1; F1(PERSON) = 2·1·0.5/1.5 = 2/3.
        let strict = report.entities.scheme(.strict).types
        #expect(close(strict["PERSON"]?.recall, 0.5) && close(strict["PERSON"]?.precision, 1.0))
        #expect(close(strict["PERSON"]?.f1, 2.0 / 3.0))
        #expect(close(strict["ORG"]?.precision, 0) && close(strict["ORG"]?.f1, 0))
        // partial: CITY gold credit 0.5 (Hague) + 0 (Brussels as COUNTRY) over 2 -> R = 0.25; CITY pred: Hague 0.5/1.
        let partial = report.entities.scheme(.partial).types
        #expect(close(partial["CITY"]?.recall, 0.25) && close(partial["CITY"]?.precision, 0.5))
        // Per-type counts add up to the overall POS and ACT.
        for scheme in Scheme.allCases {
            let types = report.entities.scheme(scheme).types.values
            #expect(types.map(\.gold).reduce(0, +) == 5 && types.map(\.predicted).reduce(0, +) == 5)
        }
    }

    @Test func partialCreditIsHalf() throws {
        let text = "Volodymyr Zelensky and Keir Starmer spoke."
        let gold = makeDocument("d", text, [(.person, "Volodymyr Zelensky", nil), (.person, "Keir Starmer", nil)])
        let predicted = makeDocument("d", text, [(.person, "Zelensky", nil), (.person, "Keir Starmer", nil)])
        let report = try evaluate(gold: [gold], predicted: [predicted])
        // partial: COR 1 + PAR 1 -> (1 + 0.5) / 2 = 0.75 both ways; strict: 1/2.
        let partial = report.entities.scheme(.partial).overall
        #expect(close(partial.precision, 0.75) && close(partial.recall, 0.75) && close(partial.f1, 0.75))
        #expect(close(report.entities.scheme(.strict).overall.f1, 0.5))
        #expect(close(report.entities.scheme(.type).overall.f1, 1.0))
    }

    @Test func pairsAreOneToOne() throws {
        // Two predictions inside one gold mention: the larger overlap is the PAR, the other is SPU.
        let text = "The European Union met."
        let gold = makeDocument("d", text, [(.org, "European Union", nil)])
        let predicted = makeDocument("d", text, [(.org, "Union", nil), (.org, "European", nil)])
        let report = try evaluate(gold: [gold], predicted: [predicted])
        #expect(report.entities.scheme(.partial).counts == SchemeCounts(correct: 0, incorrect: 0, partial: 1, missed: 0, spurious: 1))
        // P = 0.5/2 = 0.25, R = 0.5/1 = 0.5.
        let partial = report.entities.scheme(.partial).overall
        #expect(close(partial.precision, 0.25) && close(partial.recall, 0.5))
        #expect(report.entities.confusion["ORG"]?["ORG"] == 1 && report.entities.confusion["-"]?["ORG"] == 1)
    }

    @Test func alignmentPrefersSameSpanAndType() {
        let text = "Paris Paris"
        let gold = makeDocument("g", text, [(.city, "Paris Paris", nil), (.person, "Paris", nil)])
        let predicted = makeDocument("p", text, [(.person, "Paris", nil), (.city, "Paris Paris", nil)])
        let pairs = EntityAlignment.align(gold: gold.entities, predicted: predicted.entities)
        #expect(pairs == [AlignedPair(gold: 0, predicted: 1), AlignedPair(gold: 1, predicted: 0)])
        // With same types only, a PERSON is never paired with a CITY.
        let typed = EntityAlignment.align(
            gold: [gold.entities[0]], predicted: [predicted.entities[0]], sameTypeOnly: true)
        #expect(typed.isEmpty)
    }

    @Test func undefinedFiguresStayUndefined() throws {
        let text = "Nothing here."
        let report = try evaluate(gold: [makeDocument("d", text, [])], predicted: [makeDocument("d", text, [])])
        #expect(report.entities.scheme(.strict).overall.f1 == nil)
        #expect(report.entities.linking.accuracy == nil)
        #expect(report.relations.overall.f1 == nil)
    }
}

/// The committed fixtures: Fixtures/gold.jsonl (documents a, b, c) and Fixtures/pred.jsonl (a, b, x).
///
/// a: gold ROLE President, PERSON Emmanuel Macron, ROLE Prime Minister, PERSON Dick Schoof, CITY Paris;
///    pred ROLE President (COR), COUNTRY Dutch (SPU), PERSON Macron (overlap), ROLE Prime Minister (COR),
///    ORG Dick Schoof (same span, other type), CITY Paris (COR, wrong kb).
/// b: gold ORG NATO, CITY The Hague, COUNTRY Ukraine, PERSON Zelensky; pred NATO (COR), CITY Hague (overlap),
///    PERSON Zelensky (COR); Ukraine is MIS.
/// c: gold COUNTRY Germany, COUNTRY Poland, ORG NATO, no prediction: 3 MIS. x: prediction only, not scored.
@Suite struct FixtureScoreTests {
    static func report(errors: Int = 0) throws -> EvaluationReport {
        let gold = try AnnotatedCorpus.loadJSONL([Fixture.path("gold.jsonl")])
        let predicted = try AnnotatedCorpus.loadJSONL([Fixture.path("pred.jsonl")])
        return Evaluation(errorLimit: errors).evaluate(gold: gold, predicted: predicted)
    }

    @Test func documentsMissingOnEitherSideAreReported() throws {
        let documents = try Self.report().documents
        #expect(documents.gold == 3 && documents.predicted == 3 && documents.scored == 2)
        #expect(documents.missingPredictions == ["c"])
        #expect(documents.missingGold == ["x"])
    }

    @Test func overallFiguresPerScheme() throws {
        let entities = try Self.report().entities
        // POS 12, ACT 9. strict: COR 5 (President, Prime Minister, Paris, NATO, Zelensky), INC 3 (Macron,
        // Schoof, Hague), MIS 4 (Ukraine, Germany, Poland, NATO in c), SPU 1 (Dutch).
        #expect(entities.scheme(.strict).counts == SchemeCounts(correct: 5, incorrect: 3, partial: 0, missed: 4, spurious: 1))
        // P = 5/9, R = 5/12, F1 = 2·5/(9+12) = 10/21.
        let strict = entities.scheme(.strict).overall
        #expect(close(strict.precision, 5.0 / 9) && close(strict.recall, 5.0 / 12) && close(strict.f1, 10.0 / 21))
        // exact: Schoof becomes COR: 6/9, 6/12, 12/21.
        let exact = entities.scheme(.exact).overall
        #expect(close(exact.precision, 6.0 / 9) && close(exact.recall, 0.5) && close(exact.f1, 12.0 / 21))
        // partial: COR 5, PAR 2 (Macron, Hague), INC 1 (Schoof): (5 + 1)/9, 6/12.
        #expect(entities.scheme(.partial).counts == SchemeCounts(correct: 5, incorrect: 1, partial: 2, missed: 4, spurious: 1))
        let partial = entities.scheme(.partial).overall
        #expect(close(partial.precision, 6.0 / 9) && close(partial.recall, 0.5) && close(partial.f1, 12.0 / 21))
        // type: COR 7, INC 1 (Schoof): 7/9, 7/12, 14/21.
        let type = entities.scheme(.type).overall
        #expect(close(type.precision, 7.0 / 9) && close(type.recall, 7.0 / 12) && close(type.f1, 14.0 / 21))
    }

    @Test func perTypeFigures() throws {
        let entities = try Self.report().entities
        // PERSON gold 3 (Emmanuel Macron, Dick Schoof, Zelensky), pred 2 (Macron, Zelensky).
        // strict: R 1/3, P 1/2, F1 0.4. partial: R (0.5+0+1)/3 = 0.5, P (0.5+1)/2 = 0.75, F1 0.6.
        // type: R 2/3, P 1, F1 0.8.
        let person = Scheme.allCases.map { entities.scheme($0).types["PERSON"]! }
        #expect(close(person[0].recall, 1.0 / 3) && close(person[0].precision, 0.5) && close(person[0].f1, 0.4))
        #expect(close(person[2].recall, 0.5) && close(person[2].precision, 0.75) && close(person[2].f1, 0.6))
        #expect(close(person[3].recall, 2.0 / 3) && close(person[3].precision, 1) && close(person[3].f1, 0.8))
        // COUNTRY: gold 3, pred 1 (Dutch), nothing right.
        #expect(close(entities.scheme(.strict).types["COUNTRY"]?.f1, 0))
        // CITY partial: Paris 1 + Hague 0.5 over 2 both ways = 0.75.
        #expect(close(entities.scheme(.partial).types["CITY"]?.f1, 0.75))
        #expect(close(entities.scheme(.strict).types["ROLE"]?.f1, 1))
    }

    @Test func linkingAndConfusion() throws {
        let entities = try Self.report().entities
        // kb on both sides: Macron (agree), Schoof (agree), Paris (city-paris vs city-rome), NATO (agree).
        // Hague and Zelensky have a kb in gold only.
        #expect(entities.linking.compared == 4 && entities.linking.agreed == 3 && entities.linking.goldOnly == 2)
        #expect(close(entities.linking.accuracy, 0.75))
        #expect(entities.confusion["PERSON"] == ["PERSON": 2, "ORG": 1])
        #expect(entities.confusion["COUNTRY"] == ["-": 3])
        #expect(entities.confusion["-"] == ["COUNTRY": 1])
    }

    @Test func errorsCarryTheirSentence() throws {
        let errors = try #require(Self.report(errors: 10).entities.errors)
        // Not strictly correct: gold Macron, Schoof, Hague, Ukraine, Germany, Poland, NATO (c) = 7 FN;
        // predicted Dutch, Macron, Schoof (ORG), Hague = 4 FP.
        #expect(errors.falseNegativeCount == 7 && errors.falsePositiveCount == 4)
        let ukraine = try #require(errors.falseNegatives.first { $0.what.contains("Ukraine") })
        #expect(ukraine.document == "b" && ukraine.partner == nil)
        #expect(ukraine.sentence == "NATO leaders met in The Hague with Ukraine.")
        let schoof = try #require(errors.falsePositives.first { $0.what.contains("Schoof") })
        #expect(schoof.partner == #"PERSON "Dick Schoof" [58,69)"#)
        let limited = try #require(Self.report(errors: 1).entities.errors)
        #expect(limited.falseNegatives.count == 1 && limited.falseNegativeCount == 7)
    }

    @Test func textMismatchIsReportedAndScoredAsMissing() throws {
        let gold = makeDocument("d", "Macron spoke.", [(.person, "Macron", nil)])
        let predicted = makeDocument("d", "Macron spoke!", [(.person, "Macron", nil)])
        let report = try evaluate(gold: [gold], predicted: [predicted])
        #expect(report.documents.textMismatches == ["d"] && report.documents.scored == 0)
        #expect(report.entities.scheme(.strict).counts == SchemeCounts(correct: 0, incorrect: 0, partial: 0, missed: 1, spurious: 0))
    }

    @Test func typeFilterRestrictsBothSides() throws {
        let gold = try AnnotatedCorpus.loadJSONL([Fixture.path("gold.jsonl")])
        let predicted = try AnnotatedCorpus.loadJSONL([Fixture.path("pred.jsonl")])
        let report = Evaluation(types: [.role]).evaluate(gold: gold, predicted: predicted)
        #expect(report.entities.scheme(.strict).overall == Score(gold: 2, predicted: 2, goldCredit: 2, predictedCredit: 2))
        #expect(report.documents.scoredTypes == ["ROLE"])
    }

    @Test func reportRoundTripsThroughJSON() throws {
        let report = try Self.report(errors: 2)
        let decoded = try JSONDecoder().decode(EvaluationReport.self, from: Data(report.json().utf8))
        #expect(decoded == report)
        #expect(report.json().contains(#""f1" : 0.47619"#))
    }
}
