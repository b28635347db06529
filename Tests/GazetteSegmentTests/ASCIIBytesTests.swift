import GazetteCore
import Testing

/// The eight-bytes-at-a-time ASCII test that segmentation, reading and relations share.
@Suite("ASCII test on bytes")
struct ASCIIBytesTests {
    @Test func agreesWithTheByteTestAtEveryLengthAndPosition() {
        for length in 0...40 {
            let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(ascii.withUnsafeBufferPointer(ASCIIBytes.isASCII), "\(length) ASCII bytes")
            for position in 0..<length {
                for high: UInt8 in [0x80, 0xC3, 0xFF] {
                    var bytes = ascii
                    bytes[position] = high
                    #expect(!bytes.withUnsafeBufferPointer(ASCIIBytes.isASCII), "byte \(high) at \(position) of \(length)")
                }
            }
        }
        #expect([UInt8(0x7F), 0x00, 0x0A].withUnsafeBufferPointer(ASCIIBytes.isASCII))
    }
}
