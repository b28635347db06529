import Foundation
import GazettePipeline
import GazetteTestSupport
import Testing

/// How an output path is classified before anything is opened, and what `LineSink` then does with it.
@Suite("Output targets")
struct OutputTargetTests {
    let directory: URL
    init() throws { directory = try Repository.temporaryDirectory() }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test func regularFilesAndNewPathsAreReplaceable() throws {
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: path("old.jsonl")))
        #expect(try OutputTarget.resolve(path("old.jsonl")) == .replaceableFile(path: path("old.jsonl")))
        #expect(try OutputTarget.resolve(path("new.jsonl")) == .replaceableFile(path: path("new.jsonl")))
        #expect(try OutputTarget.resolve(path("new.jsonl")).partialPath == path("new.jsonl.partial"))
    }

    @Test func linksAreFollowedToTheFileTheyName() throws {
        try FileManager.default.createDirectory(atPath: path("data"), withIntermediateDirectories: true)
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: path("data/out.jsonl")))
        try FileManager.default.createSymbolicLink(atPath: path("first"), withDestinationPath: "second")
        try FileManager.default.createSymbolicLink(atPath: path("second"), withDestinationPath: "data/out.jsonl")
        #expect(try OutputTarget.resolve(path("first")) == .replaceableFile(path: path("data/out.jsonl")))
        // A dangling link: the file it names is created, the link is not replaced.
        try FileManager.default.createSymbolicLink(atPath: path("dangling"), withDestinationPath: path("data/later.jsonl"))
        #expect(try OutputTarget.resolve(path("dangling")) == .replaceableFile(path: path("data/later.jsonl")))
    }

    @Test func otherObjectsAreWrittenInPlace() throws {
        #expect(mkfifo(path("fifo"), 0o600) == 0)
        #expect(try OutputTarget.resolve(path("fifo")) == .inPlace(path: path("fifo"), kind: .fifo, descriptor: nil))
        try FileManager.default.createSymbolicLink(atPath: path("stdout"), withDestinationPath: "/proc/self/fd/1")
        #expect(try OutputTarget.resolve(path("stdout")) == .inPlace(path: "/proc/self/fd/1", kind: .descriptorLink, descriptor: 1))
        #expect(try !OutputTarget.resolve(path("fifo")).isReplaceable)
        #expect(try OutputTarget.resolve(path("fifo")).partialPath == nil)
    }

    @Test func directoriesAndLinkLoopsAreRefused() throws {
        #expect(throws: PipelineError.self) { try OutputTarget.resolve(directory.path) }
        try FileManager.default.createSymbolicLink(atPath: path("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: path("b"), withDestinationPath: "a")
        do {
            _ = try OutputTarget.resolve(path("a"))
            Issue.record("a link loop was accepted")
        } catch {
            #expect(error.message.contains("too many levels of symbolic links"))
        }
    }

    /// The link stays a link, its target gets the new content with its permissions kept, no partial file is left.
    @Test func aSinkThroughALinkReplacesTheTargetAndKeepsItsMode() throws {
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path("target.jsonl")))
        #expect(chmod(path("target.jsonl"), 0o640) == 0)
        try FileManager.default.createSymbolicLink(atPath: path("link.jsonl"), withDestinationPath: "target.jsonl")
        let sink = try LineSink(.file(path("link.jsonl")))
        #expect(FileManager.default.fileExists(atPath: path("target.jsonl.partial")))
        try sink.write("new")
        try sink.close()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.jsonl")) == "target.jsonl")
        #expect(try String(contentsOfFile: path("target.jsonl"), encoding: .utf8) == "new\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path("target.jsonl"))[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(!FileManager.default.fileExists(atPath: path("target.jsonl.partial")))
    }

    /// `--stats` goes through the same sink: a link to a statistics file keeps being a link.
    @Test func statisticsFollowLinks() throws {
        try FileManager.default.createSymbolicLink(atPath: path("stats.json"), withDestinationPath: "real-stats.json")
        var summary = RunSummary()
        summary.read = 2
        summary.annotated = 2
        try summary.writeStatistics(to: path("stats.json"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("stats.json")) == "real-stats.json")
        let text = try String(contentsOfFile: path("real-stats.json"), encoding: .utf8)
        #expect(text.hasPrefix("{\"schema\":\"gazette.stats/1\",\"documents\":2,"))
    }

    /// The writer of a parallel run fails on its first flush (a private /dev/full): the run throws that error at
    /// once, with the reader and the workers stopped rather than left waiting on full queues.
    @Test(.enabled(if: getuid() == 0, "mknod needs root"))
    func aFailingWriterStopsTheParallelRun() throws {
        let full = path("full")
        #expect(mknod(full, S_IFCHR | 0o666, OutputTargetProcessTests.device(major: 1, minor: 7)) == 0)
        let input = try BatchCorpus.file(count: 600, maxLength: 400, in: directory)
        var options = RunOptions()
        options.workers = 2
        options.asOf = "2025-09-04"
        let output = try LineSink(.file(full))
        let rejects = try LineSink(.file(path("rejects.jsonl")))
        do {
            _ = try ParallelAnnotationRun(resources: Repository.resources, options: options)
                .run(inputs: [input], output: output, rejects: rejects)
            Issue.record("the run went on past a full device")
        } catch {
            #expect(error.message == "cannot write \(full): No space left on device")
            #expect(error.kind == .failure)
        }
        #expect(!FileManager.default.fileExists(atPath: path("rejects.jsonl")), "an unfinished run moves nothing into place")
    }

    @Test func resumeIsRefusedForInPlaceTargets() throws {
        #expect(mkfifo(path("fifo"), 0o600) == 0)
        do {
            _ = try ResumeState.prepare(output: path("fifo"), rejects: nil)
            Issue.record("resuming into a FIFO was accepted")
        } catch {
            #expect(error.message.contains("cannot resume into \(path("fifo")): it is a named pipe (FIFO)"))
        }
    }
}
