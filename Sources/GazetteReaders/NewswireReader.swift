#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GazetteBytes
import GazetteCore
import GazetteXML

/// Reads newswire XML/SGML: Reuters-21578 files (many `<REUTERS>` articles each), NITF (one article), and any
/// other XML as one plain-text document.
///
/// Reuters files are never parsed whole: the bytes are split into `<REUTERS …>…</REUTERS>` elements and each
/// is parsed on its own, so a fault in one article (reut2-017.xml has a stray 0xFC byte) cannot reject its
/// neighbours. Invalid UTF-8 inside an article is replaced by U+FFFD and counted (`ReadStatistics.replacedBytes`);
/// SGML control-character references (`&#3;`) are dropped. Ids are "reuters:NEWID".
struct NewswireReader: ItemReader {
    let context: ReadContext
    let bytes: [UInt8]
    let format: InputFormat
    var offset = 0
    var index = 0
    var single: ReadItem?
    var done = false
    /// The next open tag at or after `offset`, when the previous article already found it.
    var lookahead: Int??

    static let open = Array("<REUTERS".utf8)
    static let close = Array("</REUTERS>".utf8)

    /// A Reuters reader (`format` .sgml) or, for `.nitf`/`.xml`, a reader of one XML document.
    init(context: ReadContext, bytes: [UInt8], format: InputFormat, statistics: inout ReadStatistics) {
        self.context = context
        self.bytes = bytes
        self.format = format
        if format != .sgml { single = Self.xmlDocument(context: context, bytes: bytes, format: format, statistics: &statistics) }
    }

    mutating func next(_ statistics: inout ReadStatistics) -> ReadItem? {
        switch nextElement() {
        case nil: return nil
        case .item(let item)?: return item
        case .pending(let element, let start)?:
            defer { index += 1 }
            return Self.reuters(element, at: start, index: index, context: context, statistics: &statistics)
        }
    }

    /// Reuters articles are handed on unread, for a worker thread to parse.
    mutating func nextRecord(_ statistics: inout ReadStatistics, context: ReadContext) -> ReadRecord? {
        switch nextElement() {
        case nil: return nil
        case .item(let item)?: return .item(item)
        case .pending(let element, let start)?:
            defer { index += 1 }
            return .pending(PendingRecord(reutersElement: element, start: start, index: index, context: self.context))
        }
    }

    /// What `nextElement` found: an item read already, or the bytes of a Reuters article to parse.
    enum Element {
        case item(ReadItem)
        case pending(ArraySlice<UInt8>, start: Int)
    }

    /// The next `<REUTERS>` element (or the single document, or a reject for a truncated element).
    mutating func nextElement() -> Element? {
        guard format == .sgml else {
            defer { single = nil }
            return single.map(Element.item)
        }
        guard !done else { return nil }
        // The previous article's `following` is the first open tag at or after `offset`: `offset` never passes it.
        guard let start = lookahead ?? nextOpenTag(from: offset) else {
            done = true
            if index == 0 {
                return .item(context.reject(context.path, format: .sgml, index: 0, .noArticles, "no <REUTERS> element in the file"))
            }
            return nil
        }
        let following = nextOpenTag(from: start + Self.open.count)
        lookahead = .some(following)
        let limit = following ?? bytes.count
        guard let end = FormatDetector.find(Self.close, in: bytes[..<limit], from: start) else {
            offset = limit
            defer { index += 1 }
            let id = Self.attribute("NEWID", in: bytes[start..<limit]).map { "reuters:\($0)" }
            return .item(context.reject(id, format: .sgml, index: index, .sgmlTruncated,
                                        "the <REUTERS> element at byte \(start) has no </REUTERS> before the next article or the end"))
        }
        offset = end + Self.close.count
        return .pending(bytes[start..<offset], start: start)
    }

    /// The offset of the next `<REUTERS` followed by a space or `>`.
    func nextOpenTag(from position: Int) -> Int? {
        var from = position
        while let found = FormatDetector.find(Self.open, in: bytes[...], from: from) {
            let after = found + Self.open.count
            if after < bytes.count, ASCIIBytes.isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") { return found }
            from = after
        }
        return nil
    }

    /// One Reuters article, the `index`-th of its file, from its element's bytes.
    static func reuters(_ element: ArraySlice<UInt8>, at start: Int, index: Int, context: ReadContext,
                        statistics: inout ReadStatistics) -> ReadItem {
        let newID = attribute("NEWID", in: element)
        let id = newID.map { "reuters:\($0)" }
        if element.count > context.options.maxDocumentBytes {
            return context.reject(id, format: .sgml, index: index, .tooLarge,
                                  "the article has \(element.count) bytes, over the limit of \(context.options.maxDocumentBytes)")
        }
        let cleaned = droppingControlReferences(element)
        let tree: XMLTree
        switch XMLContainer.parse(cleaned, context: context, statistics: &statistics) {
        case .failure(let reason):
            return context.reject(id, format: .sgml, index: index, reason.code, "article at byte \(start): \(reason.message)")
        case .success(let parsed): tree = parsed
        }
        guard let root = tree.root else {
            return context.reject(id, format: .sgml, index: index, .xmlMalformed, "the article at byte \(start) has no element")
        }
        let source = SourceLocator(path: context.path, format: .sgml, index: index)
        let published = root.childText("DATE").flatMap(ISODate.normalise)
        var title: String?
        var paragraphs: [String] = []
        if let text = root.child("TEXT") {
            title = text.childText("TITLE")
            let dateline = text.childText("DATELINE")
            if let body = text.child("BODY") {
                paragraphs = Self.paragraphs(body.textContent)
            } else if text.attribute("TYPE")?.uppercased() == "UNPROC" || text.child("TITLE") == nil {
                paragraphs = Self.paragraphs(text.textContent)
            } else {
                // Title (and maybe dateline) only: the text is the text content beside them, if any.
                let rest = text.children.filter { $0.kind != .element }.map(\.textContent).joined()
                paragraphs = Self.paragraphs(rest)
            }
            if let dateline, !paragraphs.isEmpty {
                paragraphs[0] = dateline + " " + paragraphs[0]
            } else if let dateline {
                paragraphs = [dateline]
            }
        }
        if let title { paragraphs.insert(title, at: 0) }
        guard !paragraphs.isEmpty else {
            return context.reject(id, format: .sgml, index: index, .emptyDocument, "the article has no title and no text")
        }
        return .document(RawDocument(
            id: id ?? context.fallbackID(index), source: source, format: .text,
            bytes: joinedBytes(paragraphs), title: title, published: published))
    }

    /// Newswire body text as paragraphs: an indented line starts a new paragraph, wrapped lines are joined,
    /// and the closing "Reuter" sign-off is dropped.
    static func paragraphs(_ body: String) -> [String] {
        var result = asciiParagraphs(body) ?? characterParagraphs(body)
        if let last = result.last, ["reuter", "reuters"].contains(last.lowercased()) { result.removeLast() }
        return result
    }

    /// `paragraphs` before the sign-off is dropped, on bytes, for ASCII text (nil for any other).
    ///
    /// A line that is empty or starts with white space (`ASCIIBytes.isSpace`; newlines end lines) ends the
    /// paragraph before it; the words of a paragraph are joined by single spaces, copied run by run into one
    /// scratch buffer.
    static func asciiParagraphs(_ body: String) -> [String]? {
        var body = body
        return body.withUTF8 { bytes -> [String]? in
            guard ByteScan.isASCII(bytes) else { return nil }
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
            let count = bytes.count
            var result: [String] = []
            // A paragraph is never longer than the body: one space between words stands for at least one.
            let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
            defer { scratch.deallocate() }
            var written = 0
            func flush() {
                if written > 0 { result.append(String(decoding: UnsafeBufferPointer(start: scratch, count: written), as: UTF8.self)) }
                written = 0
            }
            /// Appends `base[start..<end]` to the paragraph, after a space unless it is the first run.
            func appendRun(_ start: Int, _ end: Int) {
                if written > 0 {
                    scratch[written] = 0x20
                    written += 1
                }
                (scratch + written).initialize(from: base + start, count: end - start)
                written += end - start
            }
            var lineStart = 0
            while lineStart <= count {
                let lineEnd = lineStart < count
                    ? ByteScan.firstOffset(of: 0x0A, in: UnsafeBufferPointer(start: base, count: count), from: lineStart)
                    : count
                if lineStart == lineEnd || ASCIIBytes.isSpace(base[lineStart]) { flush() }
                // The usual line: its words already apart by single spaces, copied whole once trimmed.
                var first = lineStart, last = lineEnd
                while first < last && ASCIIBytes.isSpace(base[first]) { first += 1 }
                while last > first && ASCIIBytes.isSpace(base[last - 1]) { last -= 1 }
                var single = true
                var index = first
                // Eight bytes at a time: no control byte (below 0x20, tabs included), no space after a space.
                var spaceBefore: UInt64 = 0
                while index + 8 <= last {
                    // Safety: index + 8 <= last <= count, so the eight bytes read lie inside the text.
                    let word = ByteWord.load(UnsafeRawPointer(base), at: index)
                    let control = ByteWord.below(word, 0x20)
                    let space = ByteWord.equal(word, 0x20)
                    if control | (space & ((space << 8) | spaceBefore)) != 0 {
                        single = false
                        break
                    }
                    spaceBefore = space >> 56
                    index += 8
                }
                while single && index < last {
                    let byte = base[index]
                    if byte <= 0x20 && (byte != 0x20 || base[index - 1] == 0x20) {
                        single = false
                        break
                    }
                    index += 1
                }
                if single {
                    if first < last { appendRun(first, last) }
                    lineStart = lineEnd + 1
                    continue
                }
                index = lineStart
                while index < lineEnd {
                    while index < lineEnd && ASCIIBytes.isSpace(base[index]) { index += 1 }
                    guard index < lineEnd else { break }
                    let wordStart = index
                    while index < lineEnd && !ASCIIBytes.isSpace(base[index]) { index += 1 }
                    appendRun(wordStart, index)
                }
                lineStart = lineEnd + 1
            }
            flush()
            return result
        }
    }

    /// The UTF-8 of the paragraphs joined by blank lines (`joined(separator: "\n\n")`), copied once.
    static func joinedBytes(_ paragraphs: [String]) -> [UInt8] {
        let total = paragraphs.reduce(0) { $0 + $1.utf8.count } + 2 * max(paragraphs.count - 1, 0)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        for (number, paragraph) in paragraphs.enumerated() {
            if number > 0 { bytes.append(contentsOf: [0x0A, 0x0A]) }
            bytes.append(contentsOf: paragraph.utf8)
        }
        return bytes
    }

    /// `paragraphs` before the sign-off is dropped, on Characters.
    static func characterParagraphs(_ body: String) -> [String] {
        var result: [String] = []
        var current: [String] = []
        func flush() {
            let paragraph = collapse(current.joined(separator: " "))
            if !paragraph.isEmpty { result.append(paragraph) }
            current = []
        }
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            if line.allSatisfy(\.isWhitespace) {
                flush()
            } else {
                if line.first?.isWhitespace == true { flush() }
                current.append(String(line))
            }
        }
        flush()
        return result
    }

    /// An attribute value read from the start tag's bytes, without parsing the element.
    static func attribute(_ name: String, in element: ArraySlice<UInt8>) -> String? {
        guard let tagEnd = element.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let tagBytes = element[element.startIndex..<tagEnd]
        if let value = asciiAttribute(name, in: tagBytes) { return value }
        return characterAttribute(name, in: tagBytes)
    }

    /// `attribute` on the bytes of an ASCII start tag, where bytes and Characters make the same search: the
    /// value after the first ` NAME="` up to the next quote, `.some(nil)` when it is empty or absent; nil when
    /// the tag is not ASCII and the Character search must decide.
    static func asciiAttribute(_ name: String, in tag: ArraySlice<UInt8>) -> String?? {
        guard tag.withUnsafeBufferPointer(ByteScan.isASCII) else { return .none }
        let needle = Array(" \(name)=\"".utf8)
        guard let found = FormatDetector.find(needle, in: tag, from: tag.startIndex) else { return .some(nil) }
        let valueStart = found + needle.count
        let valueEnd = tag[valueStart...].firstIndex(of: UInt8(ascii: "\"")) ?? tag.endIndex
        guard valueEnd > valueStart else { return .some(nil) }
        return .some(String(decoding: tag[valueStart..<valueEnd], as: UTF8.self))
    }

    /// `attribute` by Characters, for any start tag.
    static func characterAttribute(_ name: String, in tagBytes: ArraySlice<UInt8>) -> String? {
        let tag = String(decoding: tagBytes, as: UTF8.self)
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        let value = tag[range.upperBound...].prefix { $0 != "\"" }
        return value.isEmpty ? nil : String(value)
    }

    /// The element's bytes without `&#N;` references to control characters (not allowed in XML; the SGML
    /// originals use `&#2;`, `&#3;` as markers) and without raw control bytes. Runs without `&` or a control
    /// byte are found eight bytes at a time and copied whole.
    static func droppingControlReferences(_ element: ArraySlice<UInt8>) -> [UInt8] {
        element.withUnsafeBufferPointer { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
                written = 0
                guard let base = bytes.baseAddress, let out = output.baseAddress else { return }
                let end = bytes.count
                var i = 0
                while i < end {
                    let stop = ASCIIText.nextAmpersandOrControl(in: base, from: i, count: end)
                    (out + written).initialize(from: base + i, count: stop - i)
                    written += stop - i
                    i = stop
                    guard i < end else { break }
                    let byte = base[i]
                    if byte == UInt8(ascii: "&"), i + 2 < end, base[i + 1] == UInt8(ascii: "#") {
                        var j = i + 2
                        var value = 0
                        while j < end, (0x30...0x39).contains(base[j]), j - i < 8 {
                            value = value * 10 + Int(base[j] - 0x30)
                            j += 1
                        }
                        if j > i + 2, j < end, base[j] == UInt8(ascii: ";"), value < 0x20,
                            value != 0x09, value != 0x0A, value != 0x0D
                        {
                            i = j + 1
                            continue
                        }
                    }
                    if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                        i += 1
                        continue
                    }
                    out[written] = byte
                    written += 1
                    i += 1
                }
            }
        }
    }

    /// A NITF file, or any other XML, as one document.
    static func xmlDocument(context: ReadContext, bytes: [UInt8], format: InputFormat, statistics: inout ReadStatistics)
        -> ReadItem
    {
        if bytes.count > context.options.maxDocumentBytes {
            return context.reject(context.path, format: format, index: 0, .tooLarge,
                                  "the document has \(bytes.count) bytes, over the limit of \(context.options.maxDocumentBytes)")
        }
        let tree: XMLTree
        switch XMLContainer.parse(bytes, context: context, statistics: &statistics) {
        case .failure(let reason): return context.reject(context.path, format: format, index: 0, reason.code, reason.message)
        case .success(let parsed): tree = parsed
        }
        guard let root = tree.root else {
            return context.reject(context.path, format: format, index: 0, .xmlMalformed, "the document has no root element")
        }
        if root.name.lowercased() == "nitf" { return nitf(root, context: context) }
        let source = SourceLocator(path: context.path, format: format, index: 0)
        let paragraphs = blockTexts(of: root)
        guard !paragraphs.isEmpty else {
            return context.reject(context.path, format: format, index: 0, .emptyDocument, "the XML holds no text")
        }
        return .document(RawDocument(id: context.path, source: source, format: .text,
                                     bytes: Array(paragraphs.joined(separator: "\n\n").utf8)))
    }

    /// A NITF article: headline, dateline and body paragraphs; id, date, URL and language from the head.
    static func nitf(_ root: XMLNode, context: ReadContext) -> ReadItem {
        let head = root.child("head")
        let body = root.child("body")
        let docdata = head?.child("docdata")
        let id = docdata?.child("doc-id")?.attribute("id-string")
        let date = docdata?.child("date.issue")?.attribute("norm") ?? body?.child("body.head")?.child("dateline")?
            .child("story.date")?.attribute("norm")
        let headline = body?.child("body.head")?.child("hedline")?.childText("hl1") ?? head?.childText("title")
        let dateline = body?.child("body.head")?.child("dateline").map { collapse($0.textContent) }
        let url = head?.child("pubdata")?.attribute("ex-ref")
        let language = root.attribute("lang")
        var paragraphs = body?.child("body.content").map(blockTexts) ?? []
        if let dateline, !dateline.isEmpty, !paragraphs.isEmpty { paragraphs[0] = dateline + " " + paragraphs[0] }
        if let headline { paragraphs.insert(headline, at: 0) }
        let source = SourceLocator(path: context.path, format: .nitf, index: 0)
        guard !paragraphs.isEmpty else {
            return context.reject(id ?? context.path, format: .nitf, index: 0, .emptyDocument, "the NITF article has no text")
        }
        return .document(RawDocument(
            id: id ?? context.path, source: source, format: .text, bytes: Array(paragraphs.joined(separator: "\n\n").utf8),
            url: url, title: headline, published: date.flatMap(ISODate.normalise), language: language))
    }

    /// The text of an element as paragraphs: each element holding text directly is one paragraph (iterative walk).
    static func blockTexts(of root: XMLNode) -> [String] {
        var result: [String] = []
        var stack: [XMLNode] = [root]
        while let node = stack.popLast() {
            let children = Array(node.children)
            if children.contains(where: { ($0.kind == .text || $0.kind == .cdata) && !collapse($0.content).isEmpty }) {
                let text = collapse(node.textContent)
                if !text.isEmpty { result.append(text) }
                continue
            }
            for child in children.reversed() where child.kind == .element { stack.append(child) }
        }
        return result
    }
}
