import GazetteBytes

/// ICU's word break (locale "en", ICU 72's root rules) on ASCII bytes, without calling ICU.
///
/// On ASCII text ICU's rules reduce to a few byte classes, found by running ICU on every byte
/// in a set of contexts (see ASCIIWordBreakTests):
/// - letter: `A-Z a-z @` (ICU adds "@" to ALetter), numeric: `0-9`, extendNumLet: `_`,
/// - midNumLet: `. '` (MidNumLet and Single_Quote act alike without Hebrew letters),
/// - midNum: `, ;` (":" is not MidLetter in ICU's rules), space: U+0020 (WSegSpace),
/// - cr and lf (CR LF stays together), and every other byte (tab included) alone.
///
/// A word is a chain of letters, digits and "_" (UAX #29 WB5, 8-10, 13a/b), with a single
/// midNumLet between two letters or a midNum/midNumLet between two digits (WB6/7, WB11/12).
/// ICU's rule status is the largest tag of the rules that end on the word's last byte:
/// 200 on a letter, or on "_" after a letter or "_"; 100 on a digit (even after a letter:
/// "abc1" is 100) or on "_" after a digit; 0 on anything else (a lone "_").
///
/// `BreakIterator.forEachWord` uses this on ASCII stretches and ICU around non-ASCII bytes;
/// ICU itself stays the reference (`BreakIterator.forEachSegment`), and the tests compare both.
public enum ASCIIWordBreak {
    /// The word-break class of an ASCII byte.
    @usableFromInline
    enum ByteClass: UInt8 {
        case other, letter, numeric, extendNumLet, midNumLet, midNum, space, cr, lf
    }

    /// The class of an ASCII byte (below 0x80).
    @inlinable @inline(__always)
    static func byteClass(_ byte: UInt8) -> ByteClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "@"): .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .numeric
        case UInt8(ascii: "_"): .extendNumLet
        case UInt8(ascii: "."), UInt8(ascii: "'"): .midNumLet
        case UInt8(ascii: ","), UInt8(ascii: ";"): .midNum
        case 0x20: .space
        case 0x0D: .cr
        case 0x0A: .lf
        default: .other
        }
    }

    /// Whether a middle byte of class `middle` joins `last` and `next` (WB6/7, WB11/12).
    @inlinable @inline(__always)
    static func joinsAcross(_ last: ByteClass, _ middle: ByteClass, _ next: ByteClass) -> Bool {
        if last == .letter { return middle == .midNumLet && next == .letter }
        if last == .numeric { return (middle == .midNumLet || middle == .midNum) && next == .numeric }
        return false
    }

    /// ICU's rule status of a word ending in a byte of class `last` after one of class `before`
    /// (`.other` when the word has one byte).
    @inlinable @inline(__always)
    static func status(last: ByteClass, before: ByteClass) -> Int32 {
        switch last {
        case .letter: return 200
        case .numeric: return 100
        case .extendNumLet:
            switch before {
            case .letter, .extendNumLet: return 200
            case .numeric: return 100
            default: return 0
            }
        default: return 0
        }
    }

    /// The end of the segment that starts at `start` and ICU's rule status for it.
    ///
    /// Every byte of `start..<limit` must be ASCII, `start < limit`, and `limit` must be the end
    /// of the text or a boundary ICU finds whatever follows (the segment never crosses it).
    @inlinable
    public static func segment(
        in text: UnsafePointer<UInt8>, from start: Int, limit: Int
    ) -> (end: Int, status: Int32) {
        // Safety: every read is at an index in start..<limit, which the caller guarantees is in the text.
        let first = byteClass(text[start])
        switch first {
        case .letter, .numeric, .extendNumLet:
            return word(in: text, from: start, limit: limit)
        case .space:
            var end = start + 1
            while end < limit && text[end] == 0x20 { end += 1 }
            return (end, 0)
        case .cr:
            return (start + 1 < limit && text[start + 1] == 0x0A ? start + 2 : start + 1, 0)
        default:
            return (start + 1, 0)
        }
    }

    /// Whether an ASCII byte is a letter, digit or "_": these chain into words in every order
    /// (WB5, WB8-10, WB13a/b). Read from a 128-bit set: digits in the low half, "@", letters and
    /// "_" in the high half.
    @inlinable @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        let set: UInt64 = byte < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFF
        return (set >> UInt64(byte & 63)) & 1 != 0
    }

    /// Whether an ASCII byte is a midNumLet or midNum mark: . ' , ;
    @inlinable @inline(__always)
    static func isMiddle(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
    }

    /// A word (letters, digits, "_" and the middle marks between them) from `start`.
    ///
    /// The status depends only on the last byte (a letter or digit: 200 or 100, as in `status`)
    /// and, for "_", the byte before it (a middle mark is always followed by a letter or digit),
    /// so the loop does not track classes.
    @inlinable
    static func word(in text: UnsafePointer<UInt8>, from start: Int, limit: Int) -> (end: Int, status: Int32) {
        // Safety: every read is at an index in start..<limit, which the caller guarantees is in the text.
        var end = start + 1
        while end < limit {
            let byte = text[end]
            if isWordByte(byte) {
                end += 1
            } else if end + 1 < limit, isMiddle(byte),
                joinsAcross(byteClass(text[end - 1]), byteClass(byte), byteClass(text[end + 1]))
            {
                end += 2
            } else {
                break
            }
        }
        let last = text[end - 1]
        guard last == UInt8(ascii: "_") else { return (end, last &- UInt8(ascii: "0") < 10 ? 100 : 200) }
        return (end, status(last: .extendNumLet, before: end - start >= 2 ? byteClass(text[end - 2]) : .other))
    }

    /// Whether ICU breaks before `offset` whatever the text around: after a space before an
    /// ASCII byte that is not a space (only WB3d joins a space to what follows), or after a line
    /// feed before an ASCII byte (WB3a). No rule reaches across such a point, so ICU segments
    /// the text on either side alike when given only that side.
    @inlinable @inline(__always)
    static func isCertainBoundary(_ text: UnsafePointer<UInt8>, _ offset: Int) -> Bool {
        // Safety: callers pass 0 < offset < the text's length.
        let next = text[offset]
        let previous = text[offset - 1]
        return next < 0x80 && ((previous == 0x20 && next != 0x20) || previous == 0x0A)
    }

    /// The last certain boundary in `floor + 1...offset`, or `floor` if there is none.
    @inlinable
    static func certainBoundary(atOrBefore offset: Int, in text: UnsafePointer<UInt8>, floor: Int) -> Int {
        var candidate = offset
        while candidate > floor {
            if isCertainBoundary(text, candidate) { return candidate }
            candidate -= 1
        }
        return floor
    }

    /// The first certain boundary after `offset`, or `count`.
    @inlinable
    static func certainBoundary(after offset: Int, in text: UnsafePointer<UInt8>, count: Int) -> Int {
        var candidate = offset + 1
        while candidate < count {
            if isCertainBoundary(text, candidate) { return candidate }
            candidate += 1
        }
        return count
    }

    /// The offset of the first byte at or after `offset` that is not ASCII, or `count`.
    @inlinable
    static func firstNonASCII(in text: UnsafePointer<UInt8>, from offset: Int, count: Int) -> Int {
        // Safety: the caller guarantees `count` bytes at `text`.
        ByteScan.firstNonASCII(in: UnsafeBufferPointer(start: text, count: count), from: offset)
    }

    /// The extent of text that ICU segments around the non-ASCII byte at `offset`, from
    /// certain boundary to certain boundary. Non-ASCII bytes less than `gap` bytes apart share
    /// one extent: giving ICU new text costs about 1,500 instructions, and ICU spends about 100
    /// more per byte than the fast path (on multilingual pages 16 beat 64 by 2 % of the stage).
    @inlinable
    static func icuExtent(
        around offset: Int, in text: UnsafePointer<UInt8>, from floor: Int, count: Int, gap: Int = 16
    ) -> Range<Int> {
        let start = certainBoundary(atOrBefore: offset, in: text, floor: floor)
        var end = certainBoundary(after: offset, in: text, count: count)
        while end < count {
            let next = firstNonASCII(in: text, from: end, count: min(count, end + gap))
            if next == min(count, end + gap) { break }
            end = certainBoundary(after: next, in: text, count: count)
        }
        return start..<end
    }
}
