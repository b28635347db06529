import Foundation
import GRDB
import GazetteIndex
import GazetteTestSupport
import Testing

/// `gazette index` under faults, as processes: killed with SIGKILL mid-run, and searched while it writes.
///
/// The input is the six fixture articles repeated under new ids ("c17-fx-3"), in batches of 60 documents
/// (ten copies): every committed state holds whole copies, so a search for "Macron" (three fixture articles
/// mention him) finds a multiple of 30 documents, and half a batch would show as anything else.
@Suite("Index under faults", .serialized)
struct IndexFaultTests {
    static let batchSize = 60

    /// Writes the repeated fixture articles; returns the path and the ids in input order.
    static func input(copies: Int, in directory: URL) throws -> (path: String, ids: [String]) {
        let lines = try String(contentsOf: Fixtures.articles, encoding: .utf8).split(separator: "\n").map(String.init)
        var text = ""
        var ids: [String] = []
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 12 } * copies)
        for copy in 0..<copies {
            for (number, line) in lines.enumerated() {
                let id = "c\(copy)-fx-\(number + 1)"
                let marker = "\"id\":\"fx-\(number + 1)\""
                precondition(line.contains(marker), "fixture line \(number + 1) has no \(marker)")
                text += line.replacingOccurrences(of: marker, with: "\"id\":\"\(id)\"") + "\n"
                ids.append(id)
            }
        }
        let path = directory.appendingPathComponent("articles.jsonl").path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return (path, ids)
    }

    /// Documents in the index, read as another process would (read-only), or nil while it cannot be read yet.
    static func documentCount(_ db: String) -> Int? {
        guard FileManager.default.fileExists(atPath: db),
            let index = try? SearchIndex(path: db, readOnly: true)
        else { return nil }
        defer { try? index.close() }
        return try? index.counts().documents
    }

    @Test func aKilledIndexRunKeepsEveryCommittedBatch() throws {
        let directory = try Repository.temporaryDirectory()
        // Far more than gets written before the kill.
        let (input, ids) = try Self.input(copies: 1500, in: directory)
        let db = directory.appendingPathComponent("news.sqlite").path
        let process = try GazetteProcess.make(["index", input, "--db", db, "--batch-size", "\(Self.batchSize)", "--quiet"])
        try process.run()
        // Kill once a few batches are committed; `seen` is what a reader saw committed just before the kill.
        var seen = 0
        let deadline = Date(timeIntervalSinceNow: 120)
        while process.isRunning && Date() < deadline {
            seen = Self.documentCount(db) ?? 0
            if seen >= 4 * Self.batchSize { break }
            usleep(2_000)
        }
        #expect(process.isRunning, "the index run ended before it could be killed; make the input larger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let queue = try DatabaseQueue(path: db)
        #expect(try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        let kept = try queue.read { try String.fetchAll($0, sql: "SELECT id FROM documents ORDER BY rowid") }
        try queue.close()
        #expect(kept.count >= seen, "every batch committed before the kill is there")
        #expect(kept.count % Self.batchSize == 0, "whole batches only: \(kept.count) documents")
        #expect(kept == Array(ids.prefix(kept.count)), "the first batches of the input, in order")
        let index = try SearchIndex(path: db)
        try index.checkIntegrity()
        #expect(try index.search(SearchQuery(text: "Macron")).total == kept.count / 2)
        try index.close()
    }

    @Test func searchesWhileIndexingSeeWholeBatches() throws {
        let directory = try Repository.temporaryDirectory()
        let copies = 400
        let (input, _) = try Self.input(copies: copies, in: directory)
        let db = directory.appendingPathComponent("news.sqlite").path
        let writer = try GazetteProcess.make(["index", input, "--db", db, "--batch-size", "\(Self.batchSize)", "--quiet"])
        try writer.run()
        while writer.isRunning && Self.documentCount(db) == nil { usleep(2_000) }
        var totals: [Int] = []
        var failures: [String] = []
        while writer.isRunning {
            let search = try GazetteProcess.run(["search", "--db", db, "Macron", "--limit", "1", "--json"])
            guard search.status == 0,
                let object = try? JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any],
                let total = object["total"] as? Int
            else {
                failures.append("status \(search.status): \(search.stderr) \(search.stdout.prefix(200))")
                continue
            }
            totals.append(total)
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(totals.count >= 3, "only \(totals.count) searches ran while the index was written")
        // Three of the six fixture articles mention Macron: whole batches of ten copies give multiples of 30.
        #expect(totals.allSatisfy { $0 % (Self.batchSize / 2) == 0 }, "\(totals)")
        #expect(totals == totals.sorted(), "a later search never sees less: \(totals)")
        #expect(Self.documentCount(db) == copies * 6)
    }
}

/// The debug `gazette` executable under the repository's .build directory (or beside the test runner).
enum GazetteProcess {
    static func executable() throws -> URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates: [URL] = []
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("gazette"))
            directory = directory.deletingLastPathComponent()
        }
        candidates += ["debug", "release"].map { Repository.path(".build/\($0)/gazette") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Missing(description: "no gazette executable beside the test runner or in .build: run swift build first")
        }
        return found
    }

    struct Missing: Error, CustomStringConvertible { let description: String }

    static func make(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    /// Runs to the end; standard output through a pipe, standard error through a file.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = try make(arguments)
        let output = Pipe()
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), stderr)
    }
}
