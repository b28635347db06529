import GazetteCore

/// A direct quotation in a document: the text between an opening and a closing quotation mark of
/// one paragraph, or from an opening mark to the paragraph's end when the quote runs on into the
/// next paragraph (news style: the next paragraph opens with a quotation mark again).
struct Quotation: Equatable {
    /// The offset of the opening mark.
    var open: Int
    /// The offset of the closing mark, or of the paragraph's end when the quote is not closed in it.
    var close: Int
    /// Whether a closing mark ends the quote in its paragraph.
    var closed: Bool
    /// The index of the paragraph (counted by line breaks).
    var paragraph: Int

    /// The quoted text without its marks.
    var content: TextSpan { TextSpan(start: open + 1, end: close) }
}

/// Finds the quotations of a text: straight double quotes pair up within a paragraph, “ opens and ”
/// closes („ opens too), a line break ends every open quote.
enum QuotationScanner {
    /// What the scanner looks at: line breaks and quotation marks (ASCII text holds only the first two).
    static let marks = DocumentText.ScalarSet(["\n", "\"", "\u{201C}", "\u{201D}", "\u{201E}"])

    /// The quotations of a text, in text order.
    static func quotations(in text: DocumentText) -> [Quotation] {
        let scalars = text.scalars
        var result: [Quotation] = []
        var open: Int?
        var paragraph = 0
        var previousBreak = -2
        func endParagraph(at offset: Int) {
            if let start = open {
                var end = offset
                while end > start + 1, scalars[end - 1] == " " || scalars[end - 1] == "\r" { end -= 1 }
                if end > start + 1 { result.append(Quotation(open: start, close: end, closed: false, paragraph: paragraph)) }
            }
            open = nil
        }
        for offset in text.offsets(of: marks) {
            switch scalars[offset].value {
            case 0x0A:
                endParagraph(at: offset)
                // A blank line or a single break both end a paragraph; runs of breaks count once.
                if offset != previousBreak + 1 { paragraph += 1 }
                previousBreak = offset
            case 0x22:
                if let start = open {
                    result.append(Quotation(open: start, close: offset, closed: true, paragraph: paragraph))
                    open = nil
                } else {
                    open = offset
                }
            case 0x201D:
                if let start = open { result.append(Quotation(open: start, close: offset, closed: true, paragraph: paragraph)) }
                open = nil
            default:
                open = offset
            }
        }
        endParagraph(at: scalars.count)
        return result
    }
}
