/// A list of class or id words, and of word prefixes, asked about every letter run of every class and id
/// value of a page.
///
/// The words stay written as plain string lists (`Boilerplate.markerWords`, ...); this type only indexes them
/// by their first byte so a question compares a run's UTF-8 bytes with the two or three entries that share its
/// first letter, instead of building a `String` from the run, hashing it and trying every prefix (`isMarker`
/// with Strings took 6.7 % of the cleaner's instructions). `referenceContains` is the plain definition the
/// indexed lookup is tested against.
struct ClassWordList: Sendable {
    private struct Bucket: Sendable {
        var words: [[UInt8]] = []
        var prefixes: [[UInt8]] = []
    }

    let words: Set<String>
    let prefixes: [String]
    /// Longer prefixes that make a different word of a prefix's run ("commentary" is not "comment…").
    let exceptions: [String]
    private let buckets: [Bucket]

    /// Indexes `words` (matched whole) and `prefixes` (matched at the start of a run, unless the run starts with
    /// one of `exceptions`).
    init(words: Set<String>, prefixes: [String] = [], exceptions: [String] = []) {
        self.words = words
        self.prefixes = prefixes
        self.exceptions = exceptions
        var buckets = [Bucket](repeating: Bucket(), count: 256)
        for word in words.sorted() where !word.isEmpty {
            let bytes = Array(word.utf8)
            buckets[Int(bytes[0])].words.append(bytes)
        }
        for prefix in prefixes where !prefix.isEmpty {
            let bytes = Array(prefix.utf8)
            buckets[Int(bytes[0])].prefixes.append(bytes)
        }
        self.buckets = buckets
    }

    /// Whether `run` is one of the words or starts with one of the prefixes (byte for byte, as written).
    func contains(_ run: Substring) -> Bool {
        let bytes = run.utf8
        guard let first = bytes.first else { return false }
        let bucket = buckets[Int(first)]
        if bucket.words.isEmpty && bucket.prefixes.isEmpty { return false }
        let count = bytes.count
        for word in bucket.words where word.count == count && bytes.elementsEqual(word) { return true }
        for prefix in bucket.prefixes where prefix.count <= count && bytes.starts(with: prefix) {
            // A non-ASCII byte right after the prefix may be a combining mark that changes the prefix's last
            // Character ("share" + U+0301): `hasPrefix` compares Characters, so let the definition decide.
            if prefix.count == count || bytes[bytes.index(bytes.startIndex, offsetBy: prefix.count)] < 0x80 {
                return exceptions.isEmpty || !exceptions.contains { bytes.starts(with: $0.utf8) }
            }
            return referenceContains(run)
        }
        return false
    }

    /// The definition `contains` must agree with: a whole word of the set, or a run starting with a prefix.
    func referenceContains(_ run: Substring) -> Bool {
        let value = String(run)
        return words.contains(value) || (prefixes.contains { value.hasPrefix($0) } && !exceptions.contains { value.hasPrefix($0) })
    }
}
