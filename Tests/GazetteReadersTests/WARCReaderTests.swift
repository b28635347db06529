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
        #expect(document.source.format == "warc")
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
        #expect(result.rejects.map(\.reason.code) == ["gzip_truncated"])
    }

    @Test func truncatedRecordAndLyingLengthAreRejectedAndReadingGoesOn() throws {
        let lying = WARCFixture.record(type: "response", id: "liar", contentType: "application/http; msgtype=response",
                                       block: WARCFixture.httpResponse(WARCFixture.page), lengthDelta: -10)
        let tooLong = WARCFixture.record(type: "response", id: "long", contentType: "application/http; msgtype=response",
                                         block: WARCFixture.httpResponse(WARCFixture.page), lengthDelta: 500)
        var truncated = WARCFixture.response
        truncated.removeLast(30)
        let warc = lying + WARCFixture.response + tooLong + WARCFixture.metadata + truncated
        let directory = try Reading.directory(["faulty.warc": warc])
        let result = Reading.read([directory.appendingPathComponent("faulty.warc").path])
        #expect(result.rejects.map(\.reason.code) == ["warc_bad_length", "warc_bad_length", "warc_truncated"])
        #expect(result.rejects.map(\.id) == ["urn:uuid:liar", "urn:uuid:long", "urn:uuid:resp-1"])
        #expect(result.documents.map(\.id) == ["urn:uuid:resp-1"])
        #expect(result.statistics.skippedRecords == ["warc metadata": 1])
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
