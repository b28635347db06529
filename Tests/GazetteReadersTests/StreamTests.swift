import Foundation
import GazetteCore
import GazetteReaders
import GazetteZlib
import Testing

@Suite("Streams, formats, JSONL, dates")
struct StreamTests {
    @Test func formatsComeFromExtensionsThenFromBytes() {
        #expect(FormatDetector.format(path: "a.rss", bytes: []) == .rss)
        #expect(FormatDetector.format(path: "a.atom", bytes: []) == .atom)
        #expect(FormatDetector.format(path: "a.sgm", bytes: []) == .sgml)
        #expect(FormatDetector.format(path: "a.nitf", bytes: []) == .nitf)
        #expect(FormatDetector.format(path: "a.warc", bytes: []) == .warc)
        #expect(FormatDetector.format(path: "a.xml", bytes: "<?xml version=\"1.0\"?><rss/>".bytes) == .rss)
        #expect(FormatDetector.format(path: "a.xml", bytes: "<?xml version=\"1.0\"?>\n<!-- c -->\n<LEWIS>".bytes) == .sgml)
        #expect(FormatDetector.format(path: "a.xml", bytes: "<feed xmlns=\"http://www.w3.org/2005/Atom\">".bytes) == .atom)
        #expect(FormatDetector.format(path: "a.xml", bytes: "<!DOCTYPE nitf><nitf>".bytes) == .nitf)
        #expect(FormatDetector.format(path: "a.xml", bytes: "<catalog/>".bytes) == .xml)
        #expect(FormatDetector.format(path: "noext", bytes: "WARC/1.0\r\n".bytes) == .warc)
        #expect(FormatDetector.format(path: "noext", bytes: "\u{FEFF}<!DOCTYPE html><html>".bytes) == .html)
        #expect(FormatDetector.format(path: "noext", bytes: "{\"id\":1}".bytes) == .jsonl)
        #expect(FormatDetector.format(path: "noext", bytes: "Plain words.".bytes) == .text)
        #expect(FormatDetector.strippingGzipExtension("x/a.warc.gz") == "x/a.warc")
        #expect(FormatDetector.isDocumentName("a.jsonl.gz"))
        #expect(!FormatDetector.isDocumentName("README.md"))
        #expect(!FormatDetector.isDocumentName("lewis.dtd"))
    }

    @Test func directoriesAreReadRecursivelyInSortedOrderWithGzipInside() throws {
        let directory = try Reading.directory([
            "b/second.txt": "Second file.".bytes,
            "a.txt.gz": Gzip.compress("First file.".bytes),
            "c.html": "<p>Third file.</p>".bytes,
            "notes.md": "ignored".bytes,
            ".hidden/x.txt": "ignored".bytes,
        ])
        let result = Reading.read([directory.path])
        let names = result.documents.map { ($0.source.path as NSString).lastPathComponent }
        // Sorted by path below the directory: "a.txt.gz" < "b/second.txt" < "c.html".
        #expect(names == ["a.txt.gz", "second.txt", "c.html"])
        #expect(result.documents.map(\.format) == [.text, .text, .html])
        #expect(result.documents[0].bytes == "First file.".bytes)
        #expect(result.documents[0].id == directory.appendingPathComponent("a.txt.gz").path)
        #expect(result.statistics.files == 3)
        // Forced format overrides names.
        var options = ReaderOptions()
        options.forcedFormat = .text
        let forced = Reading.read([directory.appendingPathComponent("c.html").path], options: options)
        #expect(forced.documents.map(\.format) == [.text])
    }

    @Test func utf16TextWithAByteOrderMarkBecomesUTF8() throws {
        var little: [UInt8] = [0xFF, 0xFE]
        for unit in "Caf\u{E9} in Li\u{E8}ge.".utf16 { little += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in "Kyiv.".utf16 { big += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let directory = try Reading.directory(["le.txt": little, "be.txt": big, "odd.txt": [0xFF, 0xFE, 0x41]])
        let result = Reading.read([directory.path])
        #expect(result.documents.map { String(decoding: $0.bytes, as: UTF8.self) } == ["Kyiv.", "Café in Liège."])
        #expect(result.codesByFile == ["odd.txt": ["invalid_encoding"]])
        #expect(try Reading.clean(result.documents[1]).text == "Café in Liège.")
    }

    @Test func missingFilesAreRejectsAndTheRunGoesOn() throws {
        let directory = try Reading.directory(["ok.txt": "Fine.".bytes])
        let result = Reading.read([directory.appendingPathComponent("missing.html").path, directory.appendingPathComponent("ok.txt").path])
        #expect(result.rejects.map(\.reason.code.rawValue) == ["not_found"])
        #expect(result.rejects.first?.source.format == .html)
        #expect(result.documents.count == 1)
    }

    @Test func jsonlFieldNamesAreConfigurable() throws {
        let lines = """
            {"doc":"a1","headline":"First","body":"Body one.","when":"2025-09-04"}
            {"doc":"a2","headline":"Second","markup":"<p>Body two.</p>"}
            {"headline":"No id","body":"Body three."}
            """
        let directory = try Reading.directory(["dump.jsonl": lines.bytes])
        var options = ReaderOptions()
        options.jsonlFields = try JSONLFields(spec: "id=doc,title=headline,text=body,html=markup,published=when|date")
        let result = Reading.read([directory.appendingPathComponent("dump.jsonl").path], options: options)
        #expect(result.rejects.isEmpty)
        #expect(result.documents.map(\.id) == ["a1", "a2", directory.appendingPathComponent("dump.jsonl").path + "#3"])
        #expect(result.documents.map(\.title) == ["First", "Second", "No id"])
        #expect(result.documents.map(\.format) == [.text, .html, .text])
        #expect(result.documents.map(\.source.format) == [.jsonl, .jsonl, .jsonl])
        #expect(result.documents.map(\.source.index) == [0, 1, 2])
        #expect(result.documents[0].published == "2025-09-04")
        #expect(throws: JSONLFieldsError.self) { try JSONLFields(spec: "body=text") }
        #expect(throws: JSONLFieldsError.self) { try JSONLFields(spec: "text") }
    }

    @Test func datesBecomeISO8601() {
        let cases: [(String, String?)] = [
            ("2025-09-04", "2025-09-04"),
            ("2025-09-04T10:00:00Z", "2025-09-04T10:00:00Z"),
            ("2025-09-04T10:00:00.123+02:00", "2025-09-04T10:00:00.123+02:00"),
            ("2025-09-04 10:00:00+0200", "2025-09-04T10:00:00+02:00"),
            ("2025-09", "2025-09"),
            ("2025", "2025"),
            ("20250905T143000Z", "2025-09-05T14:30:00Z"),
            ("20250905", "2025-09-05"),
            ("Thu, 04 Sep 2025 10:15:00 +0200", "2025-09-04T10:15:00+02:00"),
            ("Fri, 5 Sep 2025 08:00:00 GMT", "2025-09-05T08:00:00Z"),
            ("05 Sep 2025 08:00 EST", "2025-09-05T08:00-05:00"),
            ("5 September 2025", "2025-09-05"),
            ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"),
            ("26-FEB-1987", "1987-02-26"),
            ("1-MAR-1987 09:05", "1987-03-01T09:05"),
            ("26-FEB-1987 15:01:01.7a", "1987-02-26T15:01:01"),
            ("26-Feb-1987 15:01", "1987-02-26T15:01"),
            ("26-FEB-1987 25:00", "1987-02-26"),
            ("26-FEB-1987 15:01:01 GMT", "1987-02-26T15:01:01"),
            (" 26-FEB-1987 15:01:01.79\n", "1987-02-26T15:01:01"),
            ("0-FEB-1987", nil),
            ("2025-13-01", nil),
            ("yesterday", nil),
            ("", nil),
        ]
        for (input, expected) in cases {
            #expect(ISODate.normalise(input) == expected, "\(input)")
        }
    }

    @Test func gzipRoundTripsAndReportsDamage() {
        let data = Array(String(repeating: "Gazette reads gzip. ", count: 5000).utf8)
        let one = Gzip.compress(data)
        #expect(Gzip.decompress(one).bytes == data)
        let two = Gzip.decompress(one + Gzip.compress("tail".bytes) + [0, 0, 0])
        #expect(two.bytes == data + "tail".bytes)
        #expect(two.members == 2)
        #expect(two.error == nil)
        let cut = Gzip.decompress(Array(one.dropLast(10)))
        #expect(cut.error?.kind == .truncated)
        #expect(cut.completeLength == 0)
        var corrupt = one
        corrupt[20] ^= 0xFF
        corrupt[21] ^= 0xFF
        #expect(Gzip.decompress(corrupt).error?.kind == .corrupt)
        #expect(Gzip.decompress(one, limit: 1000).error?.kind == .tooLarge)
    }
}
