import GazetteXML
import Testing

@Suite("libxml2 wrapper")
struct XMLTreeTests {
    func html(_ text: String) throws -> XMLTree {
        try Array(text.utf8).withUnsafeBytes { (buffer) throws(XMLError) -> XMLTree in try XMLTree.parseHTML(buffer) }
    }

    func xml(_ text: String) throws -> XMLTree {
        try Array(text.utf8).withUnsafeBytes { (buffer) throws(XMLError) -> XMLTree in try XMLTree.parseXML(buffer) }
    }

    @Test func parsesBrokenHTMLInRecoverMode() throws {
        let tree = try html("<html><body><p>One <b>bold<p>Two &amp; three</body>")
        let body = try #require(tree.root?.firstElement(named: "body"))
        #expect(body.elements(named: "p").count == 2)
        #expect(body.textContent == "One boldTwo & three")
    }

    @Test func readsAttributesAndCDATA() throws {
        let tree = try xml("<rss><item id=\"7\"><title><![CDATA[Macron & Merz]]></title></item></rss>")
        let item = try #require(tree.root?.firstElement(named: "item"))
        #expect(item.attribute("id") == "7")
        #expect(item.attribute("missing") == nil)
        #expect(item.firstElement(named: "title")?.textContent == "Macron & Merz")
    }

    /// `attributes` reads each value from the attribute itself; `attribute(name)` (libxml2's `xmlGetProp`) is
    /// the reference it must agree with: entities, empty and valueless attributes, non-ASCII text.
    @Test func attributesAgreeWithLookupByName() throws {
        let page = try html(#"<div id="a&amp;b" class=" post-body  x " hidden data-e="" title="café &#233; &lt;i&gt;" style='display: none'>x</div>"#)
        let div = try #require(page.root?.firstElement(named: "body")?.firstElement(named: "div"))
        #expect(div.attributes.count == 6)
        for (name, value) in div.attributes { #expect(value == div.attribute(name) ?? "", "\(name)") }
        #expect(div.attributes.first?.value == "a&b")
        let document = try xml(#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY who "Merz">]><r a="x &amp; &who; y" b="" c='plain'/>"#)
        let root = try #require(document.root)
        #expect(root.attributes.count == 3)
        for (name, value) in root.attributes { #expect(value == root.attribute(name) ?? "", "\(name)") }
    }

    @Test func rejectsMalformedXML() {
        #expect(throws: XMLError.self) { try xml("<a><b></a>") }
    }

    @Test func refusesDocumentsDeclaringExternalEntities() {
        // The entity would not be loaded anyway (no NOENT, the entity loader refuses everything); declaring one
        // is refused outright so no caller reads a document with an unexpanded hole in it.
        #expect {
            _ = try xml("""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <r>&xxe;</r>
                """)
        } throws: { error in
            (error as? XMLError)?.kind == .externalEntity && (error as? XMLError)?.message.contains("xxe") == true
        }
        // Internal entities and an external DTD reference (never fetched) are fine.
        #expect(throws: Never.self) {
            _ = try xml("""
                <?xml version="1.0"?>
                <!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.4//EN" "http://www.nitf.org/nitf.dtd" [<!ENTITY co "Company">]>
                <nitf>&co;</nitf>
                """)
        }
    }

    @Test func refusesBillionLaughs() {
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let document = "<?xml version=\"1.0\"?><!DOCTYPE lolz [\(entities)]><lolz>&lol9;</lolz>"
        #expect {
            _ = try xml(document)
        } throws: { error in
            (error as? XMLError)?.kind == .entityExpansion
        }
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: XMLError.self) { try xml("") }
    }
}
