import FlyingFox
import FlyingSocks
import Foundation

/// Serves a `BrowserApp` over HTTP/1.1 (FlyingFox) on one address, loopback unless told otherwise, and writes one
/// log line per request: client, method, target, status, milliseconds, bytes.
public final class BrowserServer: Sendable {
    public let app: BrowserApp
    public let host: String
    private let server: HTTPServer

    /// A server for `app` on `host` (an IPv4 or IPv6 address) and `port` (0: any free port). `log` receives the
    /// request lines.
    public init(app: BrowserApp, host: String = "127.0.0.1", port: UInt16 = 8080,
                log: @escaping @Sendable (String) -> Void) throws {
        self.app = app
        self.host = host
        let address: any SocketAddress = host.contains(":")
            ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        server = HTTPServer(address: address, timeout: 15, logger: .disabled, handler: Handler(app: app, log: log))
    }

    /// Runs until `stop()` or cancellation.
    public func run() async throws { try await server.run() }

    /// Waits until the socket listens (up to a minute: a loaded machine may be slow to run the server's task),
    /// then returns the port it listens on.
    public func waitUntilListening() async throws -> UInt16 {
        try await server.waitUntilListening(timeout: 60)
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: throw BadRequest("the server listens on no IP address")
        }
    }

    /// Closes the listening socket and the connections.
    public func stop() async { await server.stop(timeout: 1) }

    /// Turns FlyingFox requests into `BrowserRequest`s and the app's answers into responses.
    struct Handler: HTTPHandler {
        let app: BrowserApp
        let log: @Sendable (String) -> Void

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            let started = ContinuousClock.now
            let method = request.method.rawValue
            let browserRequest = BrowserRequest(
                method: method, path: request.target.path(percentEncoded: false),
                rawQuery: request.target.query(percentEncoded: true))
            let answer = app.respond(to: browserRequest)
            let body = method == "HEAD" ? Data() : Data(answer.body.utf8)
            var headers = HTTPHeaders()
            for (name, value) in answer.headers { headers[HTTPHeader(name)] = value }
            if method == "HEAD" { headers[HTTPHeader("Content-Length")] = String(answer.body.utf8.count) }
            let elapsed = ContinuousClock.now - started
            let milliseconds = Double(elapsed.components.attoseconds / 1_000_000_000_000) / 1000
                + Double(elapsed.components.seconds) * 1000
            log(Self.logLine(client: request.remoteAddress, method: method, target: request.target.rawValue,
                             status: answer.status.rawValue, milliseconds: milliseconds, bytes: answer.body.utf8.count))
            return HTTPResponse(statusCode: HTTPStatusCode(answer.status.rawValue, phrase: answer.status.reason),
                                headers: headers, body: body)
        }

        /// `127.0.0.1 GET /search?q=x 200 3.1 ms 5120 B`, control characters in the target escaped.
        static func logLine(client: HTTPRequest.Address?, method: String, target: String, status: Int,
                            milliseconds: Double, bytes: Int) -> String {
            let who: String
            switch client {
            case .ip4(let address, _), .ip6(let address, _): who = address
            default: who = "-"
            }
            var safeTarget = ""
            for scalar in target.prefix(2000).unicodeScalars {
                if scalar.value < 0x20 || scalar.value == 0x7F { safeTarget += "%" + String(scalar.value, radix: 16) } else { safeTarget.unicodeScalars.append(scalar) }
            }
            let tenths = (milliseconds * 10).rounded() / 10
            return "\(who) \(method) \(safeTarget) \(status) \(tenths) ms \(bytes) B"
        }
    }
}
