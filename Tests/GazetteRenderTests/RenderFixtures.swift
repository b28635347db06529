import Foundation
import GazetteCore
import GazetteOutput
import GazettePipeline
import GazetteTestSupport
import Testing

/// Keeps every document of an annotation run.
final class KeepingSink: DocumentSink {
    var documents: [Document] = []
    func write(_ document: Document) throws(PipelineError) { documents.append(document) }
}

enum RenderFixtures {
    /// Corpora/en and Corpora/nl annotated as `make annotate` does, written as JSONL and read back as the CLI reads it.
    static func annotatedCorpus() throws -> [Document] {
        let sink = KeepingSink()
        var options = RunOptions()
        options.asOf = "2025-09-04"
        let rejects = try LineSink(.file(try Repository.temporaryDirectory().appendingPathComponent("rejects.jsonl").path))
        _ = try AnnotationRun(resources: Repository.resources, options: options).run(
            inputs: [Repository.path("Corpora/en").path, Repository.path("Corpora/nl").path], output: nil,
            rejects: rejects, documentSinks: [sink])
        try rejects.close()
        let encoder = ArticleEncoder()
        let decoder = ArticleDecoder()
        return try sink.documents.map { try decoder.decode(encoder.encode($0, asOf: "2025-09-04")) }
    }

    /// An article whose text, title, id, url and annotations carry markup and attribute-breaking quotes.
    static func hostile() -> Document {
        let title = "Breaking \"><img src=x onerror=alert(1)> news"
        let body = "Paris <script>alert(1)</script> said ' onmouseover='alert(2)' and \"><b>bold</b>"
        var document = Document(
            id: "hostile<script>alert(3)</script>", source: SourceLocator(path: "-", format: .text),
            url: "javascript:alert(4)", title: title, text: title + "\n\n" + body)
        let paris = (title + "\n\n").unicodeScalars.count
        let script = paris + 6
        document.entities = [
            Entity(id: "e1", type: .city, span: TextSpan(start: paris, end: paris + 5), text: "Paris",
                   kb: "city:paris\"><script>alert(5)</script>", canonical: "Paris <i>x</i>", wikidata: "javascript:alert(6)",
                   sentence: 1, source: .gazetteer),
            Entity(id: "e2", type: .person, span: TextSpan(start: script, end: script + 8), text: "<script>",
                   canonical: "\"'><svg onload=alert(7)>", sentence: 1, source: .pattern),
        ]
        document.relations = [
            Relation(id: "r1", type: .said, head: "e2", tail: nil, statement: TextSpan(start: script, end: script + 30),
                     role: "<u>role</u>", sentence: 1, evidence: TextSpan(start: paris, end: paris + 40),
                     trigger: "said", source: .pattern, confidence: 0.9),
        ]
        return document
    }
}

/// Runs Debian's `tidy` on a page; its messages, and whether it found warnings or errors.
enum Validator {
    static func tidy(_ html: String) throws -> (clean: Bool, messages: String) {
        let candidates = ["/usr/bin/tidy", "/usr/local/bin/tidy"]
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("the HTML validator tidy is not installed (make deps installs it)")
            return (false, "")
        }
        let file = try Repository.temporaryDirectory().appendingPathComponent("page.html")
        try Data(html.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-q", "-e", "--gnu-emacs", "yes", file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus == 0, String(decoding: output, as: UTF8.self))
    }
}

/// Counts of a regular expression's matches.
func occurrences(of pattern: String, in text: String) -> Int {
    (try? NSRegularExpression(pattern: pattern)).map { $0.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) } ?? -1
}
