import GazetteBytes
import GazetteCore
import GazetteICU

/// Where the charset of a container came from, in the order browsers and feed readers ask.
public enum CharsetSource: String, Sendable, CaseIterable {
    /// A byte order mark.
    case byteOrderMark = "bom"
    /// The transport or container header (the HTTP Content-Type of a WARC record).
    case transport
    /// The XML declaration (or HTML `<meta charset>`).
    case declaration
    /// A declaration that the bytes contradict: they are valid UTF-8, which wins.
    case utf8OverDeclaration = "utf-8 over declaration"
    /// No declaration, and the bytes are valid UTF-8 (or ASCII).
    case undeclaredUTF8 = "undeclared utf-8"
    /// No declaration and not UTF-8: ICU's charset detector chose.
    case detected
}

/// The charset a container's bytes are read in and why.
public struct CharsetDecision: Sendable, Equatable {
    /// The charset's name, lower-case ("utf-8", "windows-1252", "big5", …).
    public let charset: String
    /// Which rule decided it.
    public let source: CharsetSource

    /// Whether the bytes need no conversion.
    public var isUTF8: Bool { CharsetResolver.isUTF8Name(charset) }

    /// The decision as it is counted in the run statistics ("detected big5", "declaration utf-8",
    /// "utf-8 over declaration", "undeclared utf-8").
    public var statisticsKey: String {
        switch source {
        case .utf8OverDeclaration, .undeclaredUTF8: source.rawValue
        default: "\(source.rawValue) \(charset)"
        }
    }
}

/// Decides the charset of an XML container (feed, NITF, NewsML, generic XML) and converts it to UTF-8.
///
/// Order: byte order mark, then the transport's charset, then the XML declaration, then ICU's detector. A
/// declared (or transported) legacy charset loses to the bytes when they are valid UTF-8 holding non-ASCII
/// characters: a file that says ISO-8859-1 but holds "41-Ã¥rig" bytes is UTF-8 mislabelled, never Latin-1.
public enum CharsetResolver {
    /// Decides the charset of `bytes`; `transport` is a charset from outside the bytes (HTTP header), if any.
    public static func decide(_ bytes: [UInt8], transport: String? = nil) -> CharsetDecision {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return CharsetDecision(charset: "utf-8", source: .byteOrderMark) }
        if bytes.starts(with: [0xFF, 0xFE]) { return CharsetDecision(charset: "utf-16le", source: .byteOrderMark) }
        if bytes.starts(with: [0xFE, 0xFF]) { return CharsetDecision(charset: "utf-16be", source: .byteOrderMark) }
        if let transport, let decision = declared(transport, source: .transport, bytes: bytes) { return decision }
        // Most containers (every Reuters article) have no XML declaration: one look at the first bytes says so.
        if let encoding = xmlDeclaredEncoding(bytes), let decision = declared(encoding, source: .declaration, bytes: bytes) {
            return decision
        }
        if UTF8Repair.isValid(bytes[...]) { return CharsetDecision(charset: "utf-8", source: .undeclaredUTF8) }
        return CharsetDecision(charset: detectedName(bytes), source: .detected)
    }

    /// The decision a declared charset makes, or nil when the declaration says nothing usable (ASCII, unknown to
    /// ICU, or UTF-16/32 on bytes that start in ASCII, which is impossible). Valid UTF-8 bytes with non-ASCII
    /// characters beat a legacy declaration.
    static func declared(_ value: String, source: CharsetSource, bytes: [UInt8]) -> CharsetDecision? {
        let name = normalisedName(value)
        if isUTF8Name(name) { return CharsetDecision(charset: "utf-8", source: source) }
        guard !isASCIIName(name), !name.hasPrefix("utf-16"), !name.hasPrefix("utf-32"), CharsetConversion.isKnown(name) else {
            return nil
        }
        if hasNonASCII(bytes), UTF8Repair.isValid(bytes[...]) {
            return CharsetDecision(charset: "utf-8", source: .utf8OverDeclaration)
        }
        return CharsetDecision(charset: name, source: source)
    }

    /// The charset an HTML page must be parsed in when its own markup cannot say it, or nil when the page's
    /// `<meta charset>` (or its being UTF-8 without one) decides, as the cleaner reads it. A decision is returned
    /// for a byte order mark, a transport charset, a `<meta>` charset contradicted by valid UTF-8 bytes, and an
    /// undeclared page that is not UTF-8 (ICU's detector then chooses), unless its bytes are mostly UTF-8 characters
    /// with a few damaged bytes (`UTF8Repair.census`), which the cleaner repairs.
    public static func decideHTML(_ bytes: [UInt8], transport: String?) -> CharsetDecision? {
        let transportName = transport.map(normalisedName).flatMap { isASCIIName($0) ? nil : $0 }
        if transportName == nil, let meta = htmlDeclaredCharset(bytes).map(normalisedName), !isASCIIName(meta) {
            guard !isUTF8Name(meta), hasNonASCII(bytes), UTF8Repair.isValid(bytes[...]) else { return nil }
            return CharsetDecision(charset: "utf-8", source: .utf8OverDeclaration)
        }
        // An undeclared page whose bytes are UTF-8 but for a few damaged ones is the cleaner's to repair: ICU's
        // detector, asked about it, may name a legacy charset that garbles every character.
        if transportName == nil, hasNonASCII(bytes), !UTF8Repair.isValid(bytes[...]) {
            let census = UTF8Repair.census(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...])
            if census.multiByte > 0 && census.multiByte >= census.invalid { return nil }
        }
        let decision = decide(bytes, transport: transportName)
        return decision.source == .undeclaredUTF8 || decision.source == .declaration ? nil : decision
    }

    /// The charset an HTML page declares in its own bytes (`HTMLCharsetPrescan`: an XML declaration, else the first
    /// `<meta>` that names one), or nil.
    static func htmlDeclaredCharset(_ bytes: [UInt8]) -> String? { HTMLCharsetPrescan.declaredCharset(in: bytes) }

    /// ICU's guess for bytes that are not UTF-8. ISO-8859-1 and -8-I are read as their supersets windows-1252 and
    /// windows-1255, as browsers do. ICU's detector does not know Thai: when it has no confident guess (or guesses a
    /// Unicode form the bytes cannot be), dense bytes in TIS-620's letter range are TIS-620, others windows-1252.
    static func detectedName(_ bytes: [UInt8]) -> String {
        let fallback = looksLikeTIS620(bytes) ? "tis-620" : "windows-1252"
        guard let guess = CharsetConversion.detect(bytes[...]), guess.confidence >= 20 else { return fallback }
        let name = normalisedName(guess.name)
        if isUTF8Name(name) || name.hasPrefix("utf-16") || name.hasPrefix("utf-32") { return fallback }
        switch name {
        case "iso-8859-1": return "windows-1252"
        case "iso-8859-8-i": return "windows-1255"
        default: return name
        }
    }

    /// Whether the text outside markup is mostly bytes of TIS-620's Thai letters (0xA1-0xDA, 0xDF-0xFB): at least
    /// a third of its visible bytes are high, and nearly all high bytes fall in that range.
    static func looksLikeTIS620(_ bytes: [UInt8]) -> Bool {
        var visible = 0, high = 0, thai = 0
        var inTag = false
        for byte in bytes.prefix(65_536) {
            if byte == UInt8(ascii: "<") { inTag = true }
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                continue
            }
            guard byte > 0x20 else { continue }
            visible += 1
            guard byte >= 0x80 else { continue }
            high += 1
            if (0xA1...0xDA).contains(byte) || (0xDF...0xFB).contains(byte) { thai += 1 }
        }
        return high > 0 && high * 3 >= visible && thai * 20 >= high * 19
    }

    /// The bytes as UTF-8 under `decision`: converted through ICU, or (for UTF-8) with invalid sequences
    /// replaced. An XML declaration naming another encoding is rewritten to say UTF-8, so that the parser
    /// reads the converted bytes as they now are. Returns how many bytes became U+FFFD.
    public static func utf8(_ bytes: [UInt8], decision: CharsetDecision) -> (bytes: [UInt8], replaced: Int) {
        // Checked valid already by `decide`, with no declaration to rewrite.
        if decision.source == .undeclaredUTF8 { return (bytes, 0) }
        if decision.isUTF8 {
            let body = decision.source == .byteOrderMark ? Array(bytes.dropFirst(3)) : bytes
            let repaired = UTF8Repair.repair(body)
            return (rewritingDeclaration(repaired.bytes), repaired.replaced)
        }
        guard let converted = CharsetConversion.utf8(from: bytes[...], charset: decision.charset) else {
            let repaired = UTF8Repair.repair(bytes)
            return (rewritingDeclaration(repaired.bytes), repaired.replaced)
        }
        var output = converted.bytes
        if output.starts(with: [0xEF, 0xBB, 0xBF]) { output.removeFirst(3) }
        return (rewritingDeclaration(output), converted.substituted)
    }

    /// The encoding named by an XML declaration at the start of the bytes (an ASCII-compatible encoding), or nil.
    static func xmlDeclaredEncoding(_ bytes: [UInt8]) -> String? {
        guard let range = declarationEncodingRange(bytes) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The byte range of the value of `encoding="…"` in the XML declaration, if there is one.
    static func declarationEncodingRange(_ bytes: [UInt8]) -> Range<Int>? { HTMLCharsetPrescan.xmlDeclarationEncodingRange(bytes) }

    /// The bytes with the XML declaration's encoding value replaced by "UTF-8" (unchanged when there is none).
    static func rewritingDeclaration(_ bytes: [UInt8]) -> [UInt8] {
        guard let range = declarationEncodingRange(bytes), !isUTF8Name(normalisedName(String(decoding: bytes[range], as: UTF8.self)))
        else { return bytes }
        var output = bytes
        output.replaceSubrange(range, with: Array("UTF-8".utf8))
        return output
    }

    /// A charset name as compared here: trimmed, lower-case, without quotes.
    static func normalisedName(_ name: String) -> String {
        var value = name.lowercased()
        value.removeAll { $0 == "\"" || $0 == "'" || $0 == " " }
        return value
    }

    static func isUTF8Name(_ name: String) -> Bool { name == "utf-8" || name == "utf8" }

    static func isASCIIName(_ name: String) -> Bool { ["us-ascii", "ascii", "ansi_x3.4-1968"].contains(name) }

    static func hasNonASCII(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 >= 0x80 } }
}
