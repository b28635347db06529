import Foundation
import GazetteCore
import GazetteEval
import GazetteGazetteer
import GazettePipeline
import GazetteTestSupport
import Testing

/// `--run`: the gold texts annotated with a small gazetteer written here (so the test does not depend on the
/// repository's gazetteer data), then scored.
@Suite struct RunTests {
    static let tables: [String: String] = [
        "countries.tsv": "id\tiso2\tiso3\twikidata\tname\tcapital\ncountry:FR\tFR\tFRA\tQ142\tFrance\tcity:paris\ncountry:UA\tUA\tUKR\tQ212\tUkraine\t\n",
        "country_names.tsv": "country\tlang\tform\tkind\ncountry:FR\ten\tFrench\tdemonym\ncountry:UA\ten\tUkraine\tname\n",
        "persons.tsv": "id\tname\twikidata\taliases\tsurnames\nperson:emmanuel-macron\tEmmanuel Macron\tQ3052772\t\tMacron\n",
        "roles.tsv": "id\tname\tleader\tlang\tform\nrole:president\tpresident\tyes\ten\tPresident\n",
        "offices.tsv": "person\trole\tof\tstart\tend\nperson:emmanuel-macron\trole:president\tcountry:FR\t2017-05-14\t\n",
        "cities.tsv": "id\tname\tcountry\twikidata\taliases\ncity:paris\tParis\tcountry:FR\tQ90\t\n",
    ]

    static func gazetteerDirectory() throws -> URL {
        let directory = try Repository.temporaryDirectory()
        for (name, content) in tables {
            try content.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func annotatesGoldTextsAndScoresThem() throws {
        let resources = try AnnotationResources(gazetteerDirectory: try Self.gazetteerDirectory())
        let gold = try AnnotatedCorpus.loadJSONL([Fixture.path("gold.jsonl")])
        let predicted = GoldAnnotation.annotate(gold, with: try Annotator(resources: resources, asOf: "2025-09-04"))
        #expect(predicted.documents.map(\.id) == ["a", "b", "c"])
        #expect(predicted.documents.map(\.text) == gold.documents.map(\.text))
        let macron = try #require(predicted.document("a")?.entities.first { $0.type == .person })
        #expect(macron.text == "Emmanuel Macron" && macron.span == TextSpan(start: 17, end: 32))
        let report = Evaluation().evaluate(gold: gold, predicted: predicted)
        #expect(report.documents.scored == 3 && report.documents.missingPredictions.isEmpty)
        // Emmanuel Macron, President, Paris and Ukraine are in the small gazetteer and in the gold.
        #expect((report.entities.scheme(.strict).types["PERSON"]?.goldCredit ?? 0) >= 1)
        #expect((report.entities.scheme(.strict).types["ROLE"]?.goldCredit ?? 0) >= 1)
    }

    @Test func commandLineRun() throws {
        let directory = try Self.gazetteerDirectory()
        let written = directory.appendingPathComponent("pred.jsonl")
        let result = try GazetteBinary.run([
            "eval", "--run", "--gold", Fixture.path("gold.jsonl"), "--gazetteers", directory.path, "--as-of", "2025-09-04",
            "--write-pred", written.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Documents: 3 gold, 3 predicted, 3 scored against a prediction\n"))
        #expect(result.stdout.contains("\nRelations "))
        #expect(try AnnotatedCorpus.loadJSONL([written.path]).count == 3)
    }
}
