import Foundation
import GazetteICU
@testable import GazetteReaders
import Testing

/// The charset order of `CharsetResolver`: byte order mark, transport, declaration, detection; UTF-8 bytes win
/// over a declaration they contradict.
@Suite("Charsets")
struct CharsetTests {
    static let rssTitle = "<rss><channel><item><title>"
    static let rssEnd = "</title><description>Text.</description></item></channel></rss>"

    static func feed(_ title: [UInt8], declaration: String = "") -> [UInt8] {
        Array((declaration + rssTitle).utf8) + title + Array(rssEnd.utf8)
    }

    static func title(of bytes: [UInt8]) -> (title: String?, statistics: ReadStatistics) {
        let result = DocumentStream.items(of: bytes, path: "feed.rss")
        guard case .document(let raw)? = result.items.first else { return (nil, result.statistics) }
        return (raw.title, result.statistics)
    }

    @Test func theOrderIsBOMTransportDeclarationDetection() {
        let latin = Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>caf\u{E9}</a>".utf8)
        #expect(CharsetResolver.decide([0xEF, 0xBB, 0xBF] + latin) == CharsetDecision(charset: "utf-8", source: .byteOrderMark))
        #expect(CharsetResolver.decide([0xFF, 0xFE, 0x3C, 0x00]) == CharsetDecision(charset: "utf-16le", source: .byteOrderMark))
        let windows: [UInt8] = Array("<a>caf".utf8) + [0xE9, 0x20, 0x93, 0x78, 0x94] + Array("</a>".utf8)
        #expect(CharsetResolver.decide(windows, transport: "koi8-r") == CharsetDecision(charset: "koi8-r", source: .transport))
        let declared = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>caf".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(CharsetResolver.decide(declared) == CharsetDecision(charset: "windows-1252", source: .declaration))
        #expect(CharsetResolver.decide(Array("<a>plain</a>".utf8)) == CharsetDecision(charset: "utf-8", source: .undeclaredUTF8))
        #expect(CharsetResolver.decide(windows).source == .detected)
    }

    @Test func validUTF8WinsOverAContradictingDeclarationOrTransport() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>41-\u{E5}rig</a>".utf8)
        #expect(CharsetResolver.decide(bytes) == CharsetDecision(charset: "utf-8", source: .utf8OverDeclaration))
        #expect(CharsetResolver.decide(Array("<a>Bod\u{F8}</a>".utf8), transport: "windows-1252").source == .utf8OverDeclaration)
        // ASCII-only bytes agree with every ASCII-compatible declaration: the declaration stands.
        let ascii = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>plain</a>".utf8)
        #expect(CharsetResolver.decide(ascii) == CharsetDecision(charset: "iso-8859-1", source: .declaration))
    }

    @Test func undeclaredWindows1252FeedKeepsItsQuotesAndAccents() {
        let title = "\u{201C}Caf\u{E9} na\u{EF}ve\u{201D} \u{2013} premi\u{E8}re \u{E0} Li\u{E8}ge, d\u{E9}j\u{E0} l\u{E0}"
        let bytes = Self.feed(Array(title.data(using: .windowsCP1252)!))
        let read = Self.title(of: bytes)
        #expect(read.title == title)
        #expect(read.statistics.charsets.keys.contains { $0.hasPrefix("detected ") })
    }

    @Test func undeclaredCyrillicAndEastAsianFeedsAreDetected() {
        let russian = "Как перевести эту новость на русский язык без ошибок и потерь смысла в заголовке"
        let koi = CharsetConversion.encode(russian, charset: "KOI8-R")
        #expect(Self.title(of: Self.feed(koi)).title == russian)
        let japanese = "日本語のニュースの見出しを正しく読むためのテストです。東京で会議が開かれました。"
        let eucjp = CharsetConversion.encode(japanese, charset: "EUC-JP")
        #expect(Self.title(of: Self.feed(eucjp)).title == japanese)
    }

    @Test func undeclaredChineseHebrewAndThaiFeedsAreDetected() {
        let samples = [("政府宣布了支持各地区经济和小企业的新措施。", "GB2312"), ("政府宣佈了支持各地區經濟和小企業的新措施。", "Big5"),
                       ("הממשלה הודיעה על צעדים חדשים לתמיכה בכלכלה ובעסקים קטנים באזורים", "windows-1255"),
                       ("รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเศรษฐกิจในภูมิภาคต่างๆ ของประเทศ", "TIS-620"),
                       ("정부는 지역 경제와 소상공인을 지원하기 위한 새로운 대책을 발표했습니다.", "EUC-KR")]
        for (text, charset) in samples {
            #expect(Self.title(of: Self.feed(CharsetConversion.encode(text, charset: charset))).title == text, "\(charset)")
        }
    }

    @Test func everyDecisionIsCounted() {
        let plain = Self.title(of: Self.feed(Array("Plain".utf8)))
        #expect(plain.statistics.undeclaredUTF8 == 1)
        #expect(plain.statistics.allCharsets == ["undeclared utf-8": 1])
        #expect(plain.statistics.summary == "charsets (undeclared utf-8: 1)")
        var merged = plain.statistics
        merged += Self.title(of: Self.feed([0x43, 0x61, 0x66, 0xE9], declaration: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")).statistics
        #expect(merged.allCharsets == ["undeclared utf-8": 1, "declaration iso-8859-1": 1])
    }

    @Test func declaredLegacyCharsetIsConvertedAndTheDeclarationRewritten() {
        let bytes = Self.feed([0x43, 0x61, 0x66, 0xE9], declaration: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")
        #expect(Self.title(of: bytes).title == "Caf\u{E9}")
        let converted = CharsetResolver.utf8(bytes, decision: CharsetResolver.decide(bytes)).bytes
        #expect(String(decoding: converted.prefix(38), as: UTF8.self) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    }

    @Test func htmlPagesGetACharsetOnlyWhenTheirMarkupCannotTellIt() {
        let declared = Array("<html><head><meta charset=\"windows-1252\"></head><body>caf".utf8) + [0xE9] + Array("</body></html>".utf8)
        #expect(CharsetResolver.decideHTML(declared, transport: nil) == nil)
        let mislabelled = Array("<html><head><meta charset=\"iso-8859-1\"></head><body>caf\u{E9}</body></html>".utf8)
        #expect(CharsetResolver.decideHTML(mislabelled, transport: nil)?.source == .utf8OverDeclaration)
        #expect(CharsetResolver.decideHTML(Array("<p>caf\u{E9}</p>".utf8), transport: nil) == nil)
        let undeclared = Array("<p>caf".utf8) + [0xE9] + Array(" cr\u{E8}me".data(using: .isoLatin1)!) + Array("</p>".utf8)
        #expect(CharsetResolver.decideHTML(undeclared, transport: nil)?.source == .detected)
        // Mostly UTF-8 with one damaged byte: the cleaner repairs it, no detector is asked.
        let damaged = Array("<p>The board’s plan, the café’s menu ".utf8) + [0xFC] + Array("</p>".utf8)
        #expect(CharsetResolver.decideHTML(damaged, transport: nil) == nil)
    }

    /// A standalone HTML file without a declaration, in a legacy charset, is read in ICU's guess (as a WARC record
    /// without a charset is), not rejected; a script's charset attribute above the `<meta>` declares nothing.
    @Test func undeclaredAndScriptCharsetHTMLFilesAreRead() throws {
        let russian = "Правительство объявило в понедельник о новых мерах поддержки регионов. Министр финансов сообщил, что средства поступят до конца года."
        let cyrillic = Array("<html><head><title>Новости</title></head><body><p>".utf8) + Array(russian.data(using: .windowsCP1251)!)
            + Array("</p><p>".utf8) + Array(russian.data(using: .windowsCP1251)!) + Array("</p></body></html>".utf8)
        let toolbar = Array("<html><head><script src=\"/static/wombat.js\" charset=\"utf-8\"></script><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Caf".utf8)
            + [0xE9] + Array(" news today</title></head><body><p>It".utf8) + [0x92] + Array("s the caf".utf8) + [0xE9] + Array(" everyone talks about this week.</p></body></html>".utf8)
        let directory = try Reading.directory(["a-cyrillic.html": cyrillic, "b-toolbar.html": toolbar])
        let result = Reading.read([directory.path])
        #expect(result.rejects.isEmpty)
        let documents = try result.documents.map(Reading.clean)
        #expect(documents.count == 2)
        #expect(documents.first?.text.contains("Министр финансов сообщил") == true)
        #expect(documents.last?.text.contains("It’s the café everyone talks about this week.") == true)
        #expect(result.statistics.allCharsets["detected windows-1251"] == 1)
    }
}
