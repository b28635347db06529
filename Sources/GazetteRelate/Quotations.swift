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
    /// The quotations of `scalars`, in text order.
    static func quotations(in scalars: ScalarText) -> [Quotation] {
        // ASCII text opens quotations only with '"': without one there are none.
        guard scalars.mayContain(ascii: 0x22) else { return [] }
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
        // ASCII text: only the bytes '"' and "\n" matter, found eight bytes at a time.
        let candidates = scalars.isASCII ? scalars.asciiOffsets(of: 0x22, or: 0x0A) : Array(scalars.indices)
        for offset in candidates {
            let value = scalars[offset].value
            // Only "\n", '"' and U+201C…U+201E matter: most scalars fail this first test.
            guard value == 0x0A || value == 0x22 || (value >= 0x201C && value <= 0x201E) else { continue }
            switch value {
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

extension ScalarText {
    /// The offsets of the bytes `a` and `b` in ASCII text, eight bytes at a time.
    func asciiOffsets(of a: UInt8, or b: UInt8) -> [Int] {
        var result: [Int] = []
        withASCIIBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            let ones: UInt64 = 0x0101_0101_0101_0101
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let patternA = ones &* UInt64(a)
            let patternB = ones &* UInt64(b)
            /// The high bit of each zero byte of `x`, of no other (adding 0x7F to the low seven bits
            /// sets the high bit of every byte but a zero one, without carrying into the next).
            func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low) &+ low) | x | low) }
            var offset = 0
            while offset + 8 <= bytes.count {
                // Safe: the eight bytes read, offset..<offset + 8, lie inside the buffer.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                // The bytes equal to `a` or `b`, lowest (first) first.
                var hits = zeroBytes(word ^ patternA) | zeroBytes(word ^ patternB)
                while hits != 0 {
                    result.append(offset + hits.trailingZeroBitCount / 8)
                    hits &= hits &- 1
                }
                offset += 8
            }
            for index in offset..<bytes.count where bytes[index] == a || bytes[index] == b { result.append(index) }
        }
        return result
    }
}
