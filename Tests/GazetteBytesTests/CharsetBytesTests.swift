import Foundation
import GazetteBytes
import GazetteTestSupport
import Testing

/// The HTML charset prescan against its regular-expression reference, windows-1252 against the Encoding Standard's
/// table, and the UTF-8 census.
@Suite("Bytes: HTML charset prescan, windows-1252, UTF-8 census")
struct CharsetBytesTests {
    /// The reference: `<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)`, case-insensitive, over the window (lazy:
    /// the first charset a tag names, as a browser takes the first of two `charset` attributes).
    static func reference(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(HTMLCharsetPrescan.window).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self)
        let expression = try! NSRegularExpression(
            pattern: #"<meta[^>]+?charset[ \t\n\r\f\v]*=[ \t\n\r\f\v]*["']?[ \t\n\r\f\v]*([A-Za-z0-9_\-:.]+)"#, options: [.caseInsensitive])
        guard let match = expression.firstMatch(in: head, range: NSRange(head.startIndex..., in: head)),
            let range = Range(match.range(at: 1), in: head)
        else { return nil }
        return head[range].lowercased()
    }

    @Test(arguments: [
        "<meta charset=\"utf-8\">", "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">",
        "<script charset=\"utf-8\"></script><meta charset='windows-1250'>", "<meta>charset=utf-8", "<meta name=x>",
        "<meta charset = ' gb2312 '>", "<metacharset=koi8-r>", "<meta\tcharset=\nshift_jis>", "<meta charset=>",
        "<html><body>no declaration</body></html>", "<meta content=\"charset=x-user-defined\">", "",
        "x<meta charset= charset='content=\"text/html;CHARSET", "<meta charset=koi8-r charset=utf-8>",
    ])
    func agreesWithTheReference(_ head: String) {
        let bytes = Array(head.utf8)
        #expect(HTMLCharsetPrescan.metaCharset(in: bytes) == Self.reference(bytes), "\(head)")
    }

    @Test func agreesOnGeneratedHeads() {
        var generator = SeededGenerator(seed: 2029)
        let pieces = ["<meta", "<META", " charset", "CHARSET", "=", " ", "\"", "'", ">", "utf-8", "ISO-8859-1", "<script", "x", "\t", "content=\"text/html;"]
        for _ in 0..<20_000 {
            let head = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(head.utf8)
            #expect(HTMLCharsetPrescan.metaCharset(in: bytes) == Self.reference(bytes), "\(head)")
        }
    }

    @Test func theXMLDeclarationAndTheWindow() {
        #expect(HTMLCharsetPrescan.declaredCharset(in: Array("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>".utf8)) == "iso-8859-15")
        // cleaneval's wrapper element is no XML declaration.
        #expect(HTMLCharsetPrescan.declaredCharset(in: Array("<text id=\"x\" encoding=\"unset\"><html>".utf8)) == nil)
        let late = Array(String(repeating: " ", count: HTMLCharsetPrescan.window).utf8) + Array("<meta charset=\"koi8-r\">".utf8)
        #expect(HTMLCharsetPrescan.declaredCharset(in: late) == nil)
    }

    /// The Encoding Standard's index-windows-1252 for 0x80-0x9F, and ISO-8859-1 elsewhere.
    @Test func windows1252FollowsTheEncodingStandard() {
        let expected: [UInt8: UInt32] = [
            0x80: 0x20AC, 0x81: 0x81, 0x82: 0x201A, 0x8A: 0x160, 0x8D: 0x8D, 0x8F: 0x8F, 0x90: 0x90, 0x91: 0x2018, 0x92: 0x2019,
            0x93: 0x201C, 0x94: 0x201D, 0x96: 0x2013, 0x97: 0x2014, 0x9D: 0x9D, 0x9F: 0x178, 0xA0: 0xA0, 0xE9: 0xE9, 0xFF: 0xFF, 0x41: 0x41,
        ]
        for (byte, scalar) in expected { #expect(Windows1252.scalar(byte).value == scalar, "\(byte)") }
        for byte in UInt8(0xA0)...UInt8(0xFF) { #expect(Windows1252.scalar(byte).value == UInt32(byte)) }
        let decoded = Windows1252.utf8([0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x80, 0x94])
        #expect(String(decoding: decoded, as: UTF8.self) == "Café “€”")
    }

    @Test func censusCountsCharactersAndBadBytes() {
        #expect(UTF8Repair.census(Array("plain".utf8)[...]) == (0, 0))
        #expect(UTF8Repair.census((Array("board’s café ".utf8) + [0xFC])[...]) == (2, 1))
        #expect(UTF8Repair.census([0x43, 0xE9, 0x20, 0x92][...]) == (0, 2))
    }
}
