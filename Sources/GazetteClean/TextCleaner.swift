import GazetteBytes
import GazetteCore

/// Turns plain-text bytes into clean article text: UTF-8 checked, lines trimmed,
/// paragraphs separated by blank lines, the first paragraph taken as the title.
public struct TextCleaner: Sendable {
    public init() {}

    /// Cleans a plain-text document; rejects bytes that are not UTF-8 or hold no text.
    public func clean(_ raw: RawDocument) throws(RejectReason) -> Document {
        let bomCount = raw.bytes.starts(with: Self.byteOrderMark) ? Self.byteOrderMark.count : 0
        let laidOut = raw.bytes.withUnsafeBufferPointer { bytes in
            Result { () throws(ParagraphLayout.InvalidUTF8) in
                try ParagraphLayout(utf8: UnsafeBufferPointer(rebasing: bytes[bomCount...]))
            }
        }
        let layout: ParagraphLayout
        switch laidOut {
        case .success(let success): layout = success
        case .failure(let failure): throw Self.invalidUTF8(what: "the text", offset: failure.offset + bomCount)
        }
        if layout.containsNUL { throw Self.binaryContent(what: "the text") }
        guard !layout.isEmpty else {
            throw RejectReason(code: "empty_document", message: "the document holds no text")
        }
        let firstParagraph = layout.firstParagraph
        guard let title = raw.title else {
            return Document(
                id: raw.id, source: raw.source, url: raw.url, title: String(decoding: firstParagraph, as: UTF8.self),
                published: raw.published, language: raw.language, text: layout.text())
        }
        let titleLeads = title.isEmpty || Self.isSameText(title, firstParagraph)
        return Document(
            id: raw.id, source: raw.source, url: raw.url, title: title,
            published: raw.published, language: raw.language, text: layout.text(after: titleLeads ? nil : title))
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether `text` equals the string of `utf8` (by `String` equality, so canonically equivalent counts as equal).
    static func isSameText(_ text: String, _ utf8: ArraySlice<UInt8>) -> Bool {
        text.utf8.elementsEqual(utf8) || text == String(decoding: utf8, as: UTF8.self)
    }

    static func invalidUTF8(what: String, offset: Int) -> RejectReason {
        RejectReason(code: "invalid_utf8", message: "\(what) is not valid UTF-8 (first bad byte at offset \(offset))")
    }

    static func binaryContent(what: String) -> RejectReason {
        RejectReason(code: "binary_content", message: "\(what) contains NUL bytes; it looks like a binary file")
    }

    /// Decodes UTF-8 strictly (BOM dropped), naming the first bad byte's offset on failure.
    public static func decodeUTF8(_ bytes: [UInt8], what: String) throws(RejectReason) -> String {
        var body = bytes[...]
        if body.starts(with: byteOrderMark) { body = body.dropFirst(byteOrderMark.count) }
        if let offset = firstInvalidUTF8Offset(body) {
            throw invalidUTF8(what: what, offset: offset + (bytes.count - body.count))
        }
        if body.contains(0) { throw binaryContent(what: what) }
        return String(decoding: body, as: UTF8.self)
    }

    /// Offset of the first byte that breaks UTF-8, or nil when all of it is valid.
    public static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) }
    }

    /// Paragraphs of plain text: blank-line separated blocks with their inner line
    /// breaks joined by spaces; when there are no blank lines, every line is a paragraph.
    public static func paragraphs(of text: String) -> [String] {
        var text = text
        guard let layout = text.withUTF8({ try? ParagraphLayout(utf8: $0) }), !layout.isEmpty else { return [] }
        // Paragraphs hold no line feeds: they only separate paragraphs.
        return layout.text().utf8.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }
}
