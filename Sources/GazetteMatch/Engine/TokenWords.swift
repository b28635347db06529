import GazetteCore
import GazetteSegment

/// A fixed list of words that tokens are compared with ("in", "the", "Monday", "said"), screened on
/// the token's `KeyHash` first: an ASCII token whose hash has no bit in the screen is none of the
/// words (in any case); one whose hash has its bit is compared on its bytes with the ASCII words of
/// that hash. No String is built for an ASCII token. Other tokens are compared as Strings, as the
/// `Set<String>` this replaces compared them.
///
/// Exact because an ASCII text equals a word exactly when their bytes are equal, and the screen and
/// the table hold the case-folded hash of every word's bytes, as the segmenter hashes ASCII tokens;
/// this needs every non-ASCII word to stay non-ASCII when normalised (no "K" written as the Kelvin
/// sign), which a test checks for every list.
struct TokenWords: Sendable, ExpressibleByArrayLiteral, Sequence {
    /// The words.
    let words: Set<String>
    private let screen: HashBitmap
    /// The case-folded hashes of the ASCII words, in ascending order, and each word's bytes.
    private let hashes: [UInt32]
    private let asciiWords: [[UInt8]]

    /// The list of these words.
    init(_ words: Set<String>) {
        self.words = words
        screen = HashBitmap(words.map(EntityMatcher.hash))
        let ascii = words.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
            .map { (hash: EntityMatcher.hash($0), bytes: Array($0.utf8)) }
            .sorted { $0.hash < $1.hash }
        hashes = ascii.map(\.hash)
        asciiWords = ascii.map(\.bytes)
    }

    init(arrayLiteral words: String...) {
        self.init(Set(words))
    }

    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }

    /// Whether a text is one of the words.
    @inline(__always)
    func contains(_ word: String) -> Bool { words.contains(word) }

    /// Whether a token's text is one of the words.
    @inline(__always)
    func contains(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        guard token.keyHash != 0 else { return words.contains(PersonNameShape.surface(token, utf8)) }
        return screen.mayContain(token.keyHash) && asciiWordsContain(token, utf8, folding: false)
    }

    /// Whether a token's text in lower case is one of the words (which should be written in lower case).
    @inline(__always)
    func containsLowercased(_ token: Token, _ utf8: Span<UInt8>) -> Bool {
        guard token.keyHash != 0 else { return words.contains(PersonNameShape.surface(token, utf8).lowercased()) }
        // The hash folds ASCII case: the lower-case text of an ASCII token has the token's hash.
        return screen.mayContain(token.keyHash) && asciiWordsContain(token, utf8, folding: true)
    }

    /// Whether an ASCII word of the token's hash has the token's bytes (`folding`: lower-cased).
    private func asciiWordsContain(_ token: Token, _ utf8: Span<UInt8>, folding: Bool) -> Bool {
        let hash = token.keyHash
        var low = 0
        var high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        let length = token.utf8End - token.utf8Start
        // One bounds check for the token, none per byte.
        let bytes = utf8.extracting(token.utf8Start..<token.utf8End)
        var position = low
        while position < hashes.count, hashes[position] == hash {
            let word = asciiWords[position]
            position += 1
            guard word.count == length else { continue }
            var equal = true
            for offset in 0..<length {
                var byte = bytes[offset]
                if folding, (0x41...0x5A).contains(byte) { byte |= 0x20 }
                if byte != word[offset] {
                    equal = false
                    break
                }
            }
            if equal { return true }
        }
        return false
    }
}
