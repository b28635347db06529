import Foundation
import GazetteCore
import GazetteEval
import GazetteTestSupport
import Testing

@Suite struct AnnotatedCorpusTests {
    @Test func loadsFilesAndDirectories() throws {
        let directory = try Repository.temporaryDirectory()
        let nested = directory.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let lines = try String(contentsOfFile: Fixture.path("gold.jsonl"), encoding: .utf8).split(separator: "\n")
        try (lines[2] + "\n").write(to: directory.appendingPathComponent("b.jsonl"), atomically: true, encoding: .utf8)
        // CRLF line ends and a blank line are fine; files other than *.jsonl in a directory are not read.
        try (lines[0] + "\r\n\r\n" + lines[1] + "\r\n").write(to: nested.appendingPathComponent("a.jsonl"), atomically: true, encoding: .utf8)
        try "not json".write(to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let corpus = try AnnotatedCorpus.loadJSONL([directory.path])
        #expect(corpus.documents.map(\.id) == ["c", "a", "b"])
        #expect(corpus.locations["b"] == nested.appendingPathComponent("a.jsonl").path + ":3")
    }

    @Test func otherJSONLInADirectoryIsSkippedButNotWhenNamed() throws {
        let directory = try Repository.temporaryDirectory()
        let input = directory.appendingPathComponent("input.jsonl")
        try #"{"id":"x","text":"raw input, not gold"}"#.write(to: input, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Fixture.path("gold.jsonl"), toPath: directory.appendingPathComponent("gold.jsonl").path)
        let corpus = try AnnotatedCorpus.loadJSONL([directory.path])
        #expect(corpus.count == 3 && corpus.skippedFiles == [input.path])
        #expect(throws: EvalInputError.self) { try AnnotatedCorpus.loadJSONL([input.path]) }
        #expect(try GoldValidator().check([directory.path]).skipped == [input.path])
    }

    @Test func duplicateIdsAreAnError() throws {
        do {
            _ = try AnnotatedCorpus.loadJSONL([Fixture.path("gold.jsonl"), Fixture.path("gold.jsonl")])
            Issue.record("a duplicate id was accepted")
        } catch {
            #expect(error.line == 1 && error.message.hasPrefix("duplicate document id 'a' (first at "))
        }
    }

    @Test func rejectLinesAreRecorded() throws {
        let directory = try Repository.temporaryDirectory()
        let file = directory.appendingPathComponent("pred.jsonl")
        let reject = #"{"schema":"gazette.reject/1","id":"c","source":{"path":"c.txt","format":"text","index":0},"error":{"code":"empty","message":"no text"}}"#
        try (try String(contentsOfFile: Fixture.path("pred.jsonl"), encoding: .utf8) + reject + "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let predicted = try AnnotatedCorpus.loadJSONL([file.path])
        #expect(predicted.rejected == ["c"])
        let report = Evaluation().evaluate(gold: try AnnotatedCorpus.loadJSONL([Fixture.path("gold.jsonl")]), predicted: predicted)
        #expect(report.documents.rejected == ["c"] && report.documents.missingPredictions == ["c"])
    }
}

@Suite struct GoldValidatorTests {
    @Test func cleanGoldHasNoIssues() throws {
        let result = try GoldValidator().check([Fixture.path("gold.jsonl")])
        #expect(result.documents == 3 && result.issues.isEmpty, "\(result.issues)")
    }

    /// Fixtures/gold-broken.jsonl: gold.jsonl with one problem of each kind planted.
    @Test func everyPlantedProblemIsFound() throws {
        let result = try GoldValidator().check([Fixture.path("gold-broken.jsonl")])
        let found = result.issues.map { "\($0.line) \($0.document ?? "-"): \($0.message)" }
        #expect(found == [
            #"1 a: e2: text "Macron" but the text at [17,32) is "Emmanuel Macron""#,
            "1 a: duplicate entity id e4",
            "1 a: r2: tail e9 is not an entity of the document",
            "2 b: e2: unknown entity type 'LOC'",
            "2 b: e1: offsets [0,500) are not a non-empty span inside the text (80 scalars)",
            "2 b: r1: a said relation needs a statement span",
            "3 a: duplicate document id (first at \(Fixture.path("gold-broken.jsonl")):1)",
        ])
    }

    @Test func sentenceAndRelationChecks() {
        var document = makeDocument("d", "Macron spoke.", [(.person, "Macron", nil)])
        document.entities[0].sentence = 3
        document.relations = [makeRelation("r1", .leaderOf, "e7", nil), makeRelation("r1", .said, "e1", nil, statement: TextSpan(start: 7, end: 40))]
        #expect(GoldValidator().check(document) == [
            "e1: sentence 3 does not exist",
            "r1: head e7 is not an entity of the document",
            "r1: a leader_of relation needs a tail",
            "duplicate relation id r1",
            "r1: statement [7,40) is not a non-empty span inside the text",
        ])
    }

    @Test func nonJSONLine() {
        #expect(GoldValidator().check(line: "{oops").messages == ["not a JSON object"])
    }
}
