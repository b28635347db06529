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

    /// Gazette's body of one page (without the title paragraph). A page the cleaner rejects as invalid UTF-8 is
    /// read as score.py reads it: when a `<meta>` declares UTF-8, as UTF-8 with the bad bytes replaced (a UTF-8 page with
    /// a few damaged bytes is still a UTF-8 page); else as windows-1252, as browsers do.
    public static func body(of page: ExternalCleaningPage) -> String {
        let cleaner = HTMLCleaner()
        var raw = RawDocument(id: page.id, source: SourceLocator(path: page.id, format: .html, index: 0), format: .html, bytes: page.html)
        var document = try? cleaner.clean(raw)
        if document == nil {
            let declared = metaCharset(in: page.html)
            if declared == "utf-8" || declared == "utf8" {
                raw.bytes = Array(String(decoding: page.html, as: UTF8.self).utf8)
            } else {
                raw.charset = "windows-1252"
            }
            document = try? cleaner.clean(raw)
        }
        guard let document else { return "" }
        return CleaningPrediction(document: document).body
    }

    /// The charset a `<meta>` tag in the first 8 KiB declares, lower-cased, as score.py finds it (its regular expression
    /// `<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)`): a `charset` attribute of a `<script>` names the
    /// script's charset, not the page's.
    static func metaCharset(in html: [UInt8]) -> String? {
        let head = Array(html.prefix(8192)).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        let meta = Array("<meta".utf8), charset = Array("charset".utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var index = 0
        while index + meta.count <= head.count {
            guard head[index..<(index + meta.count)].elementsEqual(meta) else {
                index += 1
                continue
            }
            // `[^>]+` before "charset": at least one byte of the tag, none of them `>`.
            var position = index + meta.count + 1
            while position + charset.count <= head.count, head[position - 1] != UInt8(ascii: ">") {
                if head[position..<(position + charset.count)].elementsEqual(charset) {
                    var cursor = position + charset.count
                    while cursor < head.count, isSpace(head[cursor]) { cursor += 1 }
                    if cursor < head.count, head[cursor] == UInt8(ascii: "=") {
                        cursor += 1
                        while cursor < head.count, isSpace(head[cursor]) { cursor += 1 }
                        if cursor < head.count, head[cursor] == UInt8(ascii: "\"") || head[cursor] == UInt8(ascii: "'") { cursor += 1 }
                        while cursor < head.count, isSpace(head[cursor]) { cursor += 1 }
                        var end = cursor
                        while end < head.count, head[end] < 0x80,
                            Character(UnicodeScalar(head[end])).isLetter || Character(UnicodeScalar(head[end])).isNumber
                                || [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: ".")].contains(head[end]) {
                            end += 1
                        }
                        if end > cursor { return String(decoding: head[cursor..<end], as: UTF8.self) }
                    }
                }
                position += 1
            }
            index += 1
        }
        return nil
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
