import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
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
    /// Sends one request to the server on loopback and returns status, headers (names in lower case) and body.
    /// URLSession with a long timeout rather than FlyingFox's client, whose connect gives up after 5 s: under the
    /// sanitizers, with every suite running at once on two cores, the server's tasks can wait longer than that.
    func fetch(_ target: String, port: UInt16, method: String = "GET") async throws -> (Int, [String: String], String) {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(target)")), timeoutInterval: 300)
        request.httpMethod = method
        request.setValue("close", forHTTPHeaderField: "Connection")
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return (http.statusCode, headers, String(decoding: data, as: UTF8.self))
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
        #expect(headers["content-type"] == "text/html; charset=utf-8")
        #expect(headers["content-security-policy"]?.contains("default-src 'none'") == true)
        #expect(headers["x-content-type-options"] == "nosniff")
        #expect(body.hasPrefix("<!DOCTYPE html>"))
        #expect(body.contains("matching article"))

        let (api, apiHeaders, json) = try await fetch("/api/search?q=summit&limit=1", port: port)
        #expect(api == 200)
        #expect(apiHeaders["content-type"] == "application/json; charset=utf-8")
        #expect(json.hasPrefix("{\"total\":"))

        let article = try #require(links(withClass: "title", in: body).first)
        #expect(try await fetch(article, port: port).0 == 200)
        #expect(try await fetch("/entity?kb=person%3Aemmanuel-macron", port: port).0 == 200)
        #expect(try await fetch("/search?size=0", port: port).0 == 400)
        #expect(try await fetch("/article?id=missing", port: port).0 == 404)
        #expect(try await fetch("/search", port: port, method: "POST").0 == 405)

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
