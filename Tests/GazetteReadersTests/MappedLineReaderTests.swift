import Foundation
import GazetteCore
@testable import GazetteReaders
import GazetteTestSupport
import Testing

/// Regular JSONL files are read from a mapping (`MappedLineReader`); everything else keeps `LineReader`. Both
/// must give the same lines, and the stream the same items, whichever reads a file.
@Suite("Mapped line reader")
struct MappedLineReaderTests {
    /// Every line a source gives, copied once all are read (pages the mapped reader released behind are
    /// faulted in again).
    static func lines(_ source: any LineSource) -> [[UInt8]] {
        var lines: [RecordBytes] = []
        while let line = source.nextLineBytes() { lines.append(line) }
        return lines.map(\.array)
    }

    static func mapped(_ path: String) throws -> MappedLineReader {
        let source = try #require(openLineSource(path: path))
        return try #require(source as? MappedLineReader, "a regular file that is not empty is mapped")
    }

    static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = try Repository.temporaryDirectory().appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Random line lengths (blank lines, CR before LF, lines longer than the populate window included),
    /// with and without a newline after the last line: the mapping gives LineReader's lines and counts.
    @Test func linesEqualTheLineReadersForRandomLineLengths() throws {
        var generator = SeededGenerator(seed: 2024)
        var lines: [[UInt8]] = [[], [0x0D], Array(" \t".utf8)]
        for _ in 0..<400 {
            let length = Int.random(in: 0...(Bool.random(using: &generator) ? 8 : 3000), using: &generator)
            var line = (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
            if Int.random(in: 0..<5, using: &generator) == 0 { line.append(0x0D) }
            lines.append(line)
        }
        // One line longer than the window, so that a line starts past the populated pages.
        lines.insert([UInt8](repeating: 0x61, count: MappedLineReader.window + 12_345), at: 200)
        for terminated in [true, false] {
            var bytes: [UInt8] = lines.flatMap { line -> [UInt8] in line + [0x0A] }
            if !terminated { bytes.removeLast() }
            let path = try Self.write(bytes, "random-\(terminated).jsonl")
            let mapped = try Self.mapped(path)
            let reader = try #require(LineReader(path: path))
            let mappedLines = Self.lines(mapped)
            #expect(mappedLines == Self.lines(reader))
            #expect(mappedLines == lines)
            #expect(mapped.consumed == bytes.count)
            #expect(mapped.consumed == reader.consumed)
            #expect(mapped.lastLineTerminated == terminated)
            #expect(mapped.lastLineTerminated == reader.lastLineTerminated)
            #expect(mapped.nextLineBytes() == nil, "the end stays the end")
        }
    }

    /// Small files at the edges: one newline, one byte, a last line without a newline, a trailing blank line.
    @Test func edgeFilesGiveLineReadersLines() throws {
        for (number, text) in ["\n", "x", "a\nb", "a\n\n", "\r\n", "a\r\nb\r\n", "\n\nlast"].enumerated() {
            let path = try Self.write(Array(text.utf8), "edge-\(number).jsonl")
            let mapped = try Self.mapped(path)
            let reader = try #require(LineReader(path: path))
            #expect(Self.lines(mapped) == Self.lines(reader), "\(text.debugDescription)")
            #expect(mapped.consumed == text.utf8.count)
            #expect(mapped.lastLineTerminated == reader.lastLineTerminated)
        }
    }

    /// Lines stay readable after their reader is gone: each holds the mapping.
    @Test func linesKeepTheMappingAlive() throws {
        let path = try Self.write(Array("one\ntwo\nthree".utf8), "alive.jsonl")
        var kept: [RecordBytes] = []
        do {
            let mapped = try Self.mapped(path)
            while let line = mapped.nextLineBytes() { kept.append(line) }
        }
        #expect(kept.map { String(decoding: $0.array, as: UTF8.self) } == ["one", "two", "three"])
    }

    /// An empty file and a device cannot be mapped: they are read by a LineReader, which finds no line.
    @Test func emptyFilesAndDevicesFallBackToTheLineReader() throws {
        let empty = try Self.write([], "empty.jsonl")
        for path in [empty, "/dev/null"] {
            let source = try #require(openLineSource(path: path))
            #expect(source is LineReader, "\(path)")
            #expect(source.nextLineBytes() == nil)
            #expect(source.consumed == 0)
        }
        #expect(openLineSource(path: empty + ".missing") == nil)
        let result = Reading.read([empty])
        #expect(result.items.isEmpty)
        #expect(result.statistics.files == 1)
    }

    /// A FIFO named .jsonl is not mapped and opened only once: its writer's lines all arrive.
    @Test func aFIFOIsReadByTheLineReader() throws {
        let path = try Repository.temporaryDirectory().appendingPathComponent("pipe.jsonl").path
        #expect(mkfifo(path, 0o600) == 0)
        let text = "{\"id\":\"a\",\"text\":\"Alpha.\"}\n\n{\"id\":\"b\",\"text\":\"Beta.\"}"
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { return }
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        writer.start()
        let result = Reading.read([path])
        #expect(result.documents.map(\.id) == ["a", "b"])
        #expect(result.rejects.isEmpty)
    }

    /// A JSONL file read through the mapping, by `next` and by `nextRecord` (read later, as a worker would),
    /// gives the items of the same bytes read in memory, and counts the same bytes.
    @Test func mappedFilesGiveTheItemsOfTheSameBytesInMemory() throws {
        let text = """
            {"id":"a","title":"First","text":"Alpha sentence.","published":"2024-01-02"}\r
            \t \r
            {"id":"b","html":"<p>Beta</p>"}
            not json
            {"id":"a","text":"A repeated id."}
            {"id":7,"text":"A number id, read by the general parser."}
            {"text":"no newline after this one"}
            """
        let bytes = Array(text.utf8)
        let path = try Self.write(bytes, "records.jsonl")
        let expected = DocumentStream.items(of: bytes, path: path).items.map(Self.describe)
        #expect(expected.count == 6)
        #expect(Reading.read([path]).items.map(Self.describe) == expected)

        var iterator = DocumentStream(inputs: [path]).makeIterator()
        var pending: [PendingRecord] = []
        while let record = iterator.nextRecord() {
            if pending.isEmpty { #expect(iterator.stream is MappedLineReader) }
            guard case .pending(let record) = record else {
                Issue.record("a JSONL line comes unread")
                continue
            }
            pending.append(record)
        }
        #expect(iterator.bytesConsumed == bytes.count)
        var duplicates = DuplicateIDFilter()
        let items = pending.map { record in
            let (item, claim, _) = record.read()
            return duplicates.admit(item, claim: claim)
        }
        #expect(items.map(Self.describe) == expected)
    }

    /// Enough of an item to compare two reads of it.
    static func describe(_ item: ReadItem) -> String {
        switch item {
        case .document(let raw):
            "doc \(raw.id) \(raw.source) \(raw.format) \(raw.title ?? "-") \(raw.published ?? "-") \(String(decoding: raw.bytes, as: UTF8.self))"
        case .reject(let reject):
            "reject \(reject.id) \(reject.source) \(reject.reason.code) \(reject.reason.message)"
        }
    }
}
