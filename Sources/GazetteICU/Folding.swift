import CICUShim

/// Unicode normalisation that Gazette uses to compare words: NFKC case folding.
public enum CaseFolding {
    /// NFKC case folding ("ZELENSKYY Ärzte ﬁ" becomes "zelenskyy ärzte fi").
    public static func nfkcCasefold(_ text: String) throws(ICUError) -> String {
        try ICU.transform(text, "NFKC case folding", growth: 2) { source, length, dest, capacity, status in
            gz_nfkc_casefold(source, length, dest, capacity, &status)
        }
    }
}

/// An ICU transliterator, such as "Any-Latin; Latin-ASCII" for diacritic folding.
///
/// Not safe to share between threads; keep one per worker.
public final class Transliterator {
    private let handle: OpaquePointer
    /// The ICU transform id.
    public let id: String

    /// Opens a transliterator by ICU transform id.
    public init(id: String) throws(ICUError) {
        var status: Int32 = 0
        let raw = gz_translit_open(id, &status)
        try ICU.check(status, "opening transliterator \(id)")
        guard let raw else { throw ICUError(status: 7, operation: "opening transliterator \(id)") }
        self.handle = raw
        self.id = id
    }

    deinit { gz_translit_close(handle) }

    /// The transliterated text.
    public func apply(_ text: String) throws(ICUError) -> String {
        let handle = self.handle
        return try ICU.transform(text, "transliteration", growth: 4) { source, length, dest, capacity, status in
            gz_translit_apply(handle, source, length, dest, capacity, &status)
        }
    }
}

/// Country names and codes from ICU's copy of CLDR and ISO 3166.
public enum Regions {
    /// ISO 3166-1 alpha-2 codes that ICU knows, including deprecated ones.
    public static var isoCountryCodes: [String] {
        var result: [String] = []
        var index: Int32 = 0
        while let code = gz_iso_country(index) {
            result.append(String(cString: code))
            index += 1
        }
        return result
    }

    /// The alpha-3 code of an alpha-2 code, or nil when ICU has none.
    public static func alpha3(_ alpha2: String) -> String? {
        guard let code = gz_iso3_country(alpha2) else { return nil }
        let value = String(cString: code)
        return value.isEmpty ? nil : value
    }

    /// The display name of a region in a language ("UA" in "nl" is "Oekraïne").
    public static func displayName(of alpha2: String, in language: String) throws(ICUError) -> String {
        try ICU.utf8Result("display name of \(alpha2)", capacity: 256) { dest, capacity, status in
            gz_display_country(alpha2, language, dest, capacity, &status)
        }
    }
}
