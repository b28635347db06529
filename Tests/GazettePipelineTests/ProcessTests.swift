import Foundation
import GazettePipeline
import GazetteSchema
import GazetteTestSupport
import Testing

/// Runs the built `gazette` executable as a subprocess: a kill and resume, and a pipe stage.
@Suite("gazette annotate as a process", .serialized)
struct ProcessTests {
    @Test func aRunKilledPartWayResumesToTheSameBytes() throws {
        let directory = try Repository.temporaryDirectory()
        let input = try BatchCorpus.file(count: 4000, maxLength: 600, in: directory)
        let common = ["--as-of", "2025-09-04", "-j", "2", "--quiet"]

        let reference = directory.appendingPathComponent("reference.jsonl").path
        let uninterrupted = try GazetteBinary.run(["annotate", input, "-o", reference] + common)
        #expect(uninterrupted.status == 3, "\(uninterrupted.stderr)")

        // Kill the second run with SIGKILL once some output has reached the disk.
        let output = directory.appendingPathComponent("killed.jsonl").path
        let partial = LineSink.temporaryPath(for: output)
        let process = try GazetteBinary.process(["annotate", input, "-o", output] + common)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date(timeIntervalSinceNow: 120)
        while process.isRunning && Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: partial)[.size] as? Int) ?? 0
            if size >= 200_000 { break }
            usleep(5_000)
        }
        #expect(process.isRunning, "the run ended before it could be killed; make the input larger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(FileManager.default.fileExists(atPath: partial))
        #expect(!FileManager.default.fileExists(atPath: output))
        let keptBefore = try BatchCorpus.lines(partial).count
        #expect(keptBefore > 0)

        let resumed = try GazetteBinary.run(["annotate", input, "-o", output, "--resume"] + common)
        #expect(resumed.status == 3, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("already done (resumed)"))
        #expect(resumed.stderr.contains("4000 documents = "))
        #expect(try BatchCorpus.bytes(output) == BatchCorpus.bytes(reference))
        let rejects = directory.appendingPathComponent("killed.rejects.jsonl").path
        let referenceRejects = directory.appendingPathComponent("reference.rejects.jsonl").path
        #expect(try BatchCorpus.bytes(rejects) == BatchCorpus.bytes(referenceRejects))
        #expect(!FileManager.default.fileExists(atPath: partial))
    }

    /// With `--input-format jsonl`, and without it (the format is sniffed from the first byte, without
    /// waiting for more input than the first line).
    @Test(arguments: [["--input-format", "jsonl"], []])
    func standardInputToStandardOutputAnswersEachDocumentAsItComes(format: [String]) throws {
        let process = try GazetteBinary.process(["annotate", "-", "--as-of", "2025-09-04", "-j", "2"] + format)
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let records = BatchCorpus.jsonl(count: 12, maxLength: 100).split(separator: "\n").map(String.init)
        let schema = try JSONSchema(contentsOf: Repository.articleSchema)
        let reader = LineCollector(output.fileHandleForReading)
        var articles: [String] = []
        // Feed one document at a time and wait for its line before sending the next: proves the
        // per-document flush, since standard input stays open all along.
        for record in records.prefix(5) {
            input.fileHandleForWriting.write(Data((record + "\n").utf8))
            let line = try #require(reader.nextLine(timeout: 60), "no output line for a document while input stays open")
            articles.append(line)
        }
        for record in records.dropFirst(5) { input.fileHandleForWriting.write(Data((record + "\n").utf8)) }
        try input.fileHandleForWriting.close()
        while let line = reader.nextLine(timeout: 60) { articles.append(line) }
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(articles.count == 12)
        #expect(stderr.contains("12 documents = 12 output lines + 0 reject lines"))
        for (index, line) in articles.enumerated() {
            #expect(schema.validate(jsonLine: line).isEmpty)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["id"] as? String == "doc-\(index)")
            for key in ["schema", "id", "source", "text", "sentences", "entities", "relations", "meta"] {
                #expect(object[key] != nil, "missing \(key)")
            }
        }
    }
}

/// Reads lines from a pipe on a background thread, with a timeout per line.
final class LineCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var lines: [String] = []
    private var ended = false

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            var pending: [UInt8] = []
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                pending += data
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending.removeSubrange(...newline)
                    condition.lock()
                    lines.append(line)
                    condition.broadcast()
                    condition.unlock()
                }
            }
            condition.lock()
            ended = true
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// The next line, or nil at the end of the stream or after `timeout` seconds.
    func nextLine(timeout: Double) -> String? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while lines.isEmpty && !ended {
            if !condition.wait(until: deadline) { return nil }
        }
        return lines.isEmpty ? nil : lines.removeFirst()
    }
}
