import GazetteCore
import GazetteEval
import Testing

@Suite struct RelationScorerTests {
    static let text = #"French President Emmanuel Macron said "we stand with Ukraine" in Paris."#

    static func gold() -> Document {
        makeDocument("d", text, [(.role, "President", nil), (.person, "Emmanuel Macron", nil), (.country, "French", nil)],
                     relations: [
                        makeRelation("r1", .holdsRole, "e2", "e1", role: "president"),
                        makeRelation("r2", .leaderOf, "e2", "e3", role: "president"),
                        makeRelation("r3", .said, "e2", nil, statement: spanOf("we stand with Ukraine", in: text)),
                     ])
    }

    @Test func relationsMatchThroughTheEntityAlignment() throws {
        // Predicted ids differ and the person's span is shorter ("Macron"): aligned by overlap and type.
        // Role differs only in case; the statement span includes the quotes but overlaps.
        let predicted = makeDocument("d", Self.text, [
            (.person, "Macron", nil), (.country, "French", nil), (.role, "President", nil),
        ], relations: [
            makeRelation("r1", .holdsRole, "e1", "e3", role: "President"),
            makeRelation("r2", .leaderOf, "e1", "e2", role: "prime minister"),
            makeRelation("r3", .said, "e1", nil, statement: spanOf(#""we stand with Ukraine""#, in: Self.text)),
            makeRelation("r4", .said, "e1", nil, statement: spanOf(#""we stand with Ukraine""#, in: Self.text)),
        ])
        let report = try evaluate(gold: [Self.gold()], predicted: [predicted], errors: 5)
        let relations = report.relations
        // holds_role: 1/1. leader_of: the role differs -> 0 of 1 predicted, 0 of 1 gold.
        // said: two predictions, one gold: 1 match, the duplicate is a false positive -> P 1/2, R 1/1.
        #expect(relations.types["holds_role"] == Score(gold: 1, predicted: 1, goldCredit: 1, predictedCredit: 1))
        #expect(close(relations.types["leader_of"]?.f1, 0))
        #expect(close(relations.types["said"]?.precision, 0.5) && close(relations.types["said"]?.recall, 1))
        // Overall (micro): gold 3, predicted 4, matched 2 -> P 0.5, R 2/3, F1 = 2·2/(3+4) = 4/7.
        #expect(close(relations.overall.precision, 0.5) && close(relations.overall.recall, 2.0 / 3))
        #expect(close(relations.overall.f1, 4.0 / 7))
        let errors = try #require(relations.errors)
        #expect(errors.falseNegativeCount == 1 && errors.falsePositiveCount == 2)
        #expect(errors.falseNegatives[0].what == #"leader_of(PERSON "Emmanuel Macron" -> COUNTRY "French", president)"#)
        #expect(errors.falseNegatives[0].sentence == Self.text)
    }

    @Test func headsOfAnotherTypeDoNotAlign() throws {
        let predicted = makeDocument("d", Self.text, [
            (.role, "President", nil), (.org, "Emmanuel Macron", nil), (.country, "French", nil),
        ], relations: [makeRelation("r1", .holdsRole, "e2", "e1", role: "president")])
        let report = try evaluate(gold: [Self.gold()], predicted: [predicted])
        #expect(report.relations.types["holds_role"] == Score(gold: 1, predicted: 1, goldCredit: 0, predictedCredit: 0))
    }

    @Test func rolesCompareNilOnlyWithNil() throws {
        let gold = makeDocument("d", "Schoof of the Netherlands", [(.person, "Schoof", nil), (.country, "Netherlands", nil)],
                                relations: [makeRelation("r1", .citizenOf, "e1", "e2")])
        var predicted = gold
        #expect(try evaluate(gold: [gold], predicted: [predicted]).relations.overall.goldCredit == 1)
        predicted.relations[0].role = "premier"
        #expect(try evaluate(gold: [gold], predicted: [predicted]).relations.overall.goldCredit == 0)
    }

    @Test func statementsMustOverlap() throws {
        var predicted = Self.gold()
        predicted.relations = [makeRelation("r9", .said, "e2", nil, statement: spanOf("Paris", in: Self.text))]
        let report = try evaluate(gold: [Self.gold()], predicted: [predicted])
        #expect(report.relations.types["said"]?.goldCredit == 0)
    }

    @Test func fixtureRelations() throws {
        let gold = try AnnotatedCorpus.loadJSONL([Fixture.path("gold.jsonl")])
        let predicted = try AnnotatedCorpus.loadJSONL([Fixture.path("pred.jsonl")])
        let relations = Evaluation().evaluate(gold: gold, predicted: predicted).relations
        // a: holds_role Macron->President matches (role "President" vs "president"); holds_role Schoof->Prime
        //    Minister does not (the predicted head is an ORG, not aligned). b: said matches (statement overlaps).
        // c: two member_of, no prediction. holds_role 1/2 both ways, said 1/1, member_of R 0/2 (P undefined).
        #expect(relations.types["holds_role"] == Score(gold: 2, predicted: 2, goldCredit: 1, predictedCredit: 1))
        #expect(relations.types["said"] == Score(gold: 1, predicted: 1, goldCredit: 1, predictedCredit: 1))
        #expect(relations.types["member_of"]?.precision == nil && close(relations.types["member_of"]?.f1, 0))
        // Overall: gold 5, predicted 3, matched 2: P 2/3, R 2/5, F1 0.5.
        #expect(close(relations.overall.precision, 2.0 / 3) && close(relations.overall.recall, 0.4))
        #expect(close(relations.overall.f1, 0.5))
    }
}
