import Foundation
import GazetteZlib
import Testing

@Suite struct GzipTests {
    @Test func roundTripsInPieces() throws {
        let writer = try GzipWriter()
        var compressed: [UInt8] = []
        var original: [UInt8] = []
        for index in 0..<5000 {
            let line = Array("{\"id\":\"doc-\(index)\",\"text\":\"Président Macron à Paris \(index * 7919)\"}\n".utf8)
            original += line
            compressed += try writer.compress(line)
        }
        compressed += try writer.finish()
        #expect(compressed.starts(with: [0x1F, 0x8B]))
        #expect(compressed.count < original.count / 3)
        #expect(try GzipReader.decompress(compressed) == original)
    }

    @Test func flushMakesEverythingSoFarReadable() throws {
        let writer = try GzipWriter()
        let first = Array("first line\n".utf8)
        let head = try writer.flush(first)
        #expect(try GzipReader.decompress(head, allowTruncated: true) == first)
        #expect(throws: GzipError.self) { try GzipReader.decompress(head) }
    }

    @Test func gzipCommandReadsIt() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/gzip") else { return }
        let writer = try GzipWriter(level: 1)
        let text = Array(String(repeating: "Zelensky sprak in Den Haag.\n", count: 1000).utf8)
        let bytes = try writer.compress(text) + writer.finish()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect([UInt8](result) == text)
    }
}
