import GazetteCore
import GazetteSegment

/// The vocabulary ids of a document's tokens, looked up the first time the gazetteer scan asks,
/// so that the scan reads each token once instead of after a separate pass over all of them.
///
/// ASCII tokens are looked up by the `KeyHash` the segmenter stored in them (their bytes are read
/// only when the vocabulary has that hash); other tokens are normalised first. Number tokens are
/// skipped when no form has digits, punctuation longer than two bytes always.
struct TokenKeys {
    /// -2 while not looked up, -1 for a token the vocabulary does not have; one per token, in
    /// memory the caller lends (the matcher reuses it from document to document).
    private let ids: UnsafeMutablePointer<Int32>
    private let tokens: UnsafeBufferPointer<Token>
    private let utf8: UnsafeBufferPointer<UInt8>
    /// The compiled gazetteer, whose `vocabulary` is read in place: a copy of the table per document
    /// retained and released each of its arrays.
    private let compiled: CompiledGazetteer
    private let normalizer: KeyNormalizer
    private let numbers: Bool
    /// Whether the caller asks only for ASCII tokens that passed a filter of gazetteer keys (see `VocabularyTable.lookupASCII`).
    private let prefiltered: Bool

    /// `ids` must have room for one id per token; it is set to "not looked up" here.
    init(tokens: UnsafeBufferPointer<Token>, utf8: UnsafeBufferPointer<UInt8>, compiled: CompiledGazetteer,
         normalizer: KeyNormalizer, numbers: Bool, prefiltered: Bool = false, ids: UnsafeMutablePointer<Int32>) {
        ids.update(repeating: -2, count: tokens.count)
        self.ids = ids
        self.tokens = tokens
        self.utf8 = utf8
        self.compiled = compiled
        self.normalizer = normalizer
        self.numbers = numbers
        self.prefiltered = prefiltered
    }

    /// The vocabulary id of token `index`, or -1.
    @inline(__always)
    func id(at index: Int) -> Int32 {
        // Safety: `ids` has room for one id per token (see `init`), and `index` is a token index.
        let known = ids[index]
        if known != -2 { return known }
        let id = lookUp(tokens[index])
        ids[index] = id
        return id
    }

    @inline(__always)
    private func lookUp(_ token: Token) -> Int32 {
        switch token.kind {
        case .punctuation where token.utf8End - token.utf8Start > 2: return -1
        case .number where !numbers: return -1
        default: break
        }
        // Safety: a token's byte range lies inside the text it was segmented from.
        let bytes = UnsafeBufferPointer(rebasing: utf8[token.utf8Start..<token.utf8End])
        // The scan asks for tokens its own filters passed: the vocabulary's filter would answer "maybe".
        if token.keyHash != 0 { return compiled.vocabulary.lookupASCII(bytes, hash: token.keyHash, filtered: !prefiltered) ?? -1 }
        return Self.id(of: bytes, vocabulary: compiled.vocabulary, normalizer: normalizer) ?? -1
    }

    /// The vocabulary id of a word's bytes (a part of a token: a possessive's stem).
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        Self.id(of: bytes, vocabulary: compiled.vocabulary, normalizer: normalizer)
    }

    /// The vocabulary id of a word's bytes: ASCII bytes are looked up directly, others normalised first.
    static func id(of bytes: UnsafeBufferPointer<UInt8>, vocabulary: VocabularyTable, normalizer: KeyNormalizer) -> Int32? {
        if let ascii = vocabulary.lookupASCII(bytes) { return ascii }
        return vocabulary.lookup(normalizer.key(bytes))
    }
}
