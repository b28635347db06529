import GazetteICU
import Testing

/// ICU's charset detector and converters through the wrapper.
@Suite("ICU charsets")
struct CharsetConversionTests {
    @Test func convertsLegacyCharsetsToUTF8AndCountsWhatDoesNotFit() throws {
        let latin: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94]
        let windows = try #require(CharsetConversion.utf8(from: latin[...], charset: "windows-1252"))
        #expect(String(decoding: windows.bytes, as: UTF8.self) == "Café \u{201C}q\u{201D}")
        #expect(windows.substituted == 0)
        let broken = try #require(CharsetConversion.utf8(from: [0x41, 0xFF, 0x42][...], charset: "utf-8"))
        #expect(String(decoding: broken.bytes, as: UTF8.self) == "A\u{FFFD}B")
        #expect(broken.substituted == 1)
        #expect(CharsetConversion.utf8(from: latin[...], charset: "no-such-charset") == nil)
    }

    @Test func encodesAndDetectsCyrillicAndJapanese() {
        let russian = "Правительство объявило о новых мерах поддержки экономики и малого бизнеса в регионах страны."
        let koi = CharsetConversion.encode(russian, charset: "KOI8-R")
        #expect(CharsetConversion.detect(koi[...])?.name == "KOI8-R")
        #expect(CharsetConversion.utf8(from: koi[...], charset: "KOI8-R").map { String(decoding: $0.bytes, as: UTF8.self) } == russian)
        let japanese = "政府は地方経済を支援するための新しい対策を発表しました。東京で記者会見が開かれました。"
        let sjis = CharsetConversion.encode(japanese, charset: "Shift_JIS")
        #expect(CharsetConversion.detect(sjis[...])?.name == "Shift_JIS")
    }

    @Test func knowsCharsetNamesAndAliases() {
        for name in ["utf-8", "ISO-8859-1", "latin1", "windows-1255", "TIS-620", "GB2312", "Big5", "EUC-KR"] {
            #expect(CharsetConversion.isKnown(name), "\(name)")
        }
        #expect(!CharsetConversion.isKnown("klingon-8"))
        #expect(CharsetConversion.detect([][...]) == nil)
    }
}
