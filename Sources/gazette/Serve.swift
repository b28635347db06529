import ArgumentParser
import Foundation
import GazetteIndex
import GazetteServe

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Browse an index made by `gazette index` in a web browser.",
        discussion: """
            Pages: /search (full-text query, entity, type, relation and date filters, facets that narrow the \
            search, snippets with matches marked, paging), /article?id=ID (the article with its entities, \
            relations and quotes), /entity?kb=KB (the articles that mention an entity, the entities it co-occurs \
            with, the relations stated about it over time) and /api/search (the JSON of `gazette search --json`, \
            with limit, page, facets=1 and facet-size). The index is opened read-only; the server listens on \
            127.0.0.1 unless --host says otherwise, and logs one line per request to standard error.
            """)

    @Option(help: ArgumentHelp("The index file.", valueName: "file"))
    var db: String

    @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "n"))
    var port: UInt16 = 8080

    @Option(help: ArgumentHelp(
        "The address to listen on: 127.0.0.1 (default, this machine only), ::1, or 0.0.0.0 to let other machines in.",
        valueName: "address"))
    var host = "127.0.0.1"

    func run() throws {
        let server: BrowserServer
        do {
            let index = try IndexReader(path: db)
            server = try BrowserServer(app: try BrowserApp(index: index), host: host, port: port) { line in
                printError(line)
            }
        } catch {
            printError("gazette: \(error)")
            throw ExitCode.failure
        }
        // The command line is synchronous: the server runs on the concurrency pool while this thread waits.
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        let host = host, port = port, db = db
        Task {
            do {
                async let serving: Void = server.run()
                let listening = try await server.waitUntilListening()
                let shown = host.contains(":") ? "[\(host)]" : host
                printError("gazette: serving \(db) at http://\(shown):\(listening)/ (Ctrl-C stops)")
                try await serving
            } catch {
                outcome.set("cannot serve on \(host):\(port): \(error)")
            }
            done.signal()
        }
        done.wait()
        if let failure = outcome.get() {
            printError("gazette: \(failure)")
            throw ExitCode.failure
        }
    }
}

/// The error message of a server run, set on the concurrency pool and read by the waiting command thread.
final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?

    func set(_ text: String) { lock.withLock { message = text } }
    func get() -> String? { lock.withLock { message } }
}
