import Foundation
import GazetteClean
import GazetteCore

/// The gold of one page of an external cleaning set: the main text, or (snippet sets) lists of snippets that
/// must and must not appear in the output.
public enum ExternalGold: Sendable, Equatable {
    case text(String)
    case snippets(with: [String], without: [String])
}

/// One page of an external cleaning set: its raw bytes and its gold.
public struct ExternalCleaningPage: Sendable {
    public var id: String
    public var html: [UInt8]
    public var gold: ExternalGold
}

/// A public cleaning set in the layout of `../shared/dev/cleaning` once unpacked: `DIR/pages/<id>.html` and
/// `DIR/gold.jsonl` (one object per page: `id`, `text`, or `text: null` with `with`/`without` snippet lists).
public struct ExternalCleaningSet: Sendable {
    /// A problem reading the set, naming the file.
    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
    }

    public var name: String
    public var pages: [ExternalCleaningPage]
    public var bytes: Int { pages.reduce(0) { $0 + $1.html.count } }

    /// Reads `gold.jsonl` and every page it names into memory.
    public init(directory: URL) throws {
        name = directory.lastPathComponent
        let goldURL = directory.appendingPathComponent("gold.jsonl")
        guard let data = FileManager.default.contents(atPath: goldURL.path) else {
            throw ReadError(description: "\(goldURL.path): cannot read (expected DIR/gold.jsonl and DIR/pages/)")
        }
        var pages: [ExternalCleaningPage] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let id = object["id"] as? String
            else { throw ReadError(description: "\(goldURL.path): line \(number + 1) is not an object with an id") }
            let gold: ExternalGold
            if let text = object["text"] as? String {
                gold = .text(text)
            } else {
                gold = .snippets(with: object["with"] as? [String] ?? [], without: object["without"] as? [String] ?? [])
            }
            let pageURL = directory.appendingPathComponent("pages").appendingPathComponent("\(id).html")
            guard let html = FileManager.default.contents(atPath: pageURL.path) else {
                throw ReadError(description: "\(pageURL.path): cannot read the page named in gold.jsonl")
            }
            pages.append(ExternalCleaningPage(id: id, html: [UInt8](html), gold: gold))
        }
        self.pages = pages
    }

    /// Gazette's body text for every page (empty when the page is rejected), in page order.
    public func clean() -> [String] {
        pages.map { Self.body(of: $0) }
    }

    /// Gazette's body of one page (without the title paragraph), cleaned from the page's bytes with the cleaner's
    /// charset decision. (`gazette annotate` also lets ICU's detector name the charset of an undeclared page that is
    /// not UTF-8, where the cleaner alone reads windows-1252: on the nine external sets the two differ on one page.)
    public static func body(of page: ExternalCleaningPage) -> String {
        let raw = RawDocument(id: page.id, source: SourceLocator(path: page.id, format: .html, index: 0), format: .html, bytes: page.html)
        guard let document = try? HTMLCleaner().clean(raw) else { return "" }
        return CleaningPrediction(document: document).body
    }

    /// Seconds for `repeat` passes of the cleaner over all pages (already in memory).
    public func timeCleaning(repeat count: Int) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<count {
            for page in pages { _ = Self.body(of: page) }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
