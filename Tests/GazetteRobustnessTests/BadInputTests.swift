import Foundation
import GazetteCore
import GazetteOutput
import GazettePipeline
import GazetteSchema
import GazetteTestSupport
import GazetteZlib
import Testing

/// Hostile and broken inputs through the whole pipeline (`AnnotationRun`): each ends in exact output or a reject
/// with its exact code, the good document after each one still comes out, and every document read is accounted for.
@Suite("Bad inputs")
struct BadInputTests {
    /// A good document placed (in sorted order) after each bad input.
    static func good(_ name: String) -> (file: String, bytes: [UInt8], text: String) {
        let text = "Good \(name)\n\nThe ministers met in Rome on Monday."
        return ("\(name)-z-good.txt", Array(text.utf8), text)
    }

    static let page = "<html><head><title>Story title</title></head><body><article><h1>Story title</h1>"
        + "<p>The ministers met in Rome on Monday.</p></article></body></html>"

    static func warcRecord(_ id: String, block: [UInt8], lengthDelta: Int = 0) -> [UInt8] {
        let header = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\n"
            + "WARC-Target-URI: https://news.example/\(id)\r\nContent-Type: application/http; msgtype=response\r\n"
            + "Content-Length: \(block.count + lengthDelta)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func http(_ body: String) -> [UInt8] {
        Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    static let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><description>x</description></item></channel></rss>
        """

    static var billionLaughs: String {
        var entities = "<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(entities)]>\n"
            + "<rss version=\"2.0\"><channel><title>t</title><item><title>&lol9;</title><description>x</description></item></channel></rss>"
    }

    /// One input file and what must come of it: rejects (codes, in order) and output texts (in order).
    struct Case {
        var file: String
        var bytes: [UInt8]
        var rejects: [String] = []
        var texts: [String] = []
    }

    static var cases: [Case] {
        let token = String(repeating: "a", count: 10 << 20)
        let attribute = String(repeating: "x", count: 5 << 20)
        let deep = "<html><body>" + String(repeating: "<div>", count: 100_000) + "deep"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let deepXML = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>" + String(repeating: "<x>", count: 100_000)
            + String(repeating: "</x>", count: 100_000) + "</channel></rss>"
        let goodHTML = Array(page.utf8)
        let cutGzip = Array(Gzip.compress(Array(("Cut text.\n" + String(repeating: "More text. ", count: 500)).utf8)).dropLast(20))
        let goodRecord = warcRecord("good", block: http(page))
        let truncatedWARC = goodRecord + Array(warcRecord("cut", block: http(page)).prefix(300))
        let lyingWARC = warcRecord("liar", block: http(page), lengthDelta: 40) + warcRecord("after", block: http(page))
        let shortWARC = warcRecord("short", block: http(page), lengthDelta: -25) + warcRecord("after", block: http(page))
        let jsonl = [
            #"{"id":"j1","text":"First line.\n\nThe ministers met in Rome on Monday."}"#,
            #"{"id":"j2","text":"unterminated"#,
            #"{"id":"j3","text":5}"#,
            #"{"id":"j4","title":["not","a","string"],"text":"Wrong title type."}"#,
            #"{"id":"j1","text":"The same id again."}"#,
            #"[1,2,3]"#,
            #"{"id":"j5","url":"https://news.example/j5"}"#,
            #"{"id":"j6","html":"<p>Last line, in HTML.</p>"}"#,
        ].joined(separator: "\n") + "\n"
        let mediaOnly = "<newsMessage><itemSet><newsItem guid=\"v\"><itemMeta><itemClass qcode=\"ninat:video\"/></itemMeta>"
            + "<contentSet><remoteContent href=\"https://media.example/v.mp4\"/></contentSet></newsItem></itemSet></newsMessage>"
        let deepNewsML = "<newsMessage><itemSet><newsItem guid=\"d\"><contentSet><inlineXML>" + String(repeating: "<div>", count: 100_000)
            + String(repeating: "</div>", count: 100_000) + "</inlineXML></contentSet></newsItem></itemSet></newsMessage>"
        let newsMLXXE = "<?xml version=\"1.0\"?><!DOCTYPE newsItem [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>"
            + "<newsItem guid=\"x\"><contentMeta><headline>&x;</headline></contentMeta></newsItem>"
        let damagedFeed = "<rss><channel><item><title>One</title><description>The ministers met in Rome on Monday.</description></item>"
            + "<item><title>Two</title><description>The ministers met in Paris on Tuesday.</description></item>"
            + "<item><title>Three</b></channel></rss>"
        let cp1252Title = "Caf\u{E9} \u{201C}Li\u{E8}ge\u{201D}"
        let cp1252Feed = Array("<rss><channel><item><title>".utf8) + Array(cp1252Title.data(using: .windowsCP1252)!)
            + Array("</title><description>Le pr\u{E9}sident s\u{2019}est rendu \u{E0} Li\u{E8}ge.</description></item></channel></rss>"
                .data(using: .windowsCP1252)!)
        let brotliGarbage = warcRecord("br", block: Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n".utf8)
            + Array("not brotli at all, only text".utf8))
        let crawlerFiles = Array("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: metadata://gnu.org/software/wget/warc/wget.log\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nlog line\n\r\n\r\n".utf8)
            + Array(warcRecord("robots", block: http("User-agent: *")).map { $0 })
                .replacing(Array("news.example/robots".utf8), with: Array("news.example/robots.txt".utf8))
        let rtl = "مرحبا بالعالم\n\nهذا نص تجريبي باللغة العربية.\n\nשלום עולם, זהו טקסט לבדיקה."
        let emoji = "Macron 🇫🇷 meets families 👩‍👩‍👧\n\nZoë and Zoe\u{0308} met in São Paulo. 😀 President Emmanuel Macron spoke."
        let cjk = "东京峰会\n\n日本首相在东京会见了法国总统。会谈持续了两个小时。"
        return [
            Case(file: "01-invalid-utf8.txt", bytes: Array("Caf".utf8) + [0xE9, 0x20, 0xFF] + Array(" noir.".utf8),
                 rejects: ["invalid_utf8"]),
            Case(file: "02-nul-bytes.txt", bytes: Array("Some text".utf8) + [0, 0, 0] + Array("more text.".utf8),
                 rejects: ["binary_content"]),
            Case(file: "03-png.html", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52],
                 rejects: ["binary_content"]),
            Case(file: "04-empty.txt", bytes: [], rejects: ["empty_document"]),
            Case(file: "05-empty.html", bytes: [], rejects: ["empty_document"]),
            Case(file: "06-truncated.txt.gz", bytes: cutGzip, rejects: ["gzip_truncated"]),
            // The cut record's HTTP headers and the page's start survive: read as far as they go (and counted).
            Case(file: "07-truncated.warc", bytes: truncatedWARC,
                 texts: ["Story title\n\nThe ministers met in Rome on Monday.", "Story title"]),
            // A length past the next record leaves a record cut short, one that ends inside the record a record
            // with stray bytes after it: both are read as far as their bytes go (and counted), as warcio reads them.
            Case(file: "08-length-lies-long.warc", bytes: lyingWARC,
                 texts: ["Story title\n\nThe ministers met in Rome on Monday.", "Story title\n\nThe ministers met in Rome on Monday."]),
            Case(file: "09-length-lies-short.warc", bytes: shortWARC,
                 texts: ["Story title\n\nThe ministers met in Rome on Monday.", "Story title\n\nThe ministers met in Rome on Monday."]),
            Case(file: "10-nested.html", bytes: Array(deep.utf8), rejects: ["too_deep"]),
            Case(file: "11-nested.rss", bytes: Array(deepXML.utf8), rejects: ["too_deep"]),
            Case(file: "12-attribute.html",
                 bytes: Array("<html><head><title>Attribute page</title></head><body><article><h1>Attribute page</h1><p data-blob=\"\(attribute)\">The ministers met in Rome on Monday.</p></article></body></html>".utf8),
                 texts: ["Attribute page\n\nThe ministers met in Rome on Monday."]),
            Case(file: "13-xxe.rss", bytes: Array(xxe.utf8), rejects: ["external_entity"]),
            Case(file: "14-billion-laughs.rss", bytes: Array(billionLaughs.utf8), rejects: ["entity_expansion"]),
            Case(file: "15-records.jsonl", bytes: Array(jsonl.utf8),
                 rejects: ["jsonl_malformed", "jsonl_field_type", "jsonl_field_type", "duplicate_id", "jsonl_not_object",
                           "jsonl_no_text"],
                 texts: ["First line.\n\nThe ministers met in Rome on Monday.", "Last line, in HTML."]),
            Case(file: "16-rtl.txt", bytes: Array(rtl.utf8), texts: [rtl]),
            Case(file: "17-emoji-combining.txt", bytes: Array(emoji.utf8), texts: [emoji]),
            Case(file: "18-cjk.txt", bytes: Array(cjk.utf8), texts: [cjk]),
            Case(file: "19-one-token.txt", bytes: Array(token.utf8), texts: [token]),
            Case(file: "20-good.html", bytes: goodHTML, texts: ["Story title\n\nThe ministers met in Rome on Monday."]),
            Case(file: "21-broken.newsml", bytes: Array("<newsMessage><itemSet><newsItem guid=\"a\"><contentMeta>".utf8),
                 rejects: ["xml_malformed"]),
            Case(file: "22-media-only.newsml", bytes: Array(mediaOnly.utf8)),
            Case(file: "23-newsml-deep.xml", bytes: Array(deepNewsML.utf8), rejects: ["too_deep"]),
            Case(file: "24-newsml-xxe.xml", bytes: Array(newsMLXXE.utf8), rejects: ["external_entity"]),
            Case(file: "25-damaged.rss", bytes: Array(damagedFeed.utf8), rejects: ["xml_recovered"],
                 texts: ["One\n\nThe ministers met in Rome on Monday.", "Two\n\nThe ministers met in Paris on Tuesday.", "Three"]),
            Case(file: "26-undeclared-cp1252.rss", bytes: cp1252Feed,
                 texts: ["Caf\u{E9} \u{201C}Li\u{E8}ge\u{201D}\n\nLe pr\u{E9}sident s\u{2019}est rendu \u{E0} Li\u{E8}ge."]),
            Case(file: "27-brotli-garbage.warc", bytes: brotliGarbage, rejects: ["brotli_corrupt"]),
            Case(file: "28-crawler-files.warc", bytes: crawlerFiles),
            Case(file: "29-truncated-headers.warc", bytes: goodRecord + Array(warcRecord("cut", block: http(page)).prefix(230)),
                 rejects: ["warc_truncated"], texts: ["Story title\n\nThe ministers met in Rome on Monday."]),
        ]
    }

    @Test func everyBadInputEndsInOutputOrItsRejectCodeAndTheRunGoesOn() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputs = directory.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        var expected = Self.cases
        for index in expected.indices {
            let good = Self.good(String(expected[index].file.prefix(2)))
            try Data(expected[index].bytes).write(to: inputs.appendingPathComponent(expected[index].file))
            try Data(good.bytes).write(to: inputs.appendingPathComponent(good.file))
            expected.append(Case(file: good.file, bytes: good.bytes, texts: [good.text]))
        }

        let outputPath = directory.appendingPathComponent("out.jsonl").path
        let rejectsPath = directory.appendingPathComponent("rejects.jsonl").path
        let output = try LineSink(.file(outputPath))
        let rejects = try LineSink(.file(rejectsPath))
        var options = RunOptions()
        options.asOf = "2025-09-04"
        let started = Date()
        let summary = try AnnotationRun(resources: Repository.resources, options: options)
            .run(inputs: [inputs.path], output: output, rejects: rejects)
        try output.close()
        try rejects.close()
        let seconds = Date().timeIntervalSince(started)

        // What came out, per input file, in order.
        var observedRejects: [String: [String]] = [:]
        let rejectSchema = try JSONSchema(contentsOf: Repository.rejectSchema)
        for line in try Self.lines(rejectsPath) {
            #expect(rejectSchema.validate(jsonLine: line).isEmpty, "\(line)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let source = try #require(object["source"] as? [String: Any])
            let path = try #require(source["path"] as? String)
            observedRejects[(path as NSString).lastPathComponent, default: []].append(try #require(object["code"] as? String))
        }
        var observedTexts: [String: [String]] = [:]
        var documents: [Document] = []
        for line in try Self.lines(outputPath) {
            let document = try ArticleDecoder().decode(line)
            observedTexts[(document.source.path as NSString).lastPathComponent, default: []].append(document.text)
            documents.append(document)
        }
        for item in expected {
            #expect(observedRejects[item.file, default: []] == item.rejects, "rejects of \(item.file)")
            let texts = observedTexts[item.file, default: []]
            #expect(texts.count == item.texts.count, "documents of \(item.file)")
            if texts != item.texts {
                Issue.record("output of \(item.file) differs: \(texts.map { String($0.prefix(120)) })")
            }
        }

        // Accounting: every document read ends in exactly one line.
        let rejectCount = expected.reduce(0) { $0 + $1.rejects.count }
        let textCount = expected.reduce(0) { $0 + $1.texts.count }
        #expect(summary.balanced)
        #expect(summary.rejected == rejectCount)
        #expect(summary.annotated == textCount)
        #expect(summary.read == rejectCount + textCount)
        var byCode: [String: Int] = [:]
        for item in expected { for code in item.rejects { byCode[code, default: 0] += 1 } }
        #expect(summary.rejectsByCode == byCode)

        // Spans stay in Unicode scalars through emoji, flags and combining marks.
        let emoji = try #require(documents.first { $0.source.path.hasSuffix("17-emoji-combining.txt") })
        let macron = try #require(emoji.entities.first { $0.type == .person && $0.text == "Emmanuel Macron" })
        let prefix = try #require(emoji.text.range(of: "Emmanuel Macron")).lowerBound
        #expect(macron.span.start == emoji.text.unicodeScalars.distance(from: emoji.text.startIndex, to: prefix))
        #expect(emoji.text(of: macron.span) == "Emmanuel Macron")
        for document in documents {
            for entity in document.entities { #expect(document.text(of: entity.span) == entity.text) }
        }
        // The 10 MB token and the 5 MB attribute must not make the run slow: ~5 s in debug, ~120 s would mean quadratic
        // work (the bound leaves room for the sanitizer builds).
        #expect(seconds < 120, "the bad-input run took \(seconds) s")
        print("bad-input run: \(summary.line) (\(String(format: "%.1f", seconds)) s)")
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}
