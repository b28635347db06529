/// Eight bytes at a time ("SWAR": SIMD within a register): tests on the eight bytes of a `UInt64`, byte `i` of
/// the text in bits `8i..<8i+8` (as `ByteScan` loads them, little-endian).
///
/// Each test returns a *mask*: the high bit (0x80) of every byte that passes, no other bit. Every mask is exact
/// for every byte (no carry or borrow crosses from one byte into the next), so masks can be combined with `|`,
/// `&` and shifts. `firstByte(of:)` turns a mask into the index of its first byte.
///
/// Reference for every test: the same test applied to each byte on its own (`ByteWordTests` compares them).
public enum ByteWord {
    /// 0x01 in every byte.
    @inlinable public static var ones: UInt64 { 0x0101_0101_0101_0101 }
    /// 0x80 in every byte: the mask of all eight bytes.
    @inlinable public static var highBits: UInt64 { 0x8080_8080_8080_8080 }
    /// 0x7F in every byte.
    @inlinable public static var lowBits: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

    /// `byte` in every byte of the word.
    @inlinable @inline(__always)
    public static func repeating(_ byte: UInt8) -> UInt64 { ones &* UInt64(byte) }

    /// The eight bytes from `offset` of `base`, the first in the lowest bits.
    ///
    /// The caller guarantees that `offset..<offset + 8` lies inside the memory `base` points to.
    @inlinable @inline(__always)
    public static func load(_ base: UnsafeRawPointer, at offset: Int) -> UInt64 {
        // Safety: the caller guarantees the eight bytes are readable; loadUnaligned needs no alignment.
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The index (0 to 7) of the first byte marked in a nonzero `mask`.
    @inlinable @inline(__always)
    public static func firstByte(of mask: UInt64) -> Int { mask.trailingZeroBitCount &>> 3 }

    /// The number of bytes marked in `mask`.
    @inlinable @inline(__always)
    public static func count(of mask: UInt64) -> Int { mask.nonzeroBitCount }

    /// A mask's eight marks gathered into the lowest eight bits, byte `i`'s mark in bit `i`.
    @inlinable @inline(__always)
    public static func gatherMarks(_ mask: UInt64) -> UInt64 {
        // Each mark moved to bit 0 of its byte; the multiplier shifts byte i's bit to bit 56 + i, with no two
        // partial products meeting in the top byte.
        ((mask &>> 7) &* 0x0102_0408_1020_4080) &>> 56
    }

    /// Bytes of 0x80 or more (not ASCII).
    @inlinable @inline(__always)
    public static func nonASCII(_ word: UInt64) -> UInt64 { word & highBits }

    /// Bytes equal to zero.
    @inlinable @inline(__always)
    public static func zero(_ word: UInt64) -> UInt64 {
        // Adding 0x7F to the low seven bits sets the high bit of every byte whose low bits are not all zero,
        // without a carry into the next byte; or-ing the byte itself adds those with the high bit set.
        ~(((word & lowBits) &+ lowBits) | word) & highBits
    }

    /// Bytes equal to `byte`.
    @inlinable @inline(__always)
    public static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { zero(word ^ repeating(byte)) }

    /// Bytes equal to `byte`, for scans that want only the first (`firstByte(of:)`, `ByteScan.firstOffset`): the
    /// lowest mark is exact, marks above it may be false (a borrow from a matching byte spills upwards). One
    /// operation cheaper than `equal`.
    @inlinable @inline(__always)
    public static func firstEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ repeating(byte)
        return (difference &- ones) & ~difference & highBits
    }

    /// Bytes below `bound` (at most 0x80), for scans that want only the first: the lowest mark is exact, marks
    /// above it may be false. Cheaper than `below`.
    @inlinable @inline(__always)
    public static func firstBelow(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        (word &- repeating(bound)) & ~word & highBits
    }

    /// Bytes below `bound`, which must be at most 0x80 (bytes of 0x80 or more are never below it).
    @inlinable @inline(__always)
    public static func below(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        // The low seven bits plus (0x80 - bound) reach 0x80 exactly when they are at least `bound`; the sum
        // stays below 0x100, so no carry crosses a byte. Bytes with the high bit set are never below.
        ~(((word & lowBits) &+ repeating(0x80 &- bound)) | word) & highBits
    }

    /// Bytes in `lower...upper`, both at most 0x7F and `lower <= upper`.
    @inlinable @inline(__always)
    public static func inRange(_ word: UInt64, _ lower: UInt8, _ upper: UInt8) -> UInt64 {
        // The low seven bits plus (0x80 - lower) reach 0x80 from `lower` up, plus (0x7F - upper) from past
        // `upper` up; neither sum carries out of its byte. Bytes with the high bit set are never in the range.
        let low = word & lowBits
        return (low &+ repeating(0x80 &- lower)) & ~(low &+ repeating(0x7F &- upper)) & ~word & highBits
    }

    /// Continuation bytes of UTF-8 (0b10xxxxxx).
    @inlinable @inline(__always)
    public static func continuation(_ word: UInt64) -> UInt64 { word & ~(word &<< 1) & highBits }

    /// ASCII letters, either case.
    @inlinable @inline(__always)
    public static func asciiLetters(_ word: UInt64) -> UInt64 {
        // With 0x20 set, both cases of a letter fall in "a"..."z"; bytes of 0x80 or more are masked off.
        inRange((word | repeating(0x20)) & lowBits, 0x61, 0x7A) & ~word
    }

    /// The word with its ASCII capitals ("A"..."Z") lower-cased; other bytes unchanged.
    @inlinable @inline(__always)
    public static func lowercasedASCII(_ word: UInt64) -> UInt64 {
        word | (inRange(word, 0x41, 0x5A) &>> 2)
    }

    /// The word with bit 0x20 set in every ASCII byte: lower-cases a word whose ASCII bytes are all letters
    /// (cheaper than `lowercasedASCII` when that is known).
    @inlinable @inline(__always)
    public static func settingASCIICaseBit(_ word: UInt64) -> UInt64 { word | ((~word & highBits) &>> 2) }

    /// The lowest `count` bytes of `word` (1 to 8), the rest zero.
    @inlinable @inline(__always)
    public static func prefix(_ word: UInt64, count: Int) -> UInt64 {
        word & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* count))
    }
}
