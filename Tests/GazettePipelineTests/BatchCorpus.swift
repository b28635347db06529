import Foundation
import GazettePipeline
import GazetteTestSupport

/// Test inputs for batch runs: JSONL documents made from the committed corpora, with faults mixed in.
enum BatchCorpus {
    /// The committed Corpora/ articles as (kind, body) pairs: "text" or "html".
    static let articles: [(field: String, body: String)] = {
        var result: [(String, String)] = []
        for language in ["en", "nl"] {
            let directory = Repository.path("Corpora/\(language)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() {
                guard let body = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else { continue }
                result.append((name.hasSuffix(".html") ? "html" : "text", body))
            }
        }
        return result
    }()

    /// `count` JSONL lines: corpus articles (trimmed to `maxLength` characters when given) under unique
    /// ids, with a malformed line every 97th, a record without text every 89th, and every 53rd repeating
    /// the id of the record 50 lines before it (`duplicate_id`).
    static func jsonl(count: Int, maxLength: Int? = nil) -> String {
        var lines: [String] = []
        for index in 0..<count {
            if index % 97 == 96 {
                lines.append("{\"id\": \"broken-\(index)\", \"text\": ")
                continue
            }
            if index % 89 == 88 {
                lines.append(#"{"id": "empty-\#(index)", "title": "nothing here"}"#)
                continue
            }
            let article = articles[index % articles.count]
            var body = article.body
            if let maxLength, article.field == "text" { body = String(body.prefix(maxLength)) }
            let id = index % 53 == 52 ? "doc-\(index - 50)" : "doc-\(index)"
            var record: [String: String] = ["id": id, article.field: body]
            if index % 3 == 0 { record["published"] = "2025-0\(1 + index % 9)-1\(index % 10)" }
            let data = try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `jsonl(count:)` to a new file and returns its path.
    static func file(count: Int, maxLength: Int? = nil, in directory: URL, name: String = "input.jsonl") throws -> String {
        let url = directory.appendingPathComponent(name)
        try jsonl(count: count, maxLength: maxLength).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    static func lines(_ path: String) throws -> [String] {
        String(decoding: try bytes(path), as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

/// The built `gazette` executable, for tests that run it as a subprocess.
enum GazetteBinary {
    static let url: URL? = {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("gazette"))
            directory = directory.deletingLastPathComponent()
        }
        candidates += ["debug", "release"].map { Repository.path(".build/\($0)/gazette") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The executable, or a failure naming where it was looked for.
    static func require() throws -> URL {
        guard let url else {
            throw BinaryMissing(message: "the gazette executable was not found beside the test runner or in .build/debug or "
                + ".build/release: run `swift build` first")
        }
        return url
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// A process running `gazette` with the repository's gazetteer.
    static func process(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try require()
        process.arguments = arguments + ["--gazetteers", Repository.gazetteers.path]
        return process
    }

    /// Runs `gazette` to the end; returns its exit status and standard error.
    @discardableResult
    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = try process(arguments)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }
}
