/// The part of `ISODate` that reads dates written with words, as feeds write them: RFC 822/1123 and their
/// deviations ("Sat, Dec 16 2023 02:02:33 PM", "Seg, 24 Set 2018 10:00:00 -0300", "24. September 2018 10:00 MESZ",
/// "mardi 4 mars 2025 14h30"), with month and day names in en, pt, es, it, fr, de and nl.
extension ISODate {
    /// Month names and abbreviations (lower case, without a final period) by month number.
    static let monthNames: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "janeiro", "enero", "ene", "gennaio", "gen", "janvier", "janv", "januar", "jänner", "januari"],
            ["february", "feb", "fevereiro", "fev", "febrero", "febbraio", "février", "fevrier", "févr", "fevr", "februar",
             "februari", "febr"],
            ["march", "mar", "março", "marco", "marzo", "mars", "märz", "maerz", "mär", "mrz", "maart", "mrt"],
            ["april", "apr", "abril", "abr", "aprile", "avril", "avr"],
            ["may", "maio", "mai", "mayo", "maggio", "mag", "mei"],
            ["june", "jun", "junho", "junio", "giugno", "giu", "juin", "juni"],
            ["july", "jul", "julho", "julio", "luglio", "lug", "juillet", "juil", "juli"],
            ["august", "aug", "agosto", "ago", "août", "aout", "augustus"],
            ["september", "sep", "sept", "setembro", "set", "septiembre", "setiembre", "settembre", "septembre"],
            ["october", "oct", "outubro", "out", "octubre", "ottobre", "ott", "octobre", "oktober", "okt"],
            ["november", "nov", "novembro", "noviembre", "novembre"],
            ["december", "dec", "dezembro", "dez", "diciembre", "dic", "dicembre", "décembre", "decembre", "déc", "dezember"],
        ]
        var table: [String: Int] = [:]
        for (month, words) in names.enumerated() { for word in words { table[word] = month + 1 } }
        return table
    }()

    /// Day names and abbreviations (lower case, without a final period); they carry no information and are skipped.
    static let dayNames: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday",
        "seg", "segunda", "segunda-feira", "ter", "terça", "terca", "terça-feira", "terca-feira", "qua", "quarta",
        "quarta-feira", "qui", "quinta", "quinta-feira", "sex", "sexta", "sexta-feira", "sáb", "sab", "sábado", "sabado",
        "dom", "domingo",
        "lun", "lunes", "mar", "martes", "mié", "mie", "miércoles", "miercoles", "jue", "jueves", "vie", "viernes",
        "lunedì", "lunedi", "martedì", "martedi", "mer", "mercoledì", "mercoledi", "gio", "giovedì", "giovedi", "ven",
        "venerdì", "venerdi", "sabato", "domenica",
        "lundi", "mardi", "mercredi", "jeu", "jeudi", "vendredi", "sam", "samedi", "dim", "dimanche",
        "mo", "montag", "di", "dienstag", "mi", "mittwoch", "do", "donnerstag", "fr", "freitag", "sa", "samstag",
        "sonnabend", "so", "sonntag",
        "ma", "maandag", "dinsdag", "wo", "woensdag", "donderdag", "vr", "vrijdag", "za", "zaterdag", "zo", "zondag",
    ]

    /// Words between the parts of a written date ("24 de setembro de 2018", "le 4 mars", "the 4th of July").
    static let fillerWords: Set<String> = ["de", "del", "of", "the", "le", "den", "der", "à", "a", "às", "as", "at", "um", "om", "alle", "el"]

    /// Time zone names seen in feeds, beyond RFC 822's (`zones`), and their offsets.
    static let zoneNames: [String: String] = [
        "CET": "+01:00", "CEST": "+02:00", "MEZ": "+01:00", "MESZ": "+02:00", "WET": "Z", "WEST": "+01:00",
        "EET": "+02:00", "EEST": "+03:00", "BST": "+01:00", "MSK": "+03:00", "JST": "+09:00", "KST": "+09:00",
        "HKT": "+08:00", "SGT": "+08:00", "AEST": "+10:00", "AEDT": "+11:00", "ACST": "+09:30", "AWST": "+08:00",
        "NZST": "+12:00", "NZDT": "+13:00", "BRT": "-03:00", "ART": "-03:00", "AKST": "-09:00", "AKDT": "-08:00",
        "HST": "-10:00", "AST": "-04:00", "ADT": "-03:00", "NST": "-03:30", "NDT": "-02:30",
    ]

    /// The parts of a written date as they are found.
    struct WrittenDate {
        var day: Int?
        var month: Int?
        var year: Int?
        var clock: [Int]?
        var meridiem: String?
        var zone: String?
        /// Numbers not yet placed (a two-digit year, a day before the month's name).
        var loose: [Int] = []
    }

    /// Reads a date written with a month name, or nil. Tokens are split at spaces, commas and tabs.
    static func wordDate(_ parts: [String]) -> String? {
        var found = WrittenDate()
        let monthTokens = parts.indices.filter { monthNames[word($0, parts)] != nil }
        // "mar" is both Tuesday (es, it, fr) and March: with two month words, one that is also a day name is the day.
        let monthIndex = monthTokens.count > 1
            ? monthTokens.first { !dayNames.contains(word($0, parts)) } ?? monthTokens.last : monthTokens.first
        guard let monthIndex else { return nil }
        found.month = monthNames[word(monthIndex, parts)]
        for (position, part) in parts.enumerated() where position != monthIndex {
            guard read(part, into: &found) else { return nil }
        }
        return assembled(found)
    }

    /// A token lower-cased, without a final period.
    static func word(_ index: Int, _ parts: [String]) -> String {
        var text = parts[index].lowercased()
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Places one token; false when it cannot be part of a date.
    static func read(_ part: String, into found: inout WrittenDate) -> Bool {
        var text = part.lowercased()
        if text.hasSuffix(".") { text.removeLast() }
        if text.isEmpty || dayNames.contains(text) || fillerWords.contains(text) { return true }
        if text == "am" || text == "pm" || text == "a.m" || text == "p.m" {
            found.meridiem = text.hasPrefix("p") ? "pm" : "am"
            return true
        }
        if found.clock == nil, let clock = clockParts(text) {
            found.clock = clock.numbers
            if let meridiem = clock.meridiem { found.meridiem = meridiem }
            if let zone = clock.zone { found.zone = zone }
            return true
        }
        if let number = ordinal(text) {
            if number >= 1000 && found.year == nil {
                found.year = number
            } else if number >= 1 && number <= 31 && found.day == nil {
                found.day = number
            } else {
                found.loose.append(number)
            }
            return true
        }
        if found.zone == nil, let zone = zoneOffset(part) {
            found.zone = zone
            return true
        }
        // An unknown zone abbreviation ("IST" is three different zones) says nothing reliable: ignored.
        return found.clock != nil && (2...5).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// A number, or an ordinal ("1st", "16th", "1er", "24º"), or nil.
    static func ordinal(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let number = Int(digits) else { return nil }
        let rest = text.dropFirst(digits.count)
        return ["", "st", "nd", "rd", "th", "er", "e", "º", "ª", "o"].contains(String(rest)) ? number : nil
    }

    /// "14:02", "14:02:33", "14:02:33.120", "2:02pm", "14h30", "14.30 uur" → hour, minute, [second]; an attached
    /// zone ("10:00:00+0200", "10:00Z") is returned too.
    static func clockParts(_ text: String) -> (numbers: [Int], meridiem: String?, zone: String?)? {
        var body = Substring(text)
        var meridiem: String?
        for suffix in ["am", "pm"] where body.hasSuffix(suffix) {
            meridiem = suffix
            body = body.dropLast(2)
        }
        var zone: String?
        if let sign = body.firstIndex(where: { $0 == "+" || $0 == "-" }) {
            guard let offset = offset(String(body[sign...])) else { return nil }
            zone = offset
            body = body[..<sign]
        } else if body.hasSuffix("z") {
            zone = "Z"
            body = body.dropLast()
        }
        let separator: Character = body.contains(":") ? ":" : body.contains("h") ? "h" : "."
        let pieces = body.split(separator: separator, omittingEmptySubsequences: false)
        guard pieces.count >= 2, pieces.count <= 3 else { return nil }
        var numbers: [Int] = []
        for (index, piece) in pieces.enumerated() {
            let whole = index == 2 ? piece.prefix { $0 != "." && $0 != "," } : piece
            guard (1...2).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(whole) else {
                if index == 1 && separator == "h" && whole.isEmpty { numbers.append(0); continue }
                return nil
            }
            numbers.append(value)
        }
        return (numbers, meridiem, zone)
    }

    /// A zone name (RFC 822's or a common one) or a numeric offset, also "GMT+2", "UTC+02:00", as "+02:00" or "Z".
    static func zoneOffset(_ value: String) -> String? {
        let upper = value.uppercased()
        if let zone = zones[upper] ?? zoneNames[upper] { return zone }
        for prefix in ["GMT", "UTC", "UT"] where upper.hasPrefix(prefix) && upper.count > prefix.count {
            let rest = upper.dropFirst(prefix.count)
            guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
            // "GMT+2" → "+02".
            if rest.count == 2, let hours = Int(rest.dropFirst()) { return offset("\(sign)0\(hours)") }
            return offset(String(rest))
        }
        return offset(value)
    }

    /// The date from its parts, nil when the day, month or year is missing or out of range.
    static func assembled(_ found: WrittenDate) -> String? {
        var found = found
        if found.year == nil, let last = found.loose.last, last < 100 {
            found.year = last + (last < 50 ? 2000 : 1900)
        }
        guard let year = found.year, let month = found.month, let day = found.day, let date = date(year, month, day) else {
            return nil
        }
        guard var clock = found.clock else { return date }
        if let meridiem = found.meridiem {
            guard (1...12).contains(clock[0]) else { return date }
            clock[0] = clock[0] % 12 + (meridiem == "pm" ? 12 : 0)
        }
        guard clock[0] < 24, clock[1] < 60, clock.count < 3 || clock[2] < 61 else { return date }
        return date + "T" + clock.map { padded($0, 2) }.joined(separator: ":") + (found.zone ?? "")
    }
}
