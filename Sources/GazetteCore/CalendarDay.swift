/// A calendar day written `YYYY-MM-DD`: the day a document's `published` starts with, the run's `--as-of`,
/// `meta.as_of`. The one place that says what such a day looks like.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The ten characters `YYYY-MM-DD`.
    public let text: String

    /// A day given exactly as `YYYY-MM-DD` with a year 1000–9999, a month 01–12 and a day 01–31; nil otherwise.
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        guard Self.hasDayShape(utf8[...]) else { return nil }
        func number(_ range: Range<Int>) -> Int { utf8[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        guard (1000...9999).contains(number(0..<4)), (1...12).contains(number(5..<7)), (1...31).contains(number(8..<10))
        else { return nil }
        self.text = text
    }

    @usableFromInline
    init(unchecked text: String) { self.text = text }

    /// The day a text starts with, by shape only (four digits, a dash, two digits, a dash, two digits), as
    /// the annotator reads `published` ("2025-09-04T10:00:00Z" starts with 2025-09-04). A tenth character
    /// that a combining mark extends is no day.
    @inlinable
    public static func leading(_ text: String) -> CalendarDay? {
        // The usual case on bytes: ten ASCII bytes "YYYY-MM-DD" and then nothing, or an ASCII byte (which cannot
        // join the tenth character into a longer one).
        let bytes = text.utf8.span
        if bytes.count >= 10, bytes.count == 10 || bytes[10] < 0x80 {
            guard hasDayShape(prefixOf: bytes) else { return nil }
            return CalendarDay(unchecked: String(decoding: text.utf8.prefix(10), as: UTF8.self))
        }
        if text.count >= 10 {
            let day = String(text.prefix(10))
            if hasDayShape(day.utf8) { return CalendarDay(unchecked: day) }
        }
        return nil
    }

    /// `hasDayShape(bytes.prefix(10))` for at least ten bytes, read in place from the text's span: the annotator
    /// asks for every document's day at least twice (a generic `prefix(10)` cost hundreds of instructions a call).
    @inlinable
    static func hasDayShape(prefixOf bytes: Span<UInt8>) -> Bool {
        for position in 0..<10 {
            let byte = bytes[position]
            guard position == 4 || position == 7 ? byte == UInt8(ascii: "-") : byte &- 0x30 < 10 else { return false }
        }
        return true
    }

    /// Whether the bytes are exactly `DDDD-DD-DD` (D an ASCII digit).
    @inlinable
    public static func hasDayShape(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count == 10 && bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (0x30...0x39).contains(byte)
        }
    }

    /// The day as written, `YYYY-MM-DD`.
    public var description: String { text }

    /// Earlier days first (the text order of `YYYY-MM-DD`).
    public static func < (left: CalendarDay, right: CalendarDay) -> Bool { left.text < right.text }
}
