import Foundation
import GazetteCore
import GazetteIndex
import GazetteOutput
import GazettePipeline
import GazetteServe
import GazetteTestSupport

/// Keeps every document of an annotation run.
final class KeptDocuments: DocumentSink {
    var documents: [Document] = []
    func write(_ document: Document) throws(PipelineError) { documents.append(document) }
}

/// An index of Corpora/ (annotated as `make annotate` does) plus one hostile article, built once per process.
enum ServeFixtures {
    static let hostileID = "hostile\"><script>alert(3)</script>"

    struct Built: Sendable {
        let path: String
        let documents: Int
        let app: BrowserApp
    }

    static let built: Result<Built, IndexError> = {
        do {
            let sink = KeptDocuments()
            var options = RunOptions()
            options.asOf = "2025-09-04"
            let directory = try Repository.temporaryDirectory()
            let rejects = try LineSink(.file(directory.appendingPathComponent("rejects.jsonl").path))
            _ = try AnnotationRun(resources: Repository.resources, options: options).run(
                inputs: [Repository.path("Corpora/en").path, Repository.path("Corpora/nl").path], output: nil,
                rejects: rejects, documentSinks: [sink])
            try rejects.close()
            let path = directory.appendingPathComponent("news.sqlite").path
            let index = try SearchIndex(path: path)
            try index.upsert(sink.documents + [hostile()])
            try index.close()
            let app = try BrowserApp(index: try IndexReader(path: path))
            return .success(Built(path: path, documents: sink.documents.count + 1, app: app))
        } catch let error as IndexError {
            return .failure(error)
        } catch {
            return .failure(IndexError("cannot build the test index: \(error)"))
        }
    }()

    /// Markup and attribute-breaking quotes in the text, title and id, with an entity on `<script>`.
    static func hostile() throws -> Document {
        let text = "Breaking \"><img src=x onerror=alert(1)> news\n\nParis <script>alert(1)</script> said ' onmouseover='alert(2)' x"
        var document = try Repository.annotate(text, id: hostileID, title: "Breaking \"><img src=x onerror=alert(1)> news",
                                               published: "2025-09-30")
        let start = text.unicodeScalars.count - "<script>alert(1)</script> said ' onmouseover='alert(2)' x".unicodeScalars.count
        document.entities.append(Entity(
            id: "e99", type: .person, span: TextSpan(start: start, end: start + 8), text: "<script>",
            canonical: "\"'><svg onload=alert(7)>", sentence: 1, source: .pattern))
        return document
    }
}

/// Counts of a regular expression's matches.
func count(_ pattern: String, in text: String) -> Int {
    (try? NSRegularExpression(pattern: pattern)).map { $0.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) } ?? -1
}

/// The values of `href` attributes whose element has `class="<className>"`, unescaped.
func links(withClass className: String, in html: String) -> [String] {
    guard let expression = try? NSRegularExpression(pattern: "class=\"\(className)\" href=\"([^\"]*)\"") else { return [] }
    return expression.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
        Range(match.range(at: 1), in: html).map { String(html[$0]).replacingOccurrences(of: "&amp;", with: "&") }
    }
}

/// A request for a link target such as `/search?q=x&entity=y`.
func request(_ target: String, method: String = "GET") -> BrowserRequest {
    let parts = target.split(separator: "?", maxSplits: 1)
    return BrowserRequest(method: method, path: String(parts[0]), rawQuery: parts.count > 1 ? String(parts[1]) : "")
}
