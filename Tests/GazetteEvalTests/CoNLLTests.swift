import GazetteCore
import GazetteEval
import Testing

@Suite struct CoNLLReaderTests {
    func read(_ text: String, mapping: TypeMapping = TypeMapping(["LOC": .country])) throws -> CoNLLReader.Result {
        try CoNLLReader(mapping: mapping).read(
            lines: text.split(separator: "\n", omittingEmptySubsequences: false), name: "t", path: "t.conll")
    }

    func entities(_ document: Document) -> [String] {
        document.entities.map { "\($0.type.rawValue) \($0.text) \($0.span.start)-\($0.span.end)" }
    }

    @Test func bioSpansOverJoinedTokens() throws {
        let result = try read("""
            Emmanuel B-PER
            Macron I-PER
            met O
            Dick B-PER
            Schoof I-PER
            .\tO

            Paris B-LOC
            """)
        let document = try #require(result.documents.first)
        #expect(document.id == "t#1")
        #expect(document.text == "Emmanuel Macron met Dick Schoof .\nParis")
        #expect(document.sentences == [TextSpan(start: 0, end: 33), TextSpan(start: 34, end: 39)])
        #expect(entities(document) == ["PERSON Emmanuel Macron 0-15", "PERSON Dick Schoof 20-31", "COUNTRY Paris 34-39"])
        #expect(document.entities.map(\.sentence) == [0, 0, 1])
    }

    @Test func iob1StartsAtInsideTagsAndSplitsAtBegin() throws {
        // IOB1: I- opens an entity after O or another type; B- only separates two adjacent entities of one type.
        let result = try read("""
            Germany I-LOC
            Poland B-LOC
            and O
            NATO I-ORG
            France I-LOC
            """)
        #expect(entities(result.documents[0]) == [
            "COUNTRY Germany 0-7", "COUNTRY Poland 8-14", "ORG NATO 19-23", "COUNTRY France 24-30",
        ])
    }

    @Test func iobesTags() throws {
        let result = try read("""
            European B-ORG
            Union E-ORG
            Paris S-LOC
            Rome U-LOC
            """)
        #expect(entities(result.documents[0]) == ["ORG European Union 0-14", "COUNTRY Paris 15-20", "COUNTRY Rome 21-25"])
    }

    @Test func documentsAndUnmappedLabels() throws {
        let result = try read("""
            -DOCSTART- -X- -X- O

            French JJ B-NP B-MISC
            Macron NNP I-NP B-PER

            -DOCSTART- -X- -X- O

            -DOCSTART- -X- -X- O

            Rome NNP B-NP B-LOC
            """)
        #expect(result.documents.map(\.id) == ["t#1", "t#2"])
        #expect(result.ignored == ["MISC": 1])
        #expect(result.types == [.person, .country])
        #expect(entities(result.documents[0]) == ["PERSON Macron 7-13"])
    }

    @Test func mappingOptionParses() throws {
        let mapping = try TypeMapping(parsing: ["PER=PERSON,LOC=city", "MISC=-"])
        #expect(mapping.type(for: "PER") == .person && mapping.type(for: "LOC") == .city)
        #expect(mapping.type(for: "MISC") == nil && mapping.type(for: "ORG") == .org && mapping.type(for: "GPE") == nil)
        #expect(throws: EvalInputError.self) { try TypeMapping(parsing: ["LOC=PLACE"]) }
        #expect(throws: EvalInputError.self) { try TypeMapping(parsing: ["LOC"]) }
    }

    @Test func malformedLinesNameFileAndLine() throws {
        do {
            _ = try read("Paris B-LOC\nRome X-LOC")
            Issue.record("a bad tag was accepted")
        } catch {
            #expect("\(error)" == "t.conll:2: 'X-LOC' is not a BIO/IOB tag")
        }
        #expect(throws: EvalInputError.self) { try read("Paris") }
    }

    /// Fixtures/sample.conll (CoNLL-2003 columns, IOB2) against Fixtures/sample.pred.conll (two columns, IOB1), with
    /// PER=PERSON, LOC=COUNTRY, MISC dropped. Gold: doc 1 PERSON Emmanuel Macron, COUNTRY The Hague, ORG NATO;
    /// doc 2 COUNTRY Germany, COUNTRY Poland, ORG European Union. Predicted: PERSON Macron (overlap),
    /// COUNTRY Hague (overlap), ORG NATO, Germany, Poland, ORG European + ORG Union (IOB1 B- split: the larger
    /// overlap pairs, Union is SPU), PERSON farmers (SPU).
    @Test func scoresACoNLLFile() throws {
        let mapping = try TypeMapping(parsing: ["PER=PERSON,LOC=COUNTRY,MISC=-"])
        let reader = CoNLLReader(mapping: mapping)
        let gold = try reader.read(file: Fixture.path("sample.conll"))
        let predicted = try reader.read(file: Fixture.path("sample.pred.conll"), name: "sample.conll")
        #expect(gold.documents.map(\.text) == [
            "Emmanuel Macron visited The Hague .\nNATO met .",
            "Germany and Poland signed with the European Union .\nFrench farmers protested .",
        ])
        #expect(gold.ignored == ["MISC": 1])
        let report = Evaluation(types: gold.types).evaluate(
            gold: try AnnotatedCorpus(documents: gold.documents), predicted: try AnnotatedCorpus(documents: predicted.documents))
        #expect(report.documents.scored == 2)
        // POS 6, ACT 8. strict: COR 3 (NATO, Germany, Poland), INC 3, SPU 2: P 3/8, R 3/6, F1 6/14.
        #expect(report.entities.scheme(.strict).counts == SchemeCounts(correct: 3, incorrect: 3, partial: 0, missed: 0, spurious: 2))
        let strict = report.entities.scheme(.strict).overall
        #expect(close(strict.precision, 0.375) && close(strict.recall, 0.5) && close(strict.f1, 6.0 / 14))
        // partial: PAR 3: (3 + 1.5)/8 = 0.5625, 4.5/6 = 0.75, F1 9/14.
        let partial = report.entities.scheme(.partial).overall
        #expect(close(partial.precision, 0.5625) && close(partial.recall, 0.75) && close(partial.f1, 9.0 / 14))
        // type: COR 6: 6/8, 6/6, F1 12/14.
        #expect(close(report.entities.scheme(.type).overall.f1, 12.0 / 14))
        // PERSON partial: gold credit 0.5/1, predicted credit 0.5/2 (Macron, farmers): F1 = 2·0.25·0.5/0.75 = 1/3.
        #expect(close(report.entities.scheme(.partial).types["PERSON"]?.f1, 1.0 / 3))
    }

    /// The same gold against a gazette JSONL prediction for its first document (ids NAME#N, same joined text).
    @Test func scoresJSONLPredictionsAgainstCoNLLGold() throws {
        let gold = try CoNLLReader(mapping: TypeMapping(["LOC": .country])).read(file: Fixture.path("sample.conll"))
        let predicted = try AnnotatedCorpus.loadJSONL([Fixture.path("sample.conll.pred.jsonl")])
        let report = Evaluation(types: gold.types).evaluate(gold: try AnnotatedCorpus(documents: gold.documents), predicted: predicted)
        // Doc 1: Emmanuel Macron and NATO right; the predicted CITY The Hague is not a scored type (gold maps LOC to
        // COUNTRY), so gold The Hague is missed. Doc 2 has no prediction: 3 more missed. P 2/2, R 2/6, F1 0.5.
        #expect(report.documents.missingPredictions == ["sample.conll#2"])
        let strict = report.entities.scheme(.strict).overall
        #expect(close(strict.precision, 1) && close(strict.recall, 2.0 / 6) && close(strict.f1, 0.5))
    }
}
