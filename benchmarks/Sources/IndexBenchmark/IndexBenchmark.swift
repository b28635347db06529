import ArgumentParser
import Foundation
import GazetteCore
import GazetteIndex

/// `make bench-index`: synthesises annotated documents from annotated seed articles, indexes them into a fresh
/// SQLite index, times searches, and appends the figures to benchmarks/RESULTS.md.
@main
struct IndexBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "IndexBenchmark",
        abstract: "Time `gazette index` and `gazette search` on synthesised annotated documents.")

    @Option(help: "Annotated JSONL to synthesise from (output of `make annotate`).")
    var seed = "out/annotated.jsonl"

    @Option(help: "Documents to synthesise and index.")
    var documents = 10_000

    @Option(help: "Index file to create (deleted first).")
    var db = "benchmarks/work/index-bench.sqlite"

    @Option(help: "Runs per search; the median is reported.")
    var runs = 50

    @Option(help: "Markdown file to append the results to; empty for none.")
    var results = "benchmarks/RESULTS.md"

    @Option(help: "The command line to record with the results.")
    var command = "make bench-index"

    func run() throws {
        let seeds = try ArticleFileReader(path: seed).map { try $0.get() }
        guard !seeds.isEmpty else { throw ValidationError("no documents in \(seed): run `make annotate` first") }
        let corpus = Synthesiser(seeds: seeds).documents(count: documents)
        let textBytes = corpus.reduce(0) { $0 + $1.text.utf8.count }
        let entityCount = corpus.reduce(0) { $0 + $1.entities.count }
        let relationCount = corpus.reduce(0) { $0 + $1.relations.count }

        try? FileManager.default.createDirectory(
            atPath: (db as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }

        // Indexing: open (creates the schema), batched upserts, close (checkpoints the WAL).
        let clock = ContinuousClock()
        let indexingCPU = Self.cpuSeconds()
        let indexing = try clock.measure {
            let index = try SearchIndex(path: db)
            let batcher = IndexBatcher(index: index, batchSize: 500)
            for document in corpus { try batcher.add(document) }
            try batcher.flush()
            try index.close()
        }
        let indexingCPUSeconds = Self.cpuSeconds() - indexingCPU
        // Re-indexing the same documents: every one replaces itself.
        let reindexingCPU = Self.cpuSeconds()
        let reindexing = try clock.measure {
            let index = try SearchIndex(path: db)
            let batcher = IndexBatcher(index: index, batchSize: 500)
            for document in corpus { try batcher.add(document) }
            try batcher.flush()
            try index.close()
        }
        let reindexingCPUSeconds = Self.cpuSeconds() - reindexingCPU
        let index = try SearchIndex(path: db)
        let counts = try index.counts()
        guard counts.documents == corpus.count else {
            throw ValidationError("index holds \(counts.documents) documents, expected \(corpus.count)")
        }
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0

        // Searches: the most frequent person and country kb of the corpus make realistic filters.
        let person = Self.mostFrequentKB(corpus, type: .person) ?? "person:none"
        let country = Self.mostFrequentKB(corpus, type: .country) ?? "country:none"
        let queries: [(String, String, SearchQuery)] = [
            ("filtered: text + entity + relation + date range",
             "summit --entity \(person) --relation leader_of --since 2025-03-01 --until 2025-09-30",
             SearchQuery(text: "summit", entities: [person], relations: [.leaderOf], since: "2025-03-01",
                         until: "2025-09-30")),
            ("two co-occurring entities, newest first", "--entity \(person) --entity \(country)",
             SearchQuery(entities: [person, country])),
            ("phrase", "'\"prime minister\"'", SearchQuery(text: "\"prime minister\"")),
            ("filtered with --facets", "summit --entity \(person) --since 2025-03-01 --facets",
             SearchQuery(text: "summit", entities: [person], since: "2025-03-01", facets: true)),
        ]
        var timings: [(String, String, Int, Double, Double)] = []
        for (name, arguments, query) in queries {
            _ = try index.search(query)
            var samples: [Double] = []
            var cpuSamples: [Double] = []
            var total = 0
            for _ in 0..<runs {
                var result: SearchResult?
                let cpu = Self.cpuSeconds()
                let duration = try clock.measure { result = try index.search(query) }
                cpuSamples.append((Self.cpuSeconds() - cpu) * 1000)
                total = result?.total ?? 0
                samples.append(duration.milliseconds)
            }
            samples.sort()
            cpuSamples.sort()
            timings.append((name, arguments, total, samples[samples.count / 2], cpuSamples[cpuSamples.count / 2]))
        }
        try index.close()

        var report = """

            ## Search index (`gazette index` / `gazette search`), \(Self.today())

            - Machine: \(Self.machine())
            - Command: `\(command)` (release build, `taskset -c 0`: one core)
            - Corpus: \(corpus.count) documents synthesised from the \(seeds.count) annotated articles of `\(seed)` \
            (3–6 of their paragraphs each, with their entities and relations): \
            \(String(format: "%.1f", Double(textBytes) / 1_048_576)) MiB of text, \(entityCount) entities, \
            \(relationCount) relations
            - Index: `\(db)`, \(String(format: "%.1f", Double(fileSize) / 1_048_576)) MiB after closing

            | what | wall time | CPU time |
            |---|---|---|
            | index \(corpus.count) documents into a new file (batches of 500) | \(Self.seconds(indexing)) | \(String(format: "%.2f s", indexingCPUSeconds)) |
            | re-index the same \(corpus.count) documents (each replaces itself) | \(Self.seconds(reindexing)) | \(String(format: "%.2f s", reindexingCPUSeconds)) |

            | search (limit 10) | arguments | matches | median wall time of \(runs) | median CPU time |
            |---|---|---|---|---|

            """
        for (name, arguments, total, median, cpu) in timings {
            report += "| \(name) | `\(arguments)` | \(total) | \(String(format: "%.2f ms", median)) | \(String(format: "%.2f ms", cpu)) |\n"
        }
        report += "\nLoad average when the run ended: \(Self.loadAverage()) (other processes share the machine; CPU time is this process's own).\n"
        print(report)
        if !results.isEmpty {
            let url = URL(fileURLWithPath: results)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: results) {
                try "# Benchmark results\n\nEach section is appended by a benchmark run; newest last.\n"
                    .write(to: url, atomically: true, encoding: .utf8)
            }
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(report.utf8))
            try handle.close()
        }
    }

    static func mostFrequentKB(_ documents: [Document], type: EntityType) -> String? {
        var counts: [String: Int] = [:]
        for document in documents {
            for kb in Set(document.entities.filter { $0.type == type }.compactMap(\.kb)) { counts[kb, default: 0] += 1 }
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// CPU time (user + system) this process has used, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3)
            .joined(separator: " ")
    }

    static func seconds(_ duration: Duration) -> String { String(format: "%.2f s", duration.milliseconds / 1000) }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }

    /// "N cores (nproc), CPU model" from the system.
    static func machine() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
            ?? "unknown CPU"
        return "\(cores) cores (nproc), \(model)"
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
