import Foundation
import GazetteClean
import GazetteCore
import GazetteTestSupport
import Testing

@Suite("Cleaning")
struct CleanerTests {
    func raw(_ bytes: [UInt8], format: InputFormat, id: String = "doc") -> RawDocument {
        RawDocument(id: id, source: SourceLocator(path: id, format: format), format: format, bytes: bytes)
    }

    @Test func plainTextLinesBecomeParagraphsAndTheFirstIsTheTitle() throws {
        let document = try TextCleaner().clean(raw(Array("\n  Headline here \nFirst  paragraph.\r\nSecond one.\n".utf8), format: .text))
        #expect(document.title == "Headline here")
        #expect(document.text == "Headline here\n\nFirst paragraph.\n\nSecond one.")
    }

    @Test func hardWrappedTextJoinsLinesWithinBlankLineParagraphs() {
        let paragraphs = TextCleaner.paragraphs(of: "Title\n\nThe prime minister\nsaid on Monday.\n\nNext.")
        #expect(paragraphs == ["Title", "The prime minister said on Monday.", "Next."])
    }

    @Test func invalidUTF8IsRejectedWithTheOffset() {
        #expect {
            _ = try TextCleaner().clean(raw([0x41, 0x42, 0xFC, 0x43], format: .text))
        } throws: { error in
            let reason = error as? RejectReason
            return reason?.code.rawValue == "invalid_utf8" && reason?.message.contains("offset 2") == true
        }
    }

    @Test func emptyTextIsRejected() {
        #expect(throws: RejectReason(code: .emptyDocument, message: "the document holds no text")) {
            try TextCleaner().clean(raw(Array("  \n \n".utf8), format: .text))
        }
    }

    @Test func aPNGNamedHTMLIsRejectedAsBinary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        #expect {
            _ = try HTMLCleaner().clean(raw(png, format: .html))
        } throws: { error in
            (error as? RejectReason)?.code.rawValue == "binary_content"
        }
    }

    /// An undeclared page that is not UTF-8 is read as windows-1252, the Encoding Standard's fallback, as browsers
    /// read it (0x92 is a curly apostrophe, 0x81, unassigned, a control that does not stop the page).
    @Test func htmlWithoutCharsetThatIsNotUTF8IsReadAsWindows1252() throws {
        let bytes = Array("<html><head><title>Caf".utf8) + [0xE9] + Array(" news today here</title></head><body><!-- ".utf8) + [0x81, 0xA1]
            + Array(" --><p>Le caf".utf8) + [0xE9] + Array(" est ouvert, l".utf8) + [0x92] + Array("ami.</p></body></html>".utf8)
        let document = try HTMLCleaner().clean(raw(bytes, format: .html))
        #expect(document.title == "Café news today here")
        #expect(document.text.contains("Le café est ouvert, l’ami."))
    }

    /// A page declared UTF-8 (or undeclared) whose bytes are UTF-8 but for a stray byte keeps its text, the byte
    /// replaced by U+FFFD; one declared UTF-8 without a single multi-byte character is legacy text under a template's
    /// declaration, read as windows-1252.
    @Test func damagedUTF8AndMislabelledLatin1() throws {
        let story = Array("<p>The harbour board’s plan is to dredge the eastern channel. ".utf8) + [0xFC] + Array(" Done.</p>".utf8)
        for head in ["<meta charset=\"utf-8\">", ""] {
            let bytes = Array("<html><head>\(head)<title>Dredging plans</title></head><body>".utf8) + story + Array("</body></html>".utf8)
            let document = try HTMLCleaner().clean(raw(bytes, format: .html))
            #expect(document.text.contains("The harbour board’s plan is to dredge the eastern channel. \u{FFFD} Done."), "\(head)")
        }
        let latin = Array("<html><head><meta charset=\"utf-8\"><title>Caf".utf8) + [0xE9] + Array(" news</title></head><body><p>Le caf".utf8)
            + [0xE9] + Array(" est ouvert.</p></body></html>".utf8)
        #expect(try HTMLCleaner().clean(raw(latin, format: .html)).text.contains("Le café est ouvert."))
    }

    /// Only a `<meta>` declares the page's charset: a `<script charset>` above it does not, and a `<meta>` after a
    /// long head (past 2 KiB) still does.
    @Test func theMetaDeclaresThePageCharsetNotAScript() throws {
        let padding = String(repeating: "<link rel=\"preload\" href=\"/assets/font.woff2\">\n", count: 60)
        let bytes = Array("<html><head><script src=\"/toolbar.js\" charset=\"utf-8\"></script>\(padding)<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\"><title>Wiadomo".utf8)
            + [0xB6] + Array("ci dnia</title></head><body><p>Sejm zag".utf8) + [0xB3] + Array("osowa".utf8) + [0xB3] + Array(" za ustaw".utf8) + [0xEA]
            + Array(" o funduszach.</p></body></html>".utf8)
        let document = try HTMLCleaner().clean(raw(bytes, format: .html))
        #expect(document.title == "Wiadomości dnia")
        #expect(document.text.contains("Sejm zagłosował za ustawę o funduszach."))
    }

    @Test func htmlWithDeclaredLatin1IsDecoded() throws {
        let bytes = Array("<html><head><meta charset=\"iso-8859-1\"><title>Caf".utf8) + [0xE9]
            + Array(" news today here</title></head><body><p>Le caf".utf8) + [0xE9] + Array(" est ouvert.</p></body></html>".utf8)
        let document = try HTMLCleaner().clean(raw(bytes, format: .html))
        #expect(document.text.contains("Le café est ouvert."))
    }

    @Test func boilerplateIsDroppedAndParagraphsKept() throws {
        let html = """
            <html lang="en-GB"><head><title>Leaders meet in Paris | The Paper</title>
            <meta property="article:published_time" content="2025-09-04T10:00:00Z"><script>var x = "tracking";</script></head>
            <body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
            <div class="cookie-banner">We use cookies. <button>Accept all</button></div>
            <article><h1>Leaders meet in Paris</h1><p class="byline">By A. Reporter</p>
            <p>First paragraph with <a href="#">a link</a> &amp; an entity.</p>
            <aside class="related"><ul><li>Related story</li></ul></aside>
            <p>Second   paragraph.</p><figure><img src="x.jpg"><figcaption>Photo: Agency</figcaption></figure></article>
            <footer>© 2025 The Paper <form>Subscribe to our newsletter</form></footer></body></html>
            """
        let document = try HTMLCleaner().clean(raw(Array(html.utf8), format: .html))
        #expect(document.text == "Leaders meet in Paris\n\nFirst paragraph with a link & an entity.\n\nSecond paragraph.")
        #expect(document.title == "Leaders meet in Paris")
        #expect(document.published == "2025-09-04")
        #expect(document.language == "en")
    }

    /// Every HTML page of Corpora/ loses its navigation, cookie banner and footer and keeps its paragraphs.
    @Test(arguments: ["en/nato-summit-the-hague.html", "en/un-general-assembly-opens.html", "en/eu-us-trade-deal.html",
                      "nl/navo-top-den-haag.html", "nl/merz-bezoekt-parijs-en-warschau.html"])
    func corpusPagesLoseTheirBoilerplate(_ name: String) throws {
        let url = Repository.path("Corpora/" + name)
        let bytes = [UInt8](try Data(contentsOf: url))
        let document = try ArticleCleaner().clean(raw(bytes, format: .html, id: name))
        let markers = [
            "We use cookies", "Wij gebruiken cookies", "Accept all", "Alles accepteren", "Subscribe to our newsletter",
            "Schrijf je in voor onze nieuwsbrief", "©", "Related articles", "Gerelateerde artikelen", "Skip to content",
            "Home", "Privacy", "ledgerTrack", "By Claire", "Door Sanne", "Photo:",
        ]
        for marker in markers {
            #expect(!document.text.contains(marker), "\(name) still contains '\(marker)'")
        }
        let paragraphs = document.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count >= 5, "\(name) has only \(paragraphs.count) paragraphs")
        #expect(paragraphs.first == document.title)
        #expect(document.published?.hasPrefix("2025-") == true)
        #expect(document.language == (name.hasPrefix("nl/") ? "nl" : "en"))
    }

    @Test func languageGuessSeparatesEnglishAndDutch() {
        let guesser = LanguageGuesser()
        #expect(guesser.guess("De premier zei dat het kabinet de steun aan Oekraïne voortzet en dat er geen twijfel is.") == "nl")
        #expect(guesser.guess("The prime minister said that the government will continue its support for Ukraine.") == "en")
        #expect(guesser.guess("Macron Zelensky") == nil)
    }
}
