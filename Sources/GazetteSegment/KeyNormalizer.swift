import GazetteICU

/// Makes the key that tokens are matched on: NFKC case folding plus diacritic folding,
/// so "Erdoğan" meets "Erdogan" and "ZELENSKYY" meets "Zelenskyy".
///
/// ASCII words take a fast path; other words go through ICU once and are cached.
/// Not safe to share between threads; keep one per worker.
public final class KeyNormalizer {
    private let transliterator: Transliterator
    private var cache: [String: String] = [:]
    private static let cacheLimit = 100_000

    /// Opens the ICU transliterator used for diacritic folding.
    public init() throws(SegmentError) {
        do {
            transliterator = try Transliterator(id: "Any-Latin; Latin-ASCII")
        } catch {
            throw SegmentError(error)
        }
    }

    /// The key of a word given as UTF-8 bytes.
    public func key(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        for byte in utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            return String(unsafeUninitializedCapacity: utf8.count) { buffer in
                for (index, byte) in utf8.enumerated() {
                    buffer[index] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                }
                return utf8.count
            }
        }
        return key(String(decoding: utf8, as: UTF8.self))
    }

    /// The key of a word.
    public func key(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        if let cached = cache[word] { return cached }
        var result = (try? CaseFolding.nfkcCasefold(word)) ?? word.lowercased()
        if !result.utf8.allSatisfy({ $0 < 0x80 }) {
            result = (try? transliterator.apply(result))?.lowercased() ?? result
        }
        result = result.replacingApostrophes()
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[word] = result
        return result
    }
}

extension String {
    /// Typographic apostrophes become ASCII ones so "Côte d’Ivoire" meets "Cote d'Ivoire".
    func replacingApostrophes() -> String {
        guard contains("’") || contains("ʼ") else { return self }
        return String(map { $0 == "’" || $0 == "ʼ" ? "'" : $0 })
    }
}
