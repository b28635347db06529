import FlyingFox
import FlyingSocks
import Foundation
import GazetteServe
import Testing

/// The lines a server logged.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

@Suite("The HTTP server")
struct ServerHTTPTests {
    /// Sends one request to the server on loopback and returns status, headers and body.
    func fetch(_ target: String, port: UInt16, method: HTTPMethod = .GET) async throws -> (Int, HTTPHeaders, String) {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        var client = HTTPClient()
        let response = try await client.sendHTTPRequest(
            HTTPRequest(method: method, version: .http11, target: .init(path: parts[0], query: parts.count > 1 ? parts[1] : ""),
                        headers: [.host: "127.0.0.1", .connection: "close"], body: HTTPBodySequence(data: Data())),
            to: try sockaddr_in.inet(ip4: "127.0.0.1", port: port))
        let body = try await response.bodyData
        return (response.statusCode.code, response.headers, String(decoding: body, as: UTF8.self))
    }

    @Test func servesPagesOnLoopbackWithSafeHeadersAndLogsEachRequest() async throws {
        let built = try ServeFixtures.built.get()
        let log = LogLines()
        let server = try BrowserServer(app: built.app, host: "127.0.0.1", port: 0) { log.append($0) }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let port = try await server.waitUntilListening()
        #expect(port > 0)

        let (status, headers, body) = try await fetch("/search?q=summit&type=PERSON", port: port)
        #expect(status == 200)
        #expect(headers[.contentType] == "text/html; charset=utf-8")
        #expect(headers[HTTPHeader("Content-Security-Policy")]?.contains("default-src 'none'") == true)
        #expect(headers[HTTPHeader("X-Content-Type-Options")] == "nosniff")
        #expect(body.hasPrefix("<!DOCTYPE html>"))
        #expect(body.contains("matching article"))

        let (api, apiHeaders, json) = try await fetch("/api/search?q=summit&limit=1", port: port)
        #expect(api == 200)
        #expect(apiHeaders[.contentType] == "application/json; charset=utf-8")
        #expect(json.hasPrefix("{\"total\":"))

        let article = try #require(links(withClass: "title", in: body).first)
        #expect(try await fetch(article, port: port).0 == 200)
        #expect(try await fetch("/entity?kb=person%3Aemmanuel-macron", port: port).0 == 200)
        #expect(try await fetch("/search?size=0", port: port).0 == 400)
        #expect(try await fetch("/article?id=missing", port: port).0 == 404)
        #expect(try await fetch("/search", port: port, method: .POST).0 == 405)

        await server.stop()
        let lines = log.all
        #expect(lines.count == 7)
        #expect(lines.first?.hasPrefix("127.0.0.1 GET /search?q=summit&type=PERSON 200 ") == true)
        #expect(lines.contains { $0.contains(" /article?id=missing 404 ") })
    }

    @Test func bindsToLoopbackByDefault() throws {
        let server = try BrowserServer(app: try ServeFixtures.built.get().app, port: 0) { _ in }
        #expect(server.host == "127.0.0.1")
    }
}
