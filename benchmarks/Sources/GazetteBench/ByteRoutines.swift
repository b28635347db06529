import ArgumentParser
import Foundation
import GazetteBytes

/// `gazette-bench bytes`: each GazetteBytes routine against its plain reference, in MB/s over the texts of a
/// JSONL file concatenated.
struct ByteRoutines: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bytes", abstract: "Time GazetteBytes routines against their plain references (MB/s); print JSON.")

    @Option(help: "JSONL file whose `text` fields are the benchmark texts.") var texts: String
    @Option(help: "Use only the first N texts.") var limit: Int?
    @Option(help: "Passes over the bytes; the best pass counts.") var passes: Int = 5

    func run() throws {
        let corpus = try loadTexts(texts, limit: limit)
        let bytes = Array(corpus.joined(separator: "\n").utf8)
        let megabytes = Double(bytes.count) / 1_048_576
        var results: [String: Double] = [:]
        var sink = 0
        /// The best MB/s of `passes` runs of `body`.
        func measure(_ name: String, _ body: () -> Int) {
            var best = Double.infinity
            for _ in 0..<passes { best = min(best, seconds { sink &+= body() }) }
            results[name] = (megabytes / best * 10).rounded() / 10
        }
        bytes.withUnsafeBufferPointer { buffer in
            measure("isASCII.reference") { buffer.allSatisfy { $0 < 0x80 } ? 1 : 0 }
            measure("isASCII.fast") { ByteScan.isASCII(buffer) ? 1 : 0 }
            measure("scalarCount.reference") { buffer.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
            measure("scalarCount.fast") { ByteScan.scalarCount(buffer) }
            // Every line break, found one after another.
            measure("lineBreaks.reference") {
                var count = 0, index = 0
                while index < buffer.count {
                    index = (index..<buffer.count).first { buffer[$0] == 0x0A } ?? buffer.count
                    count += 1
                    index += 1
                }
                return count
            }
            measure("lineBreaks.memchr") {
                var count = 0, index = 0
                while index < buffer.count {
                    index = ByteScan.firstOffset(of: 0x0A, in: buffer, from: index) + 1
                    count += 1
                }
                return count
            }
            // Quotes, backslashes, control and non-ASCII bytes (the JSON plain-run test).
            func special(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 }
            measure("specialBytes.reference") { buffer.reduce(0) { $0 + (special($1) ? 1 : 0) } }
            measure("specialBytes.fast") {
                var count = 0, index = 0
                while index < buffer.count {
                    index = ByteScan.firstOffset(in: buffer, from: index) {
                        ByteWord.equal($0, 0x22) | ByteWord.equal($0, 0x5C) | ByteWord.below($0, 0x20) | ByteWord.nonASCII($0)
                    } + 1
                    count += 1
                }
                return count
            }
            measure("utf8Validation.reference") {
                var iterator = buffer.makeIterator()
                var decoder = UTF8()
                while true {
                    switch decoder.decode(&iterator) {
                    case .scalarValue: continue
                    case .emptyInput: return 1
                    case .error: return 0
                    }
                }
            }
            measure("utf8Validation.fast") { UTF8Validation.isValid(buffer) ? 1 : 0 }
            measure("fnv1a") { Int(truncatingIfNeeded: FNV1a.hash(buffer)) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        measure("scalars.reference") { Array(text.unicodeScalars).count }
        measure("scalars.fast") { UTF8Decoding.scalars(of: text).count }
        results["megabytes"] = (megabytes * 10).rounded() / 10
        let json = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: json, as: UTF8.self))
        if sink == 42 { print("") }
    }
}
