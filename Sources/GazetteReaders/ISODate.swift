import Foundation

/// Publication dates as ISO 8601, truncated to the precision the source gives.
public enum ISODate {
    static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    /// RFC 822 zone names (RSS pubDate) and their offsets.
    static let zones: [String: String] = [
        "GMT": "Z", "UT": "Z", "UTC": "Z", "Z": "Z", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00",
        "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
    ]

    /// Normalises the date forms news sources use, or returns nil for anything else:
    /// - ISO 8601 ("2025-09-04", "2025-09-04T10:00:00Z", "2025-09-04 10:00:00+0200" → "2025-09-04T10:00:00+02:00"),
    ///   also basic ("20250904T100000Z", NITF) and partial ("2025-09", "2025");
    /// - RFC 822/1123 (RSS pubDate: "Thu, 04 Sep 2025 10:00:00 GMT" → "2025-09-04T10:00:00Z") and their deviations,
    ///   month and day names in en, pt, es, it, fr, de, nl, 12-hour clocks, zones by name or offset (see `wordDate`);
    /// - Reuters-21578 ("26-FEB-1987 15:01:01.79" → "1987-02-26T15:01:01").
    public static func normalise(_ value: String) -> String? {
        // Values that start and end with a visible ASCII character need no trimming (Foundation's is slow).
        let utf8 = value.utf8
        let trimmed: String
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            // The Reuters shape in place (it cannot be ISO 8601: those start with four digits).
            if (0x30...0x39).contains(first), let reuters = utf8.withContiguousStorageIfAvailable(reutersDate) ?? nil {
                return reuters
            }
            trimmed = value
        } else {
            trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let bytes = Array(trimmed.utf8)
        if let iso = iso8601(bytes) { return iso }
        if let reuters = reutersDate(bytes) { return reuters }
        return general(trimmed)
    }

    /// The rules for every form but the fast ones (`iso8601`, `reutersDate`), on a trimmed value; they also
    /// read the Reuters shape, which is how the fast path is tested.
    static func general(_ trimmed: String) -> String? {
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        // Reuters-21578: "26-FEB-1987 15:01:01.79".
        if let first = parts.first {
            let dayParts = first.split(separator: "-")
            if dayParts.count == 3, let day = Int(dayParts[0]), let month = months.firstIndex(of: dayParts[1].uppercased()),
                let year = Int(dayParts[2]), let date = date(year, month + 1, day)
            {
                if parts.count > 1, let time = time(parts[1]) { return date + "T" + time }
                return date
            }
        }
        // RFC 822/1123 and the forms feeds write with month names in any supported language.
        return wordDate(parts)
    }

    /// The usual Reuters-21578 shape read straight from the bytes: "D[D]-MON-YYYY[ HH:MM[:SS[.fff]]]"
    /// (month in capitals). Nil for anything else, which the general rules below then read (with the same
    /// result for these shapes: this is only the fast way to it).
    static func reutersDate(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { reutersDate($0) }
    }

    /// The months' three capitals as little-endian words, January first.
    static let monthWords: [UInt32] = months.map { name in
        name.utf8.enumerated().reduce(0) { word, byte in word | UInt32(byte.element) << (8 * UInt32(byte.offset)) }
    }

    /// `reutersDate` over bytes in place, writing the answer straight into the string.
    static func reutersDate(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        @inline(__always) func digit(_ index: Int) -> Int? {
            guard index < bytes.count else { return nil }
            let value = Int(bytes[index]) &- 0x30
            return value >= 0 && value <= 9 ? value : nil
        }
        guard let firstDigit = digit(0) else { return nil }
        var day = firstDigit, at = 1
        if let second = digit(1) {
            day = day * 10 + second
            at = 2
        }
        guard at + 9 <= bytes.count, bytes[at] == UInt8(ascii: "-"), bytes[at + 4] == UInt8(ascii: "-") else { return nil }
        let name = UInt32(bytes[at + 1]) | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3]) << 16
        guard let month = monthWords.firstIndex(of: name) else { return nil }
        var year = 0
        for index in (at + 5)..<(at + 9) {
            guard let value = digit(index) else { return nil }
            year = year * 10 + value
        }
        guard (1000...9999).contains(year), (1...31).contains(day) else { return nil }
        at += 9
        // " HH:MM" or " HH:MM:SS" with an optional ".digits", then the end.
        var clock = (0, 0, 0), numbers = 0
        if at < bytes.count {
            guard bytes[at] == UInt8(ascii: " ") else { return nil }
            var cursor = at + 1
            while numbers < 3 {
                guard let tens = digit(cursor), let units = digit(cursor + 1) else { return nil }
                switch numbers {
                case 0: clock.0 = tens * 10 + units
                case 1: clock.1 = tens * 10 + units
                default: clock.2 = tens * 10 + units
                }
                numbers += 1
                cursor += 2
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") else { break }
                cursor += 1
            }
            if numbers == 3, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
                cursor += 1
                while digit(cursor) != nil { cursor += 1 }
            }
            guard cursor == bytes.count, numbers >= 2, clock.0 < 24, clock.1 < 60, numbers < 3 || clock.2 < 61 else { return nil }
        }
        // "YYYY-MM-DD" and maybe "THH:MM[:SS]", written as bytes (as `date` and `time` would write them).
        let length = numbers == 0 ? 10 : 10 + 3 * numbers
        return String(unsafeUninitializedCapacity: length) { output in
            func two(_ value: Int, at position: Int) {
                output[position] = UInt8(truncatingIfNeeded: 0x30 + value / 10)
                output[position + 1] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
            }
            two(year / 100, at: 0)
            two(year % 100, at: 2)
            output[4] = UInt8(ascii: "-")
            two(month + 1, at: 5)
            output[7] = UInt8(ascii: "-")
            two(day, at: 8)
            if numbers > 0 {
                output[10] = UInt8(ascii: "T")
                two(clock.0, at: 11)
                output[13] = UInt8(ascii: ":")
                two(clock.1, at: 14)
                if numbers == 3 {
                    output[16] = UInt8(ascii: ":")
                    two(clock.2, at: 17)
                }
            }
            return length
        }
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1000...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// A non-negative number with leading zeros to `width` digits, as `%0Nd` writes it (without the cost of
    /// `String(format:)`, which dominated reading dates).
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// "15:01:01.79" → "15:01:01"; "10:00" stays.
    static func time(_ value: String) -> String? {
        let pieces = value.split(separator: ":")
        guard pieces.count == 2 || pieces.count == 3 else { return nil }
        var numbers: [Int] = []
        for (index, piece) in pieces.enumerated() {
            let whole = index == 2 ? piece.prefix { $0 != "." } : piece[...]
            // Digits only: Int() would also take a sign ("-5").
            guard whole.count == 2, whole.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(whole) else { return nil }
            numbers.append(number)
        }
        guard numbers[0] < 24, numbers[1] < 60, numbers.count < 3 || numbers[2] < 61 else { return nil }
        return numbers.map { padded($0, 2) }.joined(separator: ":")
    }

    /// "+0200", "+02:00", "-05", "GMT", "Z" → "+02:00", "Z", …; nil when not an offset.
    static func offset(_ value: String) -> String? {
        if let zone = zones[value.uppercased()] { return zone }
        let bytes = Array(value.utf8)
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.count == 4 || digits.count == 2, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let text = String(decoding: digits, as: UTF8.self)
        let hours = text.prefix(2), minutes = digits.count == 4 ? text.suffix(2) : "00"
        if hours == "00", minutes == "00" { return "Z" }
        return "\(Character(Unicode.Scalar(sign)))\(hours):\(minutes)"
    }

    /// ISO 8601 extended or basic forms, validated and put in extended form.
    static func iso8601(_ bytes: [UInt8]) -> String? {
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        func digits(_ range: Range<Int>) -> Int? {
            guard range.allSatisfy(isDigit) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard let year = digits(0..<4), (1000...9999).contains(year) else { return nil }
        if bytes.count == 4 { return padded(year, 4) }
        let extended = bytes.count > 4 && bytes[4] == UInt8(ascii: "-")
        var cursor: Int
        var result: String
        if extended {
            guard let month = digits(5..<7), (1...12).contains(month) else { return nil }
            if bytes.count == 7 { return padded(year, 4) + "-" + padded(month, 2) }
            guard bytes.count >= 10, bytes[7] == UInt8(ascii: "-"), let day = digits(8..<10),
                let date = date(year, month, day)
            else { return nil }
            result = date
            cursor = 10
        } else {
            guard let month = digits(4..<6), let day = digits(6..<8), let date = date(year, month, day) else { return nil }
            result = date
            cursor = 8
        }
        guard cursor < bytes.count else { return result }
        guard bytes[cursor] == UInt8(ascii: "T") || bytes[cursor] == UInt8(ascii: "t") || bytes[cursor] == UInt8(ascii: " ") else {
            return nil
        }
        cursor += 1
        // The clock: hh:mm[:ss[.fff]] or hhmm[ss].
        var clock = ""
        if isDigit(cursor), isDigit(cursor + 1), cursor + 2 < bytes.count, bytes[cursor + 2] == UInt8(ascii: ":") {
            let end = bytes[cursor...].firstIndex { !(isDigitByte($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".")) } ?? bytes.count
            clock = String(decoding: bytes[cursor..<end], as: UTF8.self)
            cursor = end
        } else {
            let end = bytes[cursor...].firstIndex { !isDigitByte($0) } ?? bytes.count
            let raw = Array(bytes[cursor..<end])
            guard raw.count == 4 || raw.count == 6 else { return result }
            clock = stride(from: 0, to: raw.count, by: 2).map { String(decoding: raw[$0..<($0 + 2)], as: UTF8.self) }
                .joined(separator: ":")
            cursor = end
        }
        let checked = clock.split(separator: ".", maxSplits: 1)
        guard let main = checked.first, time(String(main)) != nil else { return result }
        if checked.count == 2, !(checked[1].allSatisfy(\.isNumber) && !checked[1].isEmpty) { return result + "T" + main }
        let zoneText = String(decoding: bytes[cursor...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if zoneText.isEmpty { return result + "T" + clock }
        guard let zone = offset(zoneText) else { return result + "T" + clock }
        return result + "T" + clock + zone
    }

    static func isDigitByte(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
