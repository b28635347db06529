import Foundation
import GazetteCore
import GazetteReaders
import GazetteZlib
import Testing

/// Hostile and broken inputs: each ends as a reject with its own code, and the documents after it still come out.
@Suite("Safety")
struct SafetyTests {
    static let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><description>x</description></item></channel></rss>
        """
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>t</title><item><title>&lol9;</title><description>x</description></item></channel></rss>
        """

    static var deepHTML: [UInt8] {
        let html = "<html><body>" + String(repeating: "<div>", count: 100_000) + "deep"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        return html.bytes
    }

    /// Every hostile file in one run, each followed (in sorted order) by a good document.
    @Test func eachHostileInputIsItsOwnRejectAndTheRunContinues() throws {
        var big = "<html><body><p>".bytes
        big += Array(repeating: UInt8(ascii: "a"), count: 2_000_000)
        big += "</p></body></html>".bytes
        let good = "<html><body><p>A good page between the bad ones.</p></body></html>".bytes
        var files: [String: [UInt8]] = [:]
        files["01-xxe.rss"] = Self.xxe.bytes
        files["02-laughs.rss"] = Self.billionLaughs.bytes
        files["03-big.html"] = big
        files["04-deep.html"] = Self.deepHTML
        // (An HTML page that is not UTF-8 is read as windows-1252, as browsers do; a text file has no such fallback.)
        files["05-bad-utf8.txt"] = "Caf".bytes + [0xE9, 0x20] + "noir.".bytes
        let padded: [UInt8] = good + Array(repeating: UInt8(ascii: " "), count: 2000)
        files["06-cut.html.gz"] = Array(Gzip.compress(padded).dropLast(12))
        files["07-notgzip.txt.gz"] = [0x1F, 0x8B] + "not really gzip".bytes
        for name in ["01-xxe-ok.html", "02-laughs-ok.html", "03-big-ok.html", "04-deep-ok.html", "05-bad-utf8-ok.html"] {
            files[name] = good
        }
        files["06-cut-ok.html.gz"] = Gzip.compress(good)
        files["07-notgzip-ok.txt"] = "Good text.".bytes
        let directory = try Reading.directory(files)
        var options = ReaderOptions()
        options.maxDocumentBytes = 1_500_000
        let result = Reading.read([directory.path], options: options)
        // The reader's own rejects.
        #expect(result.codesByFile == [
            "01-xxe.rss": ["external_entity"],
            "02-laughs.rss": ["entity_expansion"],
            "03-big.html": ["too_large"],
            "04-deep.html": ["too_deep"],
            "06-cut.html.gz": ["gzip_truncated"],
            "07-notgzip.txt.gz": ["gzip_corrupt"],
        ])
        // Invalid UTF-8 is rejected by the cleaner the document goes to next; every good file comes out clean.
        var cleaned: [String: String] = [:]
        for raw in result.documents {
            let name = (raw.source.path as NSString).lastPathComponent
            do {
                _ = try Reading.clean(raw)
                cleaned[name] = "ok"
            } catch let reason as RejectReason {
                cleaned[name] = reason.code.rawValue
            }
        }
        #expect(cleaned == [
            "01-xxe-ok.html": "ok", "02-laughs-ok.html": "ok", "03-big-ok.html": "ok", "04-deep-ok.html": "ok",
            "05-bad-utf8.txt": "invalid_utf8", "05-bad-utf8-ok.html": "ok", "06-cut-ok.html.gz": "ok",
            "07-notgzip-ok.txt": "ok",
        ])
    }

    @Test func nestingIsLimitedInsideFeedsAndWARCsToo() throws {
        let escaped = String(repeating: "&lt;div&gt;", count: 2000)
        let feed = """
            <rss version="2.0"><channel><title>t</title>
            <item><guid>deep</guid><title>Deep</title><description>\(escaped)x</description></item>
            <item><guid>fine</guid><title>Fine</title><description>&lt;p&gt;Fine.&lt;/p&gt;</description></item>
            </channel></rss>
            """
        let deepXML = "<rss>" + String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000) + "</rss>"
        let warc = WARCFixture.record(type: "response", id: "deep", contentType: "application/http; msgtype=response",
                                      block: WARCFixture.httpResponse(Self.deepHTML)) + WARCFixture.response
        let directory = try Reading.directory(["a.rss": feed.bytes, "b.rss": deepXML.bytes, "c.warc": warc])
        let result = Reading.read([directory.path])
        #expect(result.rejects.map(\.reason.code.rawValue) == ["too_deep", "too_deep", "too_deep"])
        #expect(result.rejects.map(\.id) == ["deep", directory.appendingPathComponent("b.rss").path, "urn:uuid:deep"])
        #expect(result.documents.map(\.id) == ["fine", "urn:uuid:resp-1"])
    }

    @Test func nestingScannerFollowsHTMLRules() {
        func depth(_ html: String, limit: Int = 3) -> Int? { NestingScanner.exceeds(html.bytes, limit: limit, mode: .html) }
        #expect(depth("<div><div><div></div></div></div>") == nil)
        #expect(depth("<div><div><div><div>") == 4)
        // Void elements, self-closing tags, implicit closes, comments and scripts do not nest.
        #expect(depth("<div><br><img src=x><hr/><p>a<p>b<p>c<ul><li>1<li>2<li>3</ul></div>") == nil)
        #expect(depth("<div><!-- <div><div><div> --><script>if (a<b) { '<div><div><div>' }</script></div>") == nil)
        #expect(depth("<div title='<div><div><div>'></div>") == nil)
        #expect(NestingScanner.exceeds("<a><b><c><d/></c></b></a>".bytes, limit: 3, mode: .xml) == nil)
        #expect(NestingScanner.exceeds("<a><b><c><d></d></c></b></a>".bytes, limit: 3, mode: .xml) == 4)
    }

    @Test func hugeInputsAreRejectedBeforeTheyAreRead() throws {
        let directory = try Reading.directory(["huge.txt": Array(repeating: UInt8(ascii: "a"), count: 10_000),
                                                "bomb.txt.gz": Gzip.compress(Array(repeating: 0x20, count: 1_000_000)),
                                                "ok.txt": "Fine.".bytes])
        var options = ReaderOptions()
        options.maxInputBytes = 8192
        let result = Reading.read([directory.path], options: options)
        #expect(result.codesByFile == ["bomb.txt.gz": ["gzip_too_large"], "huge.txt": ["too_large"]])
        #expect(result.documents.count == 1)
    }
}

@Suite("Truncation")
struct TruncationTests {
    /// Every reader, fed each of its fixtures cut at many points, yields items (documents or rejects) and never traps.
    @Test func cutInputsNeverCrashAndAlwaysYieldSomething() throws {
        let rss = try Data(contentsOf: URL(fileURLWithPath: Reading.fixture("three-items.rss")))
        let atom = try Data(contentsOf: URL(fileURLWithPath: Reading.fixture("two-entries.atom")))
        let nitf = try Data(contentsOf: URL(fileURLWithPath: Reading.fixture("article.nitf")))
        let warc = WARCFixture.request + WARCFixture.response + WARCFixture.metadata
        let reuters = """
            <?xml version="1.0"?>
            <LEWIS>
            <REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>A</TITLE><BODY>Body one.</BODY></TEXT></REUTERS>
            <REUTERS NEWID="2"><TEXT><TITLE>B</TITLE><BODY>Body two.</BODY></TEXT></REUTERS>
            </LEWIS>
            """.bytes
        let jsonl = "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"html\":\"<p>Two.</p>\"}\n".bytes
        let inputs: [(String, [UInt8])] = [
            ("f.rss", Array(rss)), ("f.atom", Array(atom)), ("f.nitf", Array(nitf)), ("f.warc", warc),
            ("f.xml", reuters), ("f.jsonl", jsonl), ("f.warc.gz", Gzip.compress(warc)),
        ]
        var cuts = 0
        for (name, bytes) in inputs {
            for cut in stride(from: 1, to: bytes.count, by: 5) {
                let prefix = Array(bytes[..<cut])
                let directory = try Reading.directory([name: prefix])
                let result = Reading.read([directory.appendingPathComponent(name).path])
                let meaningful = !prefix.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }
                if meaningful {
                    #expect(!result.items.isEmpty || result.statistics.totalSkipped > 0, "\(name) cut at \(cut) yielded nothing")
                }
                for raw in result.documents { _ = try? Reading.clean(raw) }
                cuts += 1
                try? FileManager.default.removeItem(at: directory)
            }
        }
        #expect(cuts > 500)
    }
}
