import Foundation
import GazetteCore
import GazetteZlib
import GazetteOutput
import GazettePipeline
import GazetteReaders
import GazetteSchema
import GazetteTestSupport
import Testing

@Suite("Parallel annotation runs")
struct ParallelRunTests {
    func options(workers: Int) -> RunOptions {
        var options = RunOptions()
        options.workers = workers
        options.asOf = "2025-09-04"
        return options
    }

    /// Runs the batch pipeline into files in `directory`; returns (summary, output path, rejects path).
    func run(_ inputs: [String], workers: Int, in directory: URL, name: String = "out.jsonl",
             resume: Bool = false) throws -> (RunSummary, String, String) {
        let output = directory.appendingPathComponent(name).path
        let rejects = directory.appendingPathComponent(name + ".rejects").path
        var batch = BatchAnnotation(inputs: inputs, output: output, rejects: .file(rejects), options: options(workers: workers))
        batch.resume = resume
        let summary = try batch.run(resources: Repository.resources, progress: nil)
        return (summary, output, rejects)
    }

    @Test func outputIsByteIdenticalAndInInputOrderForAnyWorkerCount() throws {
        let directory = try Repository.temporaryDirectory()
        let input = try BatchCorpus.file(count: 300, in: directory)
        // The sequential reference run.
        let reference = directory.appendingPathComponent("sequential.jsonl").path
        let referenceRejects = directory.appendingPathComponent("sequential.rejects").path
        let sink = try LineSink(.file(reference)), rejectSink = try LineSink(.file(referenceRejects))
        let sequential = try AnnotationRun(resources: Repository.resources, options: options(workers: 1))
            .run(inputs: [input], output: sink, rejects: rejectSink)
        try sink.close()
        try rejectSink.close()
        #expect(sequential.annotated > 250 && sequential.rejected > 0)

        for workers in [1, 2, 4] {
            let (summary, output, rejects) = try run([input], workers: workers, in: directory, name: "j\(workers).jsonl")
            #expect(summary.workers == workers)
            #expect(summary.annotated == sequential.annotated && summary.rejected == sequential.rejected)
            #expect(try BatchCorpus.bytes(output) == BatchCorpus.bytes(reference), "-j \(workers) output differs")
            #expect(try BatchCorpus.bytes(rejects) == BatchCorpus.bytes(referenceRejects), "-j \(workers) rejects differ")
        }
        // Input order: line indexes increase through the output.
        let indexes = try BatchCorpus.lines(reference).compactMap { ResumeState.sourceKey(of: Array($0.utf8)[...])?.index }
        #expect(indexes.count == sequential.annotated)
        #expect(indexes == indexes.sorted())
    }

    /// `gazette annotate --kb-relations` goes through the parallel run: the option must reach its workers.
    @Test func gazetteerOnlyRelationsReachTheWorkers() throws {
        let directory = try Repository.temporaryDirectory()
        let input = directory.appendingPathComponent("putin.txt")
        try "Talks\nVladimir Putin hosted talks on Russia's economy.".write(to: input, atomically: true, encoding: .utf8)
        for kbRelations in [false, true] {
            var options = options(workers: 2)
            options.kbRelations = kbRelations
            let output = directory.appendingPathComponent("kb-\(kbRelations).jsonl").path
            let batch = BatchAnnotation(inputs: [input.path], output: output, rejects: .file(output + ".rejects"), options: options)
            _ = try batch.run(resources: Repository.resources, progress: nil)
            let document = try ArticleDecoder().decode(try BatchCorpus.lines(output)[0])
            #expect(document.relations.map { "\($0.type.rawValue)/\($0.source)" } == (kbRelations ? ["leader_of/kb"] : []))
        }
    }

    @Test func everyDocumentIsAccountedForExactlyOnce() throws {
        let directory = try Repository.temporaryDirectory()
        let input = try BatchCorpus.file(count: 200, in: directory)
        let missing = directory.appendingPathComponent("missing.txt").path
        let (summary, output, rejects) = try run([input, missing], workers: 2, in: directory)
        let outputLines = try BatchCorpus.lines(output), rejectLines = try BatchCorpus.lines(rejects)
        #expect(summary.read == 201)
        #expect(summary.read == outputLines.count + rejectLines.count)
        #expect(summary.outputLines == outputLines.count && summary.rejectLines == rejectLines.count)
        #expect(summary.balanced)
        #expect(summary.rejectsByCode["jsonl_malformed"] == 2)
        #expect(summary.rejectsByCode["jsonl_no_text"] == 2)
        #expect(summary.rejectsByCode["not_found"] == 1)
        #expect(summary.line.contains("201 documents = \(outputLines.count) output lines + \(rejectLines.count) reject lines"))
        #expect(AnnotateExitStatus.of(summary) == AnnotateExitStatus.someRejected)

        // Every line is valid against its schema, and every input key appears once.
        let articleSchema = try JSONSchema(contentsOf: Repository.articleSchema)
        let rejectSchema = try JSONSchema(contentsOf: Repository.rejectSchema)
        for line in outputLines { #expect(articleSchema.validate(jsonLine: line).isEmpty) }
        // (The reader writes format "unknown" for a missing file, which the reject schema does not list yet.)
        for line in rejectLines where !line.contains("\"not_found\"") { #expect(rejectSchema.validate(jsonLine: line).isEmpty) }
        let keys = (outputLines + rejectLines).compactMap { ResumeState.sourceKey(of: Array($0.utf8)[...]) }
        #expect(Set(keys).count == 201)

        // A clean input exits 0.
        let clean = try BatchCorpus.file(count: 20, in: directory, name: "clean.jsonl")
        let (cleanSummary, _, _) = try run([clean], workers: 2, in: directory, name: "clean-out.jsonl")
        #expect(cleanSummary.rejected == 0 && AnnotateExitStatus.of(cleanSummary) == AnnotateExitStatus.success)
    }

    @Test func anUnbalancedSummaryIsFatal() {
        var summary = RunSummary()
        summary.read = 3
        summary.annotated = 2
        summary.outputLines = 2
        summary.rejectLines = 0
        #expect(!summary.balanced)
        #expect(summary.line.contains("ACCOUNTING MISMATCH"))
        #expect(AnnotateExitStatus.of(summary) == AnnotateExitStatus.fatal)
    }

    @Test func resumeKeepsCompleteLinesDropsATornOneAndFinishesTheRest() throws {
        let directory = try Repository.temporaryDirectory()
        let input = try BatchCorpus.file(count: 150, in: directory)
        let (_, fullOutput, fullRejects) = try run([input], workers: 2, in: directory, name: "full.jsonl")
        let full = try BatchCorpus.bytes(fullOutput), fullRejectBytes = try BatchCorpus.bytes(fullRejects)

        // An interrupted run: 40 complete article lines and half of the 41st; the first reject only.
        let output = directory.appendingPathComponent("resumed.jsonl").path
        let rejects = output + ".rejects"
        let lines = try BatchCorpus.lines(fullOutput)
        var partial = Array((lines[0..<40].joined(separator: "\n") + "\n").utf8)
        partial += Array(lines[40].utf8.prefix(lines[40].utf8.count / 2))
        try Data(partial).write(to: URL(fileURLWithPath: output + ".partial"))
        let firstReject = try BatchCorpus.lines(fullRejects)[0]
        try Data((firstReject + "\n").utf8).write(to: URL(fileURLWithPath: rejects + ".partial"))

        let state = try ResumeState.prepare(output: output, rejects: rejects)
        #expect(state.keptArticles == 40 && state.keptRejects == 1 && state.droppedBytes > 0)
        let (summary, _, _) = try run([input], workers: 2, in: directory, name: "resumed.jsonl", resume: true)
        #expect(summary.skipped == 41)
        #expect(summary.read == 150 && summary.balanced)
        #expect(try BatchCorpus.bytes(output) == full)
        #expect(try BatchCorpus.bytes(rejects) == fullRejectBytes)
        #expect(!FileManager.default.fileExists(atPath: output + ".partial"))

        // Resuming a finished output does nothing and says so.
        let again = try run([input], workers: 2, in: directory, name: "resumed.jsonl", resume: true).0
        #expect(again.workers == 0 && again.annotated == 0 && again.read == 150 && again.balanced)
        #expect(try BatchCorpus.bytes(output) == full)
    }

    /// A record skipped on resume still claims its id: a later record with the same id stays a duplicate.
    @Test func resumeKeepsDuplicatesOfSkippedRecordsRejected() throws {
        let directory = try Repository.temporaryDirectory()
        let input = try BatchCorpus.file(count: 60, in: directory)
        let (_, fullOutput, fullRejects) = try run([input], workers: 2, in: directory, name: "full.jsonl")
        let fullRejectLines = try BatchCorpus.lines(fullRejects)
        // Record 52 repeats the id of record 2.
        #expect(fullRejectLines.contains { $0.contains("duplicate_id") && $0.contains("doc-2") })

        // The interrupted run wrote records 0–9 (doc-2 among them) and no reject.
        let output = directory.appendingPathComponent("resumed.jsonl").path
        let lines = try BatchCorpus.lines(fullOutput)
        try Data((lines[0..<10].joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: output + ".partial"))
        let (summary, _, rejects) = try run([input], workers: 2, in: directory, name: "resumed.jsonl", resume: true)
        #expect(summary.skipped == 10 && summary.balanced)
        #expect(try BatchCorpus.bytes(output) == BatchCorpus.bytes(fullOutput))
        #expect(try BatchCorpus.lines(rejects) == fullRejectLines)
    }

    @Test func gzipOutputDecompressesToThePlainOutputAndResumes() throws {
        let directory = try Repository.temporaryDirectory()
        let input = try BatchCorpus.file(count: 60, in: directory)
        let (_, plain, _) = try run([input], workers: 2, in: directory, name: "plain.jsonl")
        let (summary, compressed, _) = try run([input], workers: 2, in: directory, name: "out.jsonl.gz")
        #expect(summary.balanced)
        let packed = try BatchCorpus.bytes(compressed)
        #expect(packed.starts(with: [0x1F, 0x8B]))
        #expect(try GzipReader.decompress(packed) == BatchCorpus.bytes(plain))

        // A torn gzip partial (cut mid-stream) resumes to the same bytes.
        let cut = Array(packed.prefix(packed.count / 2))
        let resumed = directory.appendingPathComponent("resumed.jsonl.gz").path
        try Data(cut).write(to: URL(fileURLWithPath: resumed + ".partial"))
        let (again, _, _) = try run([input], workers: 2, in: directory, name: "resumed.jsonl.gz", resume: true)
        #expect(again.skipped > 0 && again.balanced)
        #expect(try GzipReader.decompress(BatchCorpus.bytes(resumed)) == BatchCorpus.bytes(plain))
    }

    @Test func statisticsSayHowTheCharsetOfAFeedWasDecided() throws {
        let directory = try Repository.temporaryDirectory()
        let feed = directory.appendingPathComponent("feed.xml")
        let rss = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <rss version="2.0"><channel><title>A wire</title>
            <item><title>Caf\u{E9} opens</title><description>The caf\u{E9} opened on Monday in Lyon.</description></item>
            </channel></rss>
            """
        // ISO-8859-1 bytes, as declared: "é" is the one byte 0xE9, not valid UTF-8.
        try Data(rss.unicodeScalars.map { UInt8($0.value) }).write(to: feed)
        let output = directory.appendingPathComponent("out.jsonl").path
        let statistics = directory.appendingPathComponent("stats.json").path
        var batch = BatchAnnotation(inputs: [feed.path], output: output, rejects: .file(output + ".rejects"),
                                    options: options(workers: 1))
        batch.statisticsPath = statistics
        let summary = try batch.run(resources: Repository.resources, progress: nil)
        #expect(summary.annotated == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: statistics))) as? [String: Any])
        let reading = try #require(object["reading"] as? [String: Any])
        let charsets = try #require(reading["charsets"] as? [String: Int])
        #expect(charsets.count == 1 && charsets.keys.first?.contains("iso-8859-1") == true, "\(charsets)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("Café opens"))
    }

    @Test func statisticsNameEveryStageAndTheRejectCodes() throws {
        let directory = try Repository.temporaryDirectory()
        let input = try BatchCorpus.file(count: 100, in: directory)
        let output = directory.appendingPathComponent("out.jsonl").path
        let statistics = directory.appendingPathComponent("stats.json").path
        var batch = BatchAnnotation(inputs: [input], output: output, rejects: .file(output + ".rejects"),
                                    options: options(workers: 2))
        batch.statisticsPath = statistics
        let summary = try batch.run(resources: Repository.resources, progress: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: statistics))) as? [String: Any])
        #expect(object["documents"] as? Int == 100)
        #expect(object["annotated"] as? Int == summary.annotated)
        #expect((object["rejects_by_code"] as? [String: Int])?["jsonl_malformed"] == 1)
        #expect(object["input_bytes"] as? Int == (try BatchCorpus.bytes(input).count))
        #expect(object["balanced"] as? Bool == true)
        let stages = try #require(object["stages"] as? [String: [String: Double]])
        #expect(Set(stages.keys) == ["read", "clean", "segment", "match", "relate", "encode", "write"])
        let reading = try #require(object["reading"] as? [String: Any])
        #expect(reading["files"] as? Int == 1 && reading["replaced_bytes"] as? Int == 0)
        #expect(Set(reading.keys) == ["files", "replaced_bytes", "skipped_records", "charsets", "partial"])
        let shares = stages.values.compactMap { $0["share"] }.reduce(0, +)
        #expect(abs(shares - 1) < 0.01)
        #expect((stages["segment"]?["seconds"] ?? 0) > 0)
        #expect((object["peak_rss_bytes"] as? Int ?? 0) > 1_000_000)
    }

    @Test func progressLineShowsRatesRejectsAndAnETA() {
        let line = ProgressReporter.line(documents: 500, bytes: 2_000_000, rejects: 3, seconds: 4, totalBytes: 10_000_000)
        #expect(line == "500 docs, 2.0 MB, 125 docs/s, 0.50 MB/s, 3 rejected, 20%, ETA 16s")
        #expect(!ProgressReporter.line(documents: 5, bytes: 10, rejects: 0, seconds: 1, totalBytes: nil).contains("ETA"))
        var drawn: [String] = []
        let reporter = ProgressReporter(enabled: true, totalBytes: 100, interval: 3600) { drawn.append($0) }
        for count in 1...100 { reporter.update(documents: count, bytes: count, rejects: 0) }
        reporter.finish()
        #expect(drawn.count == 2)  // one line in an hour, then the clearing
        var silent = 0
        let off = ProgressReporter(enabled: false, totalBytes: nil) { _ in silent += 1 }
        off.update(documents: 1, bytes: 1, rejects: 0)
        off.finish()
        #expect(silent == 0)
    }

    @Test func sourceKeysAreReadFromArticleAndRejectLines() {
        let encoder = ArticleEncoder()
        let reject = Reject(id: #"odd "source":{"path":"x","index":9} id"#,
                            source: SourceLocator(path: #"dir/"quoted".jsonl"#, format: .jsonl, index: 42),
                            reason: RejectReason(code: .emptyDocument, message: "m"))
        #expect(ResumeState.sourceKey(of: Array(encoder.encode(reject).utf8)[...])
                == DocumentKey(path: #"dir/"quoted".jsonl"#, index: 42))
        #expect(ResumeState.sourceKey(of: Array(#"{"schema":"x"}"#.utf8)[...]) == nil)
    }

    @Test func jsonlIsStreamedAndInputSizeIsKnownForFiles() throws {
        let directory = try Repository.temporaryDirectory()
        let input = try BatchCorpus.file(count: 30, in: directory)
        var iterator = DocumentStream(inputs: [input]).makeIterator()
        var count = 0, last = 0
        while iterator.next() != nil {
            count += 1
            #expect(iterator.bytesConsumed > last)
            last = iterator.bytesConsumed
        }
        #expect(count == 30)
        let size = try BatchCorpus.bytes(input).count
        #expect(last == size)
        #expect(DocumentStream.inputSize(inputs: [input, directory.path]) == 2 * size)
    }
}
