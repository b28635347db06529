import Foundation
import GazetteCore
import GazetteIndex
import GazettePipeline
import GazetteTestSupport
import Testing

/// Keeps every document of an annotation run.
final class CollectingSink: DocumentSink {
    var documents: [Document] = []
    func write(_ document: Document) throws(PipelineError) { documents.append(document) }
}

/// Annotates Corpora/ with the repository's gazetteer, as `make annotate` does.
enum Corpus {
    static func annotated() throws -> [Document] {
        let sink = CollectingSink()
        var options = RunOptions()
        options.asOf = "2025-09-04"
        let rejects = try LineSink(.file(try Repository.temporaryDirectory().appendingPathComponent("rejects.jsonl").path))
        let summary = try AnnotationRun(resources: Repository.resources, options: options).run(
            inputs: [Repository.path("Corpora/en").path, Repository.path("Corpora/nl").path], output: nil,
            rejects: rejects, documentSinks: [sink])
        try rejects.close()
        #expect(summary.rejected == 0)
        #expect(summary.annotated == sink.documents.count)
        return sink.documents
    }

    static var fileCount: Int {
        ["Corpora/en", "Corpora/nl"].reduce(0) { count, directory in
            count + ((try? FileManager.default.contentsOfDirectory(atPath: Repository.path(directory).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.count
        }
    }
}

@Suite("Indexing the annotated corpus")
struct CorpusIndexTests {
    @Test func indexingCorporaTwiceLeavesTheSameRows() throws {
        let documents = try Corpus.annotated()
        #expect(documents.count == Corpus.fileCount)
        let index = try SearchIndex(path: try Repository.temporaryDirectory().appendingPathComponent("corpus.sqlite").path)
        try index.upsert(documents)
        let once = try index.counts()
        #expect(once.documents == documents.count)
        #expect(once.entities == documents.reduce(0) { $0 + $1.entities.count })
        #expect(once.relations == documents.reduce(0) { $0 + $1.relations.count })
        // Again, in batches of another size, through the batcher.
        let batcher = IndexBatcher(index: index, batchSize: 3)
        for document in try Corpus.annotated() { try batcher.add(document) }
        try batcher.flush()
        #expect(try index.counts() == once)
        try index.checkIntegrity()
        // Every document can be found by a word of its title.
        for document in documents {
            guard let word = document.title?.split(whereSeparator: { !$0.isLetter }).map(String.init).max(by: { $0.count < $1.count })
            else { continue }
            let found = try index.ids(SearchQuery(text: "\"\(word)\"", limit: 100))
            #expect(found.contains(document.id), "\(word): \(found) \(document.id)")
        }
    }
}
