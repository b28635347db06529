import GazetteBrotli
import Testing

@Suite struct BrotliTests {
    /// `brotli.compress(b"<html><body><p>Brotli says hello to Gazette.</p></body></html>")` (Python brotli 1.x).
    static let compressed: [UInt8] = [
        27, 61, 0, 248, 29, 135, 177, 155, 165, 85, 177, 185, 253, 33, 233, 13, 239, 103, 57, 60, 158, 219, 177, 162,
        72, 201, 165, 94, 224, 146, 206, 199, 165, 7, 161, 69, 23, 161, 180, 40, 192, 164, 163, 17, 33, 116, 137, 92,
        92, 119, 84, 198, 97, 105, 22, 243, 167, 99, 112, 2,
    ]
    static let original = Array("<html><body><p>Brotli says hello to Gazette.</p></body></html>".utf8)

    @Test func decompressesAStream() {
        let result = Brotli.decompress(Self.compressed)
        #expect(result.error == nil)
        #expect(result.bytes == Self.original)
    }

    @Test func truncatedStreamKeepsWhatWasDecoded() {
        let result = Brotli.decompress(Array(Self.compressed.prefix(40)))
        #expect(result.error?.kind == .truncated)
        #expect(Self.original.starts(with: result.bytes))
    }

    @Test func garbageIsCorrupt() {
        let result = Brotli.decompress(Array("this is not brotli at all, just text".utf8))
        #expect(result.error != nil)
        #expect(result.error?.kind != .tooLarge)
    }

    @Test func limitStopsDecoding() {
        let result = Brotli.decompress(Self.compressed, limit: 10)
        #expect(result.error?.kind == .tooLarge)
        #expect(result.bytes.count == 10)
    }
}
