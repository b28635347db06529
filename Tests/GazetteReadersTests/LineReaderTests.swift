import Foundation
@testable import GazetteReaders
import GazetteTestSupport
import Testing

/// Lines handed out as slices of the chunk they were read into must stay what they were while reading goes on.
@Suite("Line reader")
struct LineReaderTests {
    /// Lines of every length around small chunk sizes, blank lines and a torn last line, read by slice and by copy.
    @Test func slicesKeepTheirBytesAcrossChunksOfEverySize() throws {
        var generator = SeededGenerator(seed: 99)
        var lines: [[UInt8]] = []
        for length in [0, 1, 2, 5, 7, 8, 9, 15, 16, 17, 40, 100, 0, 3, 250] + (0..<60).map({ _ in Int.random(in: 0...30, using: &generator) }) {
            lines.append((0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) })
        }
        let directory = try Repository.temporaryDirectory()
        for torn in [false, true] {
            var bytes: [UInt8] = lines.flatMap { line -> [UInt8] in line + [0x0A] }
            if torn { bytes += Array("torn".utf8) }
            let path = directory.appendingPathComponent("lines-\(torn).jsonl").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let expected = lines + (torn ? [Array("torn".utf8)] : [])
            for chunkSize in [1, 2, 3, 7, 8, 16, 64, 1 << 20] {
                let descriptor = open(path, O_RDONLY)
                #expect(descriptor >= 0)
                let reader = LineReader(descriptor: descriptor, owns: true, chunkSize: chunkSize)
                var slices: [ArraySlice<UInt8>] = []
                while let line = reader.nextLineSlice() {
                    #expect(Array(line) == expected[min(slices.count, expected.count - 1)], "chunk \(chunkSize) line \(slices.count)")
                    slices.append(line)
                }
                #expect(slices.map { Array($0) } == expected, "chunk \(chunkSize)")
                #expect(reader.consumed == bytes.count)
                #expect(reader.lastLineTerminated == !torn)
                let copying = LineReader(descriptor: open(path, O_RDONLY), owns: true, chunkSize: chunkSize)
                var copies: [[UInt8]] = []
                while let line = copying.nextLine() { copies.append(line) }
                #expect(copies == expected)
            }
            // What is left after the lines read so far, whole.
            let rest = LineReader(descriptor: open(path, O_RDONLY), owns: true, chunkSize: 5)
            _ = rest.nextLineSlice()
            let first = expected[0].count + 1
            #expect(rest.readRest() == Array(bytes[first...]))
            #expect(rest.consumed == bytes.count)
        }
    }
}
