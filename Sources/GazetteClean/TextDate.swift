/// Reads calendar dates written for people ("Saturday 2 August 2025", "12. Juni 2025", "June 12, 2025",
/// "23 novembre 2025", "04.03.2025") and machine dates ("2025-03-04T08:15:00+01:00") as ISO `YYYY-MM-DD`.
public enum TextDate {
    /// Month names and abbreviations in English, Dutch, German and French, lower-case, to month numbers.
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "januari", "januar", "jänner", "janvier", "janv"],
            ["february", "feb", "febr", "februari", "februar", "février", "fevrier", "févr", "fevr"],
            ["march", "mar", "maart", "mrt", "märz", "maerz", "mars"],
            ["april", "apr", "avril", "avr"],
            ["may", "mei", "mai"],
            ["june", "jun", "juni", "juin"],
            ["july", "jul", "juli", "juillet", "juil"],
            ["august", "aug", "augustus", "août", "aout"],
            ["september", "sep", "sept", "septembre"],
            ["october", "oct", "okt", "oktober", "octobre"],
            ["november", "nov", "novembre"],
            ["december", "dec", "dez", "dezember", "décembre", "decembre", "déc"],
        ]
        for (index, list) in names.enumerated() { for name in list { table[name] = index + 1 } }
        return table
    }()

    /// A leading ISO date of a machine-readable value ("2025-09-04T10:00:00+02:00" gives "2025-09-04").
    public static func iso(_ value: String) -> String? {
        let digits = Array(value.utf8.drop { $0 == UInt8(ascii: " ") }.prefix(10))
        guard digits.count == 10, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-") else {
            return find(in: value)
        }
        for (index, byte) in digits.enumerated() where index != 4 && index != 7 {
            if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return nil }
        }
        let text = String(decoding: digits, as: UTF8.self)
        return valid(year: Int(text.prefix(4))!, month: Int(text.dropFirst(5).prefix(2))!, day: Int(text.suffix(2))!)
    }

    /// The first date written in a short text, as `YYYY-MM-DD`.
    public static func find(in text: String) -> String? {
        // Every pattern below needs a year of four digits, so a text without four ASCII digits in a row has no
        // date: a test on bytes before the walk over Characters, which ran for nearly every short text of a page
        // (5 % of the cleaner's instructions). `referenceFind` is the walk alone, tested to agree.
        guard hasFourDigitRun(text) else { return nil }
        return referenceFind(in: text)
    }

    /// Whether the text's UTF-8 holds four ASCII digits in a row (a Character-level run of exactly four digits
    /// needs at least that).
    static func hasFourDigitRun(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte &- UInt8(ascii: "0") < 10 {
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// The first date written in a short text, found by the token walk alone (the definition `find` agrees with).
    static func referenceFind(in text: String) -> String? {
        // Tokens of letters or of digits; other characters separate them.
        var tokens: [Substring] = []
        var start: String.Index?
        var isDigit = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let digit = character.isASCII && character.isNumber
            let letter = character.isLetter
            if digit || letter {
                if let begin = start, digit != isDigit {
                    tokens.append(text[begin..<index])
                    start = index
                } else if start == nil {
                    start = index
                }
                isDigit = digit
            } else if let begin = start {
                tokens.append(text[begin..<index])
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { tokens.append(text[begin...]) }
        guard tokens.count >= 3 else { return nil }
        for position in 0...(tokens.count - 3) {
            let a = tokens[position], b = tokens[position + 1], c = tokens[position + 2]
            if let day = Int(a), let month = months[b.lowercased()], c.count == 4, let year = Int(c),
                let date = valid(year: year, month: month, day: day) {
                return date
            }
            if let month = months[a.lowercased()], let day = Int(b), c.count == 4, let year = Int(c),
                let date = valid(year: year, month: month, day: day) {
                return date
            }
            if a.count == 4, let year = Int(a), b.count <= 2, let month = Int(b), c.count <= 2, let day = Int(c),
                let date = valid(year: year, month: month, day: day) {
                return date
            }
            if a.count <= 2, let first = Int(a), b.count <= 2, let second = Int(b), c.count == 4, let year = Int(c) {
                // Day first as in Europe, unless that cannot be.
                if let date = valid(year: year, month: second, day: first) ?? valid(year: year, month: first, day: second) {
                    return date
                }
            }
        }
        return nil
    }

    static func valid(year: Int, month: Int, day: Int) -> String? {
        guard (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}
