import Foundation
import GazetteCore
import GazetteOutput
import GazettePipeline
import GazetteTestSupport
import GazetteZlib
import Testing

@Suite("Line sink")
struct LineSinkTests {
    /// A block of article lines, some far longer than the sink's buffer.
    static func block() -> (LineBlock, [String]) {
        var builder = LineBlockBuilder(capacity: 0)
        var lines: [String] = []
        for (index, length) in [10, 200, 90_000, 5, 300_000, 40, 70_000, 1].enumerated() {
            let document = Document(id: "d\(index)", source: SourceLocator(path: "p", format: .text, index: index),
                                    url: nil, title: nil, published: nil, language: nil,
                                    text: String(repeating: "word ", count: length / 5 + 1))
            ArticleEncoder().append(document, asOf: "2025-09-04", to: &builder)
            lines.append(ArticleEncoder().encode(document, asOf: "2025-09-04"))
        }
        return (builder.finish(), lines)
    }

    /// Runs of lines of a block, small (through the buffer) and large (written straight from the block), between
    /// single lines: the file holds every line once, in the order written, and the sink counts them.
    @Test(arguments: ["out.jsonl", "out.jsonl.gz"])
    func blockRunsAndSingleLinesKeepTheirOrder(name: String) throws {
        let directory = try Repository.temporaryDirectory()
        let path = directory.appendingPathComponent(name).path
        let (block, lines) = Self.block()
        let sink = try LineSink(.file(path))
        var expected: [String] = []
        try sink.write("first")
        expected.append("first")
        for run in [0..<2, 2..<3, 3..<3, 3..<5, 5..<6, 6..<8] {
            try sink.write(block, lines: run)
            expected += lines[run]
            try sink.write("after \(run)")
            expected.append("after \(run)")
        }
        #expect(sink.lines == expected.count)
        try sink.close()
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        if name.hasSuffix(".gz") { bytes = try GzipReader.decompress(bytes) }
        let expectedBytes = Array(expected.map { $0 + "\n" }.joined().utf8)
        // Compared as a whole, without printing megabytes of lines when they differ.
        let same = bytes == expectedBytes
        #expect(same, "the file (\(bytes.count) bytes) is not the lines written (\(expectedBytes.count) bytes)")
    }
}
