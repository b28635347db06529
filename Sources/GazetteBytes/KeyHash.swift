/// The 32-bit hash that matching keys are looked up by: a hash of a word's bytes with ASCII
/// letters folded to lower case, so "NATO", "Nato" and "nato" hash alike.
///
/// The segmenter computes it for every ASCII token while the bytes are hot (`Token.keyHash`),
/// and the matcher's vocabulary hashes its keys with the same function, so most tokens are
/// looked up without rereading the text. The value is never 0: 0 in a token means "not computed".
///
/// The hash works on 8-byte little-endian chunks of the folded bytes (the last one padded with
/// zero bytes), mixed by multiplication, then the length. Reference: `of(_:)`, one byte at a time.
public enum KeyHash {
    /// The hash of any bytes, ASCII letters folded to lower case (other bytes are taken as they are).
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var state = Self.start
        var position = 0
        while position < bytes.count {
            let length = min(8, bytes.count - position)
            var chunk: UInt64 = 0
            for index in 0..<length {
                var byte = bytes[position + index]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                chunk |= UInt64(byte) << UInt64(8 * index)
            }
            state = mix(state, chunk)
            position += 8
        }
        return finish(state, length: bytes.count)
    }

    /// The hash of bytes `[start, end)` of a text when they are all ASCII, else 0.
    ///
    /// Equal to `of(_:)` for ASCII bytes, but reads 8 bytes at a time (beyond `end` while the
    /// text lasts: those bytes are masked off).
    @inlinable @inline(__always)
    public static func ascii(in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt32 {
        // Most words fit in one chunk that can be read whole: one load, no loop.
        let length = end - start
        if length > 0, length <= 8, start + 8 <= text.count, let base = text.baseAddress {
            // Safety: start + 8 <= text.count, so the eight bytes read lie inside the text.
            let chunk = ByteWord.prefix(ByteWord.load(UnsafeRawPointer(base), at: start), count: length)
            guard ByteWord.nonASCII(chunk) == 0 else { return 0 }
            return finish(mix(Self.start, foldASCII(chunk)), length: length)
        }
        return asciiChunks(in: text, from: start, to: end)
    }

    /// `ascii(in:from:to:)` for words longer than one chunk or at the end of the text.
    @inlinable
    static func asciiChunks(in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt32 {
        guard let base = text.baseAddress else { return 0 }
        var state = Self.start
        var position = start
        while position < end {
            let length = min(8, end - position)
            var chunk: UInt64
            if position + 8 <= text.count {
                // Safety: position + 8 <= text.count, so the eight bytes read lie inside the text.
                chunk = ByteWord.prefix(ByteWord.load(UnsafeRawPointer(base), at: position), count: length)
            } else {
                chunk = 0
                for index in 0..<length { chunk |= UInt64(base[position + index]) << UInt64(8 * index) }
            }
            guard ByteWord.nonASCII(chunk) == 0 else { return 0 }
            state = mix(state, foldASCII(chunk))
            position += 8
        }
        return finish(state, length: end - start)
    }

    /// ASCII capitals of a chunk made to lower case; every byte must be below 0x80.
    @inlinable @inline(__always)
    static func foldASCII(_ chunk: UInt64) -> UInt64 {
        // Bit 7 of a byte is set after adding 0x3F when the byte is at least "A" (0x41), and after adding 0x25
        // when it is at least "[" (0x5B); bytes below 0x80 never carry into the next. (ByteWord.lowercasedASCII
        // without its care for bytes of 0x80 or more: one instruction less, on every token.)
        let atLeastA = chunk &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = chunk &+ 0x2525_2525_2525_2525
        let capitals = atLeastA & ~pastZ & ByteWord.highBits
        return chunk | (capitals &>> 2)
    }

    /// The state before the first chunk.
    @inlinable static var start: UInt64 { FNV1a.offsetBasis }

    /// One chunk mixed into the state.
    @inlinable @inline(__always)
    static func mix(_ state: UInt64, _ chunk: UInt64) -> UInt64 {
        let product = (state ^ chunk) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 29)
    }

    /// The 32-bit hash of a state and the key's length (never 0).
    @inlinable @inline(__always)
    static func finish(_ state: UInt64, length: Int) -> UInt32 {
        let hash = UInt32(truncatingIfNeeded: ((state ^ UInt64(length)) &* 0xBF58_476D_1CE4_E5B9) >> 32)
        return hash == 0 ? 1 : hash
    }
}
