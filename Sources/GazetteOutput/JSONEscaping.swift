import GazetteBytes

/// Finds and writes what a JSON string literal must escape: quotes, backslashes, control
/// characters, and U+2028/U+2029 (valid JSON, but they break JavaScript consumers).
enum JSONEscaping {
    /// The longest escape, `\u00XX` or `\u2028`.
    static let maximumEscapeLength = 6

    /// One escape: the bytes it stands for and what to write.
    enum Escape {
        /// A backslash and this character.
        case short(UInt8)
        /// `\u` and these four hex digits of a code point below 0x10000.
        case unicode(UInt16, inputLength: Int)

        /// How many input bytes the escape replaces.
        var inputLength: Int {
            switch self {
            case .short: return 1
            case .unicode(_, let inputLength): return inputLength
            }
        }
    }

    /// The escape for the bytes at `start`, or nil when the candidate byte there (0xE2) starts
    /// a character other than U+2028 and U+2029 and is kept.
    @inline(__always)
    static func escape(at start: UnsafePointer<UInt8>, remaining: Int) -> Escape? {
        let byte = start[0]
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): return .short(byte)
        case 0x0A: return .short(UInt8(ascii: "n"))
        case 0x0D: return .short(UInt8(ascii: "r"))
        case 0x09: return .short(UInt8(ascii: "t"))
        case 0xE2:
            guard remaining > 2, start[1] == 0x80, start[2] == 0xA8 || start[2] == 0xA9 else { return nil }
            return .unicode(start[2] == 0xA8 ? 0x2028 : 0x2029, inputLength: 3)
        default: return .unicode(UInt16(byte), inputLength: 1)
        }
    }

    /// Writes `escape`; returns how many bytes it took.
    @inline(__always)
    static func write(_ escape: Escape, to output: UnsafeMutablePointer<UInt8>) -> Int {
        output[0] = UInt8(ascii: "\\")
        switch escape {
        case .short(let character):
            output[1] = character
            return 2
        case .unicode(let codePoint, _):
            output[1] = UInt8(ascii: "u")
            for position in 0..<4 {
                let nibble = UInt8(truncatingIfNeeded: codePoint >> (12 - 4 * position)) & 0xF
                output[2 + position] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 6
        }
    }

    /// The index of the first byte from `start` that is a control character, a quote, a
    /// backslash or 0xE2 (the lead byte of U+2028 and U+2029), or `count` when there is none.
    @inline(__always)
    static func firstCandidate(in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        ByteScan.firstOffset(
            in: UnsafeBufferPointer(start: base, count: count), from: start, to: count,
            where: { word in
                ByteWord.firstBelow(word, 0x20) | ByteWord.firstEqual(word, 0x22) | ByteWord.firstEqual(word, 0x5C)
                    | ByteWord.firstEqual(word, 0xE2)
            },
            matching: { byte in byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 })
    }
}
