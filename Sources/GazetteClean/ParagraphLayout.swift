import GazetteBytes

/// Plain text laid out as paragraphs in one pass over its UTF-8 bytes: every line is
/// whitespace-collapsed; blank-line separated blocks become paragraphs with their lines joined
/// by spaces, and when there are no blank lines between text, every line is a paragraph.
struct ParagraphLayout {
    /// The collapsed lines; lines of one block are joined by a space, blocks by "\n\n".
    private(set) var body: [UInt8] = []
    /// Offsets in `body` of the spaces that join the lines of the first block. They become
    /// paragraph breaks when the text turns out to have no blank line between text.
    private var firstBlockJoins: [Int] = []
    /// The number of blank-line separated blocks of text.
    private var blocks = 0
    /// Where the first block ends in `body` once a second one has begun.
    private var firstBlockEnd = 0
    /// Whether the bytes hold a NUL byte (dropped from the text like any control character).
    private(set) var containsNUL = false

    /// Why bytes cannot be laid out: the offset of the first byte that breaks UTF-8.
    struct InvalidUTF8: Error {
        let offset: Int
    }

    /// Lays out `bytes`, which must be UTF-8; `bytes` offsets are those of the error.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(InvalidUTF8) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        // Lines never grow and every separator written stands for at least as many line feeds,
        // so the body fits in the input's size.
        var failure: Int?
        let body = [UInt8](unsafeUninitializedCapacity: bytes.count) { output, count in
            failure = layOut(base: base, end: base + bytes.count, into: output.baseAddress!, count: &count)
        }
        if let failure { throw InvalidUTF8(offset: failure) }
        self.body = body
    }

    /// Lays out `base..<end` into `output`, setting `count`; returns the offset of the first
    /// ill-formed UTF-8 byte instead when there is one.
    private mutating func layOut(base: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>,
                                 into output: UnsafeMutablePointer<UInt8>, count: inout Int) -> Int? {
        var written = 0
        var lineHasText = false
        var pendingSpace = false
        // Whether the last line with text belongs to the current block (no blank line since).
        var inBlock = false
        var cursor = base
        defer { count = written }
        while cursor < end {
            let lead = cursor[0]
            let length: Int
            let role: Whitespace.Role
            if lead < 0x80 {
                length = 1
                role = Whitespace.role(ofASCII: lead)
                if lead == 0 { containsNUL = true }
            } else {
                guard let scalarLength = UTF8Validation.sequenceLength(at: cursor, end: end) else { return cursor - base }
                length = scalarLength
                role = Whitespace.role(ofScalarAt: cursor, length: length)
            }
            switch role {
            case .text:
                if !lineHasText {
                    lineHasText = true
                    if inBlock {
                        if blocks == 1 { firstBlockJoins.append(written) }
                        output[written] = 0x20
                        written += 1
                    } else {
                        if blocks == 1 { firstBlockEnd = written }
                        if blocks > 0 {
                            output[written] = 0x0A
                            output[written + 1] = 0x0A
                            written += 2
                        }
                        blocks += 1
                        inBlock = true
                    }
                } else if pendingSpace {
                    output[written] = 0x20
                    written += 1
                }
                pendingSpace = false
                if length == 1 {
                    output[written] = lead
                    written += 1
                    cursor += 1
                    Self.copyPlainRun(from: &cursor, end: end, to: output, written: &written)
                    continue
                }
                for offset in 0..<length { output[written + offset] = cursor[offset] }
                written += length
            case .space:
                pendingSpace = lineHasText
            case .lineFeed:
                if !lineHasText { inBlock = false }
                lineHasText = false
                pendingSpace = false
            case .dropped:
                break
            }
            cursor += length
        }
        return nil
    }

    /// Copies the rest of an ASCII word, and single spaces between ASCII words, which need no more thought:
    /// eight bytes at a time while they are all such, else one step (a byte, or a space and a byte) before eight
    /// are tried again. Stops at the first byte that needs the general loop.
    @inline(__always)
    private static func copyPlainRun(from cursor: inout UnsafePointer<UInt8>, end: UnsafePointer<UInt8>,
                                     to output: UnsafeMutablePointer<UInt8>, written: inout Int) {
        while true {
            while end - cursor >= 8 {
                // Safety: end - cursor >= 8, so the eight bytes read lie inside the input; the output
                // has room for the input's size and `written` never passes the bytes read.
                let bytes = ByteWord.load(UnsafeRawPointer(cursor), at: 0)
                guard Self.isPlainRun(bytes) else { break }
                UnsafeMutableRawPointer(output + written).storeBytes(of: bytes.littleEndian, as: UInt64.self)
                written += 8
                cursor += 8
            }
            guard cursor < end else { return }
            let byte = cursor[0]
            if byte > 0x20 && byte < 0x7F {
                output[written] = byte
                written += 1
                cursor += 1
            } else if byte == 0x20 && end - cursor > 1 && cursor[1] > 0x20 && cursor[1] < 0x7F {
                output[written] = 0x20
                output[written + 1] = cursor[1]
                written += 2
                cursor += 2
            } else {
                return
            }
        }
    }

    /// Whether eight bytes (the first in the lowest byte) are copied unchanged by the byte loop:
    /// printable ASCII where every space is followed by a printable non-space in the same eight bytes.
    @inline(__always)
    static func isPlainRun(_ bytes: UInt64) -> Bool {
        // Every byte printable ASCII (0x20 to 0x7E).
        guard ByteWord.inRange(bytes, 0x20, 0x7E) == ByteWord.highBits else { return false }
        let spaces = ByteWord.equal(bytes, 0x20)
        // No space followed by a space, and no space in the last byte (what follows it is not known here).
        return spaces & (spaces &>> 8) == 0 && spaces &>> 63 == 0
    }

    /// Whether there is no text at all.
    var isEmpty: Bool { blocks == 0 }

    /// Whether every line is a paragraph (there is no blank line between text).
    private var linesAreParagraphs: Bool { blocks == 1 }

    /// The bytes of the first paragraph.
    var firstParagraph: ArraySlice<UInt8> {
        body[..<(linesAreParagraphs ? firstBlockJoins.first ?? body.count : firstBlockEnd)]
    }

    /// The size of `text(after:)` without its prefix.
    private var textCount: Int { body.count + (linesAreParagraphs ? firstBlockJoins.count : 0) }

    /// The paragraphs separated by blank lines ("\n\n"), after `prefix` and a blank line when
    /// `prefix` is given.
    func text(after prefix: String? = nil) -> String {
        var prefix = prefix
        let prefixCount = prefix.map { $0.utf8.count + 2 } ?? 0
        return String(unsafeUninitializedCapacity: prefixCount + textCount) { buffer in
            guard let output = buffer.baseAddress else { return 0 }
            var written = 0
            func append(_ source: UnsafePointer<UInt8>, _ count: Int) {
                (output + written).update(from: source, count: count)
                written += count
            }
            func appendBlankLine() {
                output[written] = 0x0A
                output[written + 1] = 0x0A
                written += 2
            }
            if prefix != nil {
                prefix!.withUTF8 { utf8 in
                    if let base = utf8.baseAddress { append(base, utf8.count) }
                }
                appendBlankLine()
            }
            body.withUnsafeBufferPointer { body in
                guard let base = body.baseAddress else { return }
                var start = 0
                if linesAreParagraphs {
                    for join in firstBlockJoins {
                        append(base + start, join - start)
                        appendBlankLine()
                        start = join + 1
                    }
                }
                append(base + start, body.count - start)
            }
            return written
        }
    }
}
