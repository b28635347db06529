import Foundation
import GazetteTestSupport
import Testing

/// Runs the built `gazette` binary, as CI and users do.
enum GazetteBinary {
    /// The debug `gazette` executable next to the test bundle or under the repository's .build directory.
    static func url() throws -> URL {
        var candidates = [
            Bundle.main.bundleURL.appendingPathComponent("gazette"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("gazette"),
            Repository.path(".build/debug/gazette"),
        ]
        let build = Repository.path(".build")
        for triple in (try? FileManager.default.contentsOfDirectory(atPath: build.path)) ?? [] {
            candidates.append(build.appendingPathComponent(triple).appendingPathComponent("debug/gazette"))
        }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        throw BinaryNotFound(message: "no gazette executable; build it first (swift build --build-tests). Looked at: "
            + candidates.map(\.path).joined(separator: ", "))
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Exit status, standard output and standard error of `gazette ARGUMENTS`.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        if let environment { process.environment = environment }
        // Standard error goes to a file and standard output to a pipe read to its end, so neither can fill up.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderrData = (try? Data(contentsOf: errorFile)) ?? Data()
        return (process.terminationStatus, String(decoding: stdoutData, as: UTF8.self), String(decoding: stderrData, as: UTF8.self))
    }
}

@Suite(.serialized) struct CommandLineTests {
    let gold = Fixture.path("gold.jsonl")

    @Test func scoresAndPassesThresholds() throws {
        let result = try GazetteBinary.run([
            "eval", "--gold", gold, "--pred", Fixture.path("pred.jsonl"),
            "--min-f1", "overall=0.45", "--min-f1", "relations.holds_role=0.5",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("overall       12     9   0.556 0.417 0.476   0.667 0.500 0.571   0.667 0.500 0.571   0.778 0.583 0.667"))
        #expect(result.stdout.contains("holds_role            2      2      1  0.500  0.500  0.500"))
        #expect(result.stdout.contains("ok overall F1 0.476 >= 0.450"))
        #expect(result.stdout.contains("no prediction (all gold counted as missed): c"))
    }

    /// What CI relies on: a damaged prediction file makes `gazette eval --min-f1` exit non-zero.
    @Test func damagedPredictionsFailTheThreshold() throws {
        let result = try GazetteBinary.run([
            "eval", "--gold", gold, "--pred", Fixture.path("pred-damaged.jsonl"),
            "--min-f1", "PERSON=0.4", "--min-f1", "relations.leader_of=0.9",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("threshold FAILED PERSON F1 0.000 < 0.400"))
        #expect(result.stderr.contains("threshold FAILED relations.leader_of F1 undefined"))
    }

    @Test func jsonReport() throws {
        let result = try GazetteBinary.run(["eval", "--gold", gold, "--pred", Fixture.path("pred.jsonl"), "--json", "--min-f1", "ROLE=1"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let entities = object?["entities"] as? [String: Any]
        let schemes = entities?["schemes"] as? [String: Any]
        let strict = schemes?["strict"] as? [String: Any]
        let counts = strict?["counts"] as? [String: Int]
        #expect(counts?["correct"] == 5 && counts?["spurious"] == 1)
        #expect((object?["thresholds"] as? [[String: Any]])?.first?["passed"] as? Bool == true)
    }

    @Test func unreadableInputExitsTwoNamingFileAndLine() throws {
        let directory = try Repository.temporaryDirectory()
        let bad = directory.appendingPathComponent("bad.jsonl")
        let line = try String(contentsOfFile: gold, encoding: .utf8).split(separator: "\n")[0]
        try (line + "\n{\"schema\":\"gazette.article/1\",\"id\":\"z\"}\n").write(to: bad, atomically: true, encoding: .utf8)
        let result = try GazetteBinary.run(["eval", "--gold", bad.path, "--pred", Fixture.path("pred.jsonl")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(bad.path):2: id and text are required"))
        let missing = try GazetteBinary.run(["eval", "--gold", gold, "--pred", directory.appendingPathComponent("none.jsonl").path])
        #expect(missing.status == 2 && missing.stderr.contains("none.jsonl: no such file or directory"))
    }

    @Test func conllGold() throws {
        let result = try GazetteBinary.run([
            "eval", "--gold-format", "conll", "--gold", Fixture.path("sample.conll"), "--pred", Fixture.path("sample.pred.conll"),
            "--map", "PER=PERSON,LOC=COUNTRY", "--min-f1", "type.overall=0.85",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("overall        6     8   0.375 0.500 0.429"))
        #expect(result.stdout.contains("gold labels without a type mapping (dropped): MISC 1"))
    }

    @Test func checkReportsGoldProblems() throws {
        let clean = try GazetteBinary.run(["eval", "--check", gold])
        #expect(clean.status == 0 && clean.stdout.isEmpty, "\(clean.stdout)")
        let broken = try GazetteBinary.run(["eval", "--check", Fixture.path("gold-broken.jsonl")])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("gold-broken.jsonl:1: a: e2: text \"Macron\" but the text at [17,32) is \"Emmanuel Macron\""))
    }
}
