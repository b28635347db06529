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
    /// - RFC 822 (RSS pubDate: "Thu, 04 Sep 2025 10:00:00 GMT" → "2025-09-04T10:00:00Z");
    /// - Reuters-21578 ("26-FEB-1987 15:01:01.79" → "1987-02-26T15:01:01").
    public static func normalise(_ value: String) -> String? {
        // Values that start and end with a visible ASCII character need no trimming (Foundation's is slow).
        let utf8 = value.utf8
        let trimmed: String
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            trimmed = value
        } else {
            trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let bytes = Array(trimmed.utf8)
        if let iso = iso8601(bytes) { return iso }
        if let reuters = reutersDate(bytes) { return reuters }
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
        // RFC 822: "[Thu,] 04 Sep 2025 [10:00[:00]] [zone]".
        var fields = parts[...]
        if let first = fields.first, Int(first) == nil { fields = fields.dropFirst() }
        if fields.count >= 3, let day = Int(fields[fields.startIndex]),
            let month = months.firstIndex(of: String(fields[fields.startIndex + 1].prefix(3)).uppercased()),
            var year = Int(fields[fields.startIndex + 2])
        {
            if year < 100 { year += year < 50 ? 2000 : 1900 }
            guard let date = date(year, month + 1, day) else { return nil }
            let rest = fields.dropFirst(3)
            guard let clock = rest.first, let time = time(clock) else { return date }
            let zone = rest.dropFirst().first.flatMap(offset) ?? ""
            return date + "T" + time + zone
        }
        return nil
    }

    /// The usual Reuters-21578 shape read straight from the bytes: "D[D]-MON-YYYY[ HH:MM[:SS[.fff]]]"
    /// (month in capitals). Nil for anything else, which the general rules below then read (with the same
    /// result for these shapes: this is only the fast way to it).
    static func reutersDate(_ bytes: [UInt8]) -> String? {
        func digit(_ index: Int) -> Int? {
            guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { return nil }
            return Int(bytes[index] - 0x30)
        }
        guard let firstDigit = digit(0) else { return nil }
        var day = firstDigit, at = 1
        if let second = digit(1) {
            day = day * 10 + second
            at = 2
        }
        guard at + 9 <= bytes.count, bytes[at] == UInt8(ascii: "-"), bytes[at + 4] == UInt8(ascii: "-") else { return nil }
        let name = bytes[(at + 1)..<(at + 4)]
        guard let month = months.firstIndex(where: { $0.utf8.elementsEqual(name) }) else { return nil }
        var year = 0
        for index in (at + 5)..<(at + 9) {
            guard let value = digit(index) else { return nil }
            year = year * 10 + value
        }
        guard (1000...9999).contains(year), (1...31).contains(day) else { return nil }
        // "YYYY-MM-DD" and maybe "THH:MM[:SS]", written as bytes (as `date` and `time` would write them).
        var output: [UInt8] = []
        output.reserveCapacity(19)
        func two(_ value: Int) {
            output.append(UInt8(0x30 + value / 10))
            output.append(UInt8(0x30 + value % 10))
        }
        two(year / 100)
        two(year % 100)
        output.append(UInt8(ascii: "-"))
        two(month + 1)
        output.append(UInt8(ascii: "-"))
        two(day)
        at += 9
        if at == bytes.count { return String(decoding: output, as: UTF8.self) }
        // " HH:MM" or " HH:MM:SS" with an optional ".digits", then the end.
        guard bytes[at] == UInt8(ascii: " ") else { return nil }
        var numbers: [Int] = []
        var cursor = at + 1
        while numbers.count < 3 {
            guard let tens = digit(cursor), let units = digit(cursor + 1) else { return nil }
            numbers.append(tens * 10 + units)
            cursor += 2
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") else { break }
            cursor += 1
        }
        if numbers.count == 3, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
            cursor += 1
            while digit(cursor) != nil { cursor += 1 }
        }
        guard cursor == bytes.count, numbers.count >= 2, numbers[0] < 24, numbers[1] < 60,
            numbers.count < 3 || numbers[2] < 61
        else { return nil }
        output.append(UInt8(ascii: "T"))
        for (position, number) in numbers.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ":")) }
            two(number)
        }
        return String(decoding: output, as: UTF8.self)
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
            guard whole.count == 2, let number = Int(whole) else { return nil }
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
        guard bytes[cursor] == UInt8(ascii: "T") || bytes[cursor] == UInt8(ascii: " ") else { return nil }
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
