import Foundation
import GazetteCore
import GazetteReaders
import GazetteZlib
import Testing

/// WARC records written for the tests.
enum WARCFixture {
    static func record(type: String, id: String, uri: String = "https://warc.example.org/story", contentType: String,
                       block: [UInt8], lengthDelta: Int = 0) -> [UInt8]
    {
        let header = """
            WARC/1.1\r
            WARC-Type: \(type)\r
            WARC-Record-ID: <urn:uuid:\(id)>\r
            WARC-Date: 2025-09-04T10:00:00Z\r
            WARC-Target-URI: \(uri)\r
            Content-Type: \(contentType)\r
            Content-Length: \(block.count + lengthDelta)\r
            \r

            """
        return header.bytes + block + "\r\n\r\n".bytes
    }

    static func httpResponse(_ body: [UInt8], contentType: String = "text/html; charset=utf-8", status: String = "200 OK",
                             extraHeaders: String = "") -> [UInt8]
    {
        "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\n\(extraHeaders)Content-Length: \(body.count)\r\n\r\n".bytes + body
    }

    static let page = "<html><head><title>Story title</title></head><body><article><h1>Story title</h1><p>The ministers met in Rome on Monday.</p></article></body></html>".bytes

    static var request: [UInt8] {
        record(type: "request", id: "req-1", contentType: "application/http; msgtype=request",
               block: "GET /story HTTP/1.1\r\nHost: warc.example.org\r\n\r\n".bytes)
    }
    static var response: [UInt8] {
        record(type: "response", id: "resp-1", contentType: "application/http; msgtype=response", block: httpResponse(page))
    }
    static var metadata: [UInt8] {
        record(type: "metadata", id: "meta-1", contentType: "application/warc-fields", block: "outlink: https://x.example/\r\n".bytes)
    }
}

@Suite("WARC")
struct WARCReaderTests {
    @Test func requestResponseAndMetadataGiveOneDocumentAndTwoSkips() throws {
        let warc = WARCFixture.request + WARCFixture.response + WARCFixture.metadata
        let directory = try Reading.directory(["crawl.warc": warc])
        let result = Reading.read([directory.appendingPathComponent("crawl.warc").path])
        #expect(result.rejects.isEmpty)
        let document = try #require(result.documents.first)
        #expect(result.documents.count == 1)
        #expect(document.id == "urn:uuid:resp-1")
        #expect(document.url == "https://warc.example.org/story")
        #expect(document.source.format == .warc)
        #expect(document.source.index == 1)
        #expect(document.format == .html)
        #expect(document.charset == "utf-8")
        #expect(document.bytes == WARCFixture.page, "the HTTP headers are stripped")
        #expect(result.statistics.skippedRecords == ["warc request": 1, "warc metadata": 1])
        let clean = try Reading.clean(document)
        #expect(clean.text == "Story title\n\nThe ministers met in Rome on Monday.")
    }

    @Test func emptyWARCIsOneReject() throws {
        let directory = try Reading.directory(["empty.warc": "\r\n".bytes, "skips-only.warc": WARCFixture.request])
        let result = Reading.read([directory.path])
        #expect(result.codesByFile == ["empty.warc": ["no_articles"]])
        #expect(result.statistics.skippedRecords == ["warc request": 1])
    }

    @Test func gzippedWARCIsOneMemberPerRecord() throws {
        let records = [WARCFixture.request, WARCFixture.response, WARCFixture.metadata]
        let gz = records.flatMap { Gzip.compress($0) }
        let directory = try Reading.directory(["crawl.warc.gz": gz, "sniffed": gz])
        for name in ["crawl.warc.gz", "sniffed"] {
            let result = Reading.read([directory.appendingPathComponent(name).path])
            #expect(result.rejects.isEmpty)
            #expect(result.documents.map(\.id) == ["urn:uuid:resp-1"], "\(name)")
            #expect(result.statistics.totalSkipped == 2)
        }
    }

    @Test func truncatedGzipKeepsTheCompleteMembers() throws {
        let second = WARCFixture.record(type: "response", id: "resp-2", contentType: "application/http; msgtype=response",
                                        block: WARCFixture.httpResponse(WARCFixture.page))
        var gz = [WARCFixture.request, WARCFixture.response, second].flatMap { Gzip.compress($0) }
        gz.removeLast(40)
        let directory = try Reading.directory(["cut.warc.gz": gz])
        let result = Reading.read([directory.appendingPathComponent("cut.warc.gz").path])
        #expect(result.documents.map(\.id) == ["urn:uuid:resp-1"])
        #expect(result.rejects.map(\.reason.code.rawValue) == ["gzip_truncated"])
    }

    @Test func damagedRecordsAreReadAsFarAsTheyGoAndReadingGoesOn() throws {
        let lying = WARCFixture.record(type: "response", id: "liar", contentType: "application/http; msgtype=response",
                                       block: WARCFixture.httpResponse(WARCFixture.page), lengthDelta: -10)
        let tooLong = WARCFixture.record(type: "response", id: "long", contentType: "application/http; msgtype=response",
                                         block: WARCFixture.httpResponse(WARCFixture.page), lengthDelta: 500)
        var truncated = WARCFixture.response
        truncated.removeLast(30)
        let warc = lying + WARCFixture.response + tooLong + WARCFixture.metadata + truncated
        let directory = try Reading.directory(["faulty.warc": warc])
        let result = Reading.read([directory.appendingPathComponent("faulty.warc").path])
        // A length that ends inside the record, one that runs into the next record, and one past the end of the
        // file: each record is read as far as its bytes go (the liar at its declared length), and counted.
        #expect(result.rejects.isEmpty)
        #expect(result.documents.map(\.id) == ["urn:uuid:liar", "urn:uuid:resp-1", "urn:uuid:long", "urn:uuid:resp-1"])
        #expect(result.documents[2].bytes == WARCFixture.page)
        #expect(result.statistics.skippedRecords == ["warc metadata": 1])
        #expect(result.statistics.partial == ["warc record truncated": 2, "warc record with a wrong length": 1])
        // A damaged record whose HTTP message is unreadable is the damage's reject.
        let broken = WARCFixture.record(type: "response", id: "broken", contentType: "application/http; msgtype=response",
                                        block: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n".bytes, lengthDelta: -5)
        let rejected = DocumentStream.items(of: broken + WARCFixture.response, path: "b.warc").items
        guard case .reject(let reject)? = rejected.first else { return }
        #expect(reject.reason.code.rawValue == "warc_bad_length")
    }

    @Test func httpCharsetChunkingGzipAndStatusAreHonoured() throws {
        let latin1: [UInt8] = "<html><body><p>Caf".bytes + [0xE9] + " in Li".bytes + [0xE8] + "ge opened.</p></body></html>".bytes
        let chunked = "10\r\n".bytes + Array(WARCFixture.page[0..<16]) + "\r\n".bytes
            + String(WARCFixture.page.count - 16, radix: 16).bytes + "\r\n".bytes + Array(WARCFixture.page[16...]) + "\r\n0\r\n\r\n".bytes
        let records = [
            WARCFixture.record(type: "response", id: "latin1", contentType: "application/http; msgtype=response",
                               block: WARCFixture.httpResponse(latin1, contentType: "text/html; charset=ISO-8859-1")),
            WARCFixture.record(type: "response", id: "chunked", contentType: "application/http; msgtype=response",
                               block: WARCFixture.httpResponse(chunked, extraHeaders: "Transfer-Encoding: chunked\r\n")),
            WARCFixture.record(type: "response", id: "gzip", contentType: "application/http; msgtype=response",
                               block: WARCFixture.httpResponse(Gzip.compress(WARCFixture.page), extraHeaders: "Content-Encoding: gzip\r\n")),
            WARCFixture.record(type: "response", id: "moved", contentType: "application/http; msgtype=response",
                               block: WARCFixture.httpResponse([], status: "301 Moved Permanently")),
            WARCFixture.record(type: "response", id: "image", contentType: "application/http; msgtype=response",
                               block: WARCFixture.httpResponse([0x89, 0x50], contentType: "image/png")),
            WARCFixture.record(type: "warcinfo", id: "info", contentType: "application/warc-fields", block: "software: test\r\n".bytes),
        ]
        let directory = try Reading.directory(["mixed.warc": records.flatMap { $0 }])
        let result = Reading.read([directory.appendingPathComponent("mixed.warc").path])
        #expect(result.rejects.isEmpty)
        #expect(result.documents.map(\.id) == ["urn:uuid:latin1", "urn:uuid:chunked", "urn:uuid:gzip"])
        #expect(result.statistics.skippedRecords == ["warc response HTTP 3xx": 1, "warc response non-html": 1, "warc warcinfo": 1])
        #expect(try Reading.clean(result.documents[0]).text == "Café in Liège opened.")
        #expect(result.documents[1].bytes == WARCFixture.page)
        #expect(result.documents[2].bytes == WARCFixture.page)
    }
}

/// WARC as crawlers other than the team's write it: older versions, their own files, robots.txt, encodings, damage.
@Suite("WARC from crawlers")
struct WARCCrawlerTests {
    static func read(_ bytes: [UInt8], name: String = "crawl.warc") -> (items: [ReadItem], statistics: ReadStatistics) {
        DocumentStream.items(of: bytes, path: name)
    }

    static func documents(_ items: [ReadItem]) -> [RawDocument] {
        items.compactMap { if case .document(let raw) = $0 { raw } else { nil } }
    }

    static func codes(_ items: [ReadItem]) -> [String] {
        items.compactMap { if case .reject(let reject) = $0 { reject.reason.code.rawValue } else { nil } }
    }

    @Test func olderVersionsAreRead() {
        for version in ["0.17", "0.18", "1.0", "1.1"] {
            let record = WARCFixture.response.replacing(Array("WARC/1.1".utf8), with: Array("WARC/\(version)".utf8))
            let result = Self.read(record + record)
            #expect(Self.documents(result.items).count == 2, "WARC/\(version)")
            #expect(Self.codes(result.items).isEmpty, "WARC/\(version)")
        }
        #expect(FormatDetector.sniff(Array("WARC/0.17\r\n".utf8)) == .warc)
    }

    @Test func crawlerFilesRobotsAndRevisitsAreSkippedAndCounted() {
        let log = WARCFixture.record(type: "resource", id: "log", uri: "metadata://gnu.org/software/wget/warc/wget.log",
                                     contentType: "text/plain", block: "Opening WARC file.\n".bytes)
        let page = WARCFixture.record(type: "resource", id: "page", uri: "https://warc.example.org/page", contentType: "text/html",
                                      block: WARCFixture.page)
        let robots = WARCFixture.record(type: "response", id: "robots", uri: "https://warc.example.org/robots.txt",
                                        contentType: "application/http; msgtype=response",
                                        block: WARCFixture.httpResponse("User-agent: *\nDisallow:\n".bytes, contentType: "text/plain"))
        let revisit = WARCFixture.record(type: "revisit", id: "again", contentType: "application/http; msgtype=response",
                                         block: "HTTP/1.1 200 OK\r\n\r\n".bytes)
        let result = Self.read(log + page + robots + revisit + WARCFixture.response)
        #expect(Self.documents(result.items).map(\.id) == ["urn:uuid:page", "urn:uuid:resp-1"])
        #expect(result.statistics.skippedRecords == ["warc resource non-page": 1, "warc robots.txt": 1, "warc revisit": 1])
    }

    @Test func deflateAndBrotliBodiesAreDecoded() {
        let deflated = WARCFixture.record(type: "response", id: "deflate", contentType: "application/http; msgtype=response",
                                          block: WARCFixture.httpResponse(Self.zlibWrapped(WARCFixture.page),
                                                                          extraHeaders: "Content-Encoding: deflate\r\n"))
        let brotli = WARCFixture.record(type: "response", id: "br", contentType: "application/http; msgtype=response",
                                        block: WARCFixture.httpResponse(Self.brotliPage, extraHeaders: "Content-Encoding: br\r\n"))
        let result = Self.read(deflated + brotli)
        #expect(Self.codes(result.items).isEmpty)
        let documents = Self.documents(result.items)
        #expect(documents.first?.bytes == WARCFixture.page)
        #expect(documents.last.map { String(decoding: $0.bytes, as: UTF8.self) } == "<html><body><p>Brotli says hello to Gazette.</p></body></html>")
    }

    @Test func aCutRecordIsReadAsFarAsItGoes() {
        var cut = WARCFixture.response
        cut.removeLast(40)
        let result = Self.read(WARCFixture.request + cut)
        #expect(Self.codes(result.items).isEmpty)
        #expect(Self.documents(result.items).first.map { WARCFixture.page.starts(with: $0.bytes) } == true)
        #expect(result.statistics.partial == ["warc record truncated": 1])
        // A stray extra newline after a block is not a damaged record.
        var loose = WARCFixture.response
        loose.insert(0x0A, at: loose.count - 4)
        #expect(Self.documents(Self.read(loose + WARCFixture.metadata).items).count == 1)
    }

    @Test func aContradictedCharsetLosesToUTF8() {
        let body = "<html><body><p>41-\u{E5}rig fisker fra Bod\u{F8}.</p></body></html>".bytes
        let record = WARCFixture.record(type: "response", id: "nb", contentType: "application/http; msgtype=response",
                                        block: WARCFixture.httpResponse(body, contentType: "text/html; charset=iso-8859-1"))
        let result = Self.read(record)
        #expect(Self.documents(result.items).first?.charset == "utf-8")
        #expect(result.statistics.charsets == ["utf-8 over declaration": 1])
    }

    /// zlib's own wrapping (what HTTP `deflate` means) of `bytes`, stored (uncompressed blocks): valid deflate.
    static func zlibWrapped(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [0x78, 0x01, 0x01, UInt8(bytes.count & 0xFF), UInt8(bytes.count >> 8),
                               UInt8(~bytes.count & 0xFF), UInt8((~bytes.count >> 8) & 0xFF)]
        output += bytes
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let adler = b << 16 | a
        output += [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)]
        return output
    }

    /// `brotli.compress(b"<html><body><p>Brotli says hello to Gazette.</p></body></html>")`.
    static let brotliPage: [UInt8] = [
        27, 61, 0, 248, 29, 135, 177, 155, 165, 85, 177, 185, 253, 33, 233, 13, 239, 103, 57, 60, 158, 219, 177, 162,
        72, 201, 165, 94, 224, 146, 206, 199, 165, 7, 161, 69, 23, 161, 180, 40, 192, 164, 163, 17, 33, 116, 137, 92,
        92, 119, 84, 198, 97, 105, 22, 243, 167, 99, 112, 2,
    ]
}
