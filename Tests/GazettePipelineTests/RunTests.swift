import Foundation
import GazetteCore
import GazetteOutput
import GazettePipeline
import GazetteSchema
import GazetteTestSupport
import Testing

@Suite("Annotation runs")
struct RunTests {
    func run(_ inputs: [String], in directory: URL) throws -> (summary: RunSummary, output: [String], rejects: [String]) {
        let outputPath = directory.appendingPathComponent("out.jsonl").path
        let rejectsPath = directory.appendingPathComponent("rejects.jsonl").path
        let output = try LineSink(.file(outputPath))
        let rejects = try LineSink(.file(rejectsPath))
        var options = RunOptions()
        options.asOf = "2025-09-04"
        let summary = try AnnotationRun(resources: Repository.resources, options: options)
            .run(inputs: inputs, output: output, rejects: rejects)
        try output.close()
        try rejects.close()
        func lines(_ path: String) throws -> [String] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        return (summary, try lines(outputPath), try lines(rejectsPath))
    }

    /// What `make annotate` does: every output line validates against the committed schema, keys in contract order.
    @Test func corpusOutputValidatesAgainstTheSchema() throws {
        let directory = try Repository.temporaryDirectory()
        let result = try run([Repository.path("Corpora/en").path, Repository.path("Corpora/nl").path], in: directory)
        #expect(result.summary.read >= 8)
        #expect(result.summary.rejected == 0)
        #expect(result.output.count == result.summary.annotated)
        let schema = try JSONSchema(contentsOf: Repository.articleSchema)
        let order = ["schema", "id", "source", "url", "title", "published", "language", "text", "sentences", "entities",
                     "relations", "meta"]
        for line in result.output {
            let violations = schema.validate(jsonLine: line)
            #expect(violations.isEmpty, "\(violations.prefix(3))")
            #expect(try JSONValue.objectKeysInOrder(ofLine: line) == order)
            let document = try ArticleDecoder().decode(line)
            for entity in document.entities {
                #expect(document.text(of: entity.span) == entity.text)
            }
        }
    }

    @Test func badDocumentsAreRejectedAndTheRunGoesOn() throws {
        let directory = try Repository.temporaryDirectory()
        let good = directory.appendingPathComponent("a-good.txt")
        try "Macron meets Schoof\nFrench President Emmanuel Macron met Dutch Prime Minister Dick Schoof.".write(
            to: good, atomically: true, encoding: .utf8)
        let latin1 = directory.appendingPathComponent("b-latin1.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: latin1)
        let png = directory.appendingPathComponent("c-image.html")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).write(to: png)
        let empty = directory.appendingPathComponent("d-empty.txt")
        try Data().write(to: empty)
        let last = directory.appendingPathComponent("e-last.txt")
        try "Putin spoke\nPresident Vladimir Putin spoke in Moscow.".write(to: last, atomically: true, encoding: .utf8)

        let outputDirectory = try Repository.temporaryDirectory()
        let result = try run([directory.path, directory.appendingPathComponent("missing.txt").path], in: outputDirectory)
        #expect(result.summary.read == 6)
        #expect(result.summary.annotated == 2)
        #expect(result.summary.rejected == 4)
        #expect(result.summary.balanced)
        #expect(result.summary.rejectsByCode == ["invalid_utf8": 1, "binary_content": 1, "empty_document": 1, "not_found": 1])
        #expect(result.summary.line.contains("6 documents read, 2 annotated, 4 rejected"))

        let schema = try JSONSchema(contentsOf: Repository.rejectSchema)
        for line in result.rejects { #expect(schema.validate(jsonLine: line).isEmpty, "\(line)") }
        let invalid = try #require(result.rejects.first { $0.contains("b-latin1.txt") })
        #expect(invalid.contains("\"code\":\"invalid_utf8\""))
        #expect(invalid.contains("not valid UTF-8 (first bad byte at offset 3)"))
        // The documents after the bad ones still came out, in input order.
        #expect(result.output.count == 2)
        #expect(result.output[1].contains("e-last.txt"))
    }

    @Test func outputIsDeterministic() throws {
        let first = try run([Repository.path("Corpora/en").path], in: try Repository.temporaryDirectory())
        let second = try run([Repository.path("Corpora/en").path], in: try Repository.temporaryDirectory())
        #expect(first.output == second.output)
    }

    @Test func outputFilesAppearOnlyWhenFinished() throws {
        let directory = try Repository.temporaryDirectory()
        let path = directory.appendingPathComponent("x.jsonl").path
        let sink = try LineSink(.file(path))
        try sink.write("{}")
        try sink.flush()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(FileManager.default.fileExists(atPath: path + ".partial"))
        try sink.close()
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }
}
