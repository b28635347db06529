import GazetteCore
import GazetteGazetteer
import GazetteSegment

extension EntityMatcher {
    /// The byte length of a possessive ending "'s" or "’s" on the word in bytes `range` of a text (0 when there
    /// is none); `upperS` also accepts a capital "S".
    @inline(__always)
    static func possessiveSuffixLength(_ utf8: Span<UInt8>, _ range: Range<Int>, upperS: Bool) -> Int {
        let count = range.count
        guard count > 2 else { return 0 }
        let end = range.upperBound
        let last = upperS ? utf8[end - 1] | 0x20 : utf8[end - 1]
        guard last == UInt8(ascii: "s") else { return 0 }
        if utf8[end - 2] == UInt8(ascii: "'") { return 2 }
        if count > 4, utf8[end - 4] == 0xE2, utf8[end - 3] == 0x80, utf8[end - 2] == 0x99 { return 4 }
        return 0
    }

    /// Leftmost-longest gazetteer matches whose case fits (see `GazetteerScan`).
    func gazetteerMatches(tokens: [Token], utf8: Span<UInt8>) -> [Candidate] {
        // Safety: the buffers are the storage of the text, the root array and the tokens, alive for the whole
        // scan, which reads them only at indices below their counts: token byte ranges lie inside the text,
        // key ids below the vocabulary's count (the root array's length), token indices below the token count.
        utf8.withUnsafeBufferPointer { text in
            compiled.rootChildren.withUnsafeBufferPointer { root in
                tokens.withUnsafeBufferPointer { buffer in
                    compiled.rootFilter.withWords { rootFilter in
                        let scan = GazetteerScan(compiled: compiled, tokens: tokens, buffer: buffer, text: text,
                                                 ids: keyIDs(for: buffer.count), root: root, rootFilter: rootFilter,
                                                 normalizer: normalizer, usesKeyFilters: usesKeyFilters,
                                                 documentLanguages: documentLanguages)
                        return scan.candidates(utf8)
                    }
                }
            }
        }
    }
}

/// One scan of a document's tokens for gazetteer forms: at each token the longest form that starts there and
/// whose case rules fit (ties go to the higher priority; entries of the same span and priority are kept as
/// alternatives), then on after it. Most tokens are passed over on their `keyHash` and the root filter alone;
/// DESIGN.md explains the filters.
struct GazetteerScan {
    let tokens: [Token]
    /// The storage of `tokens`, for the loop that reads only hashes.
    let buffer: UnsafeBufferPointer<Token>
    /// The document's UTF-8 bytes.
    let text: UnsafeBufferPointer<UInt8>
    let keys: TokenKeys
    /// `CompiledGazetteer.rootChildren`.
    let root: UnsafeBufferPointer<Int32>
    /// The bits of `CompiledGazetteer.rootFilter`.
    let rootFilter: UnsafePointer<UInt64>
    /// Whether tokens are passed over on the filters (tests compare with a scan that looks every token up).
    let usesKeyFilters: Bool
    /// The `FormLanguages` mask of the document.
    let documentLanguages: UInt8
    /// The compiled gazetteer: its filters, edges, node entries and case rules.
    let compiled: CompiledGazetteer

    /// A scan of `tokens` (whose storage is `buffer`) over `text`; `ids` has room for one key id per token.
    init(compiled: CompiledGazetteer, tokens: [Token], buffer: UnsafeBufferPointer<Token>, text: UnsafeBufferPointer<UInt8>,
         ids: UnsafeMutablePointer<Int32>, root: UnsafeBufferPointer<Int32>, rootFilter: UnsafePointer<UInt64>,
         normalizer: KeyNormalizer, usesKeyFilters: Bool, documentLanguages: UInt8) {
        self.tokens = tokens
        self.buffer = buffer
        self.text = text
        keys = TokenKeys(tokens: buffer, utf8: text, compiled: compiled, normalizer: normalizer,
                         numbers: compiled.hasNumericKeys, prefiltered: usesKeyFilters, ids: ids)
        self.root = root
        self.rootFilter = rootFilter
        self.usesKeyFilters = usesKeyFilters
        self.documentLanguages = documentLanguages
        self.compiled = compiled
    }

    /// The matches, in text order.
    func candidates(_ utf8: Span<UInt8>) -> [EntityMatcher.Candidate] {
        var result: [EntityMatcher.Candidate] = []
        // Room for a match every 16 tokens (news averages one in 30) saves growing the array step by step.
        result.reserveCapacity(tokens.count / 16 + 4)
        var index = 0
        let count = tokens.count
        while index < count {
            if usesKeyFilters {
                index = nextPossibleStart(from: index)
                if index == count { break }
            }
            if mayStartForm(at: index, utf8), let best = longestMatch(from: index, utf8) {
                index = best.last + 1
                // Moved, not copied: a copy would retain its `alternatives` and then release them.
                result.append(consume best)
            } else {
                index += 1
            }
        }
        return result
    }

    /// The first token from `start` on that the root filter does not rule out.
    ///
    /// Most tokens start nothing: they are skipped without setting up a trie walk. An ASCII token the root
    /// filter does not know neither starts a form nor is a possessive ("Ukraine's") whose stem does (the filter
    /// holds the stems' possessive hashes too), so its bytes are not read; this tight loop reads only the hashes.
    /// Other tokens ending in "'s" may be such a possessive, and are looked at by `mayStartForm`.
    @inline(__always)
    func nextPossibleStart(from start: Int) -> Int {
        var index = start
        while index < buffer.count {
            let hash = buffer[index].keyHash
            if hash == 0 || KeyHashFilter.mayContain(hash, words: rootFilter) { break }
            index += 1
        }
        return index
    }

    /// Whether a walk from token `index` may find a form: its key is a child of the root, or it is a word with
    /// a possessive ending (whose stem may be).
    @inline(__always)
    func mayStartForm(at index: Int, _ utf8: Span<UInt8>) -> Bool {
        let token = tokens[index]
        // An ASCII token starting with a lower-case letter starts no form whose first rule wants a capital.
        if usesKeyFilters, token.keyHash != 0, (0x61...0x7A).contains(text[token.utf8Start]),
            !compiled.lowercaseRootFilter.mayContain(token.keyHash)
        {
            return false
        }
        let key = keys.id(at: index)
        if key < 0 || root[Int(key)] < 0 {
            return token.kind == .word && EntityMatcher.possessiveSuffixLength(utf8, token.utf8Start..<token.utf8End, upperS: true) != 0
        }
        return true
    }

    /// The best match starting at token `index`: the walk goes down the trie token by token within the
    /// sentence, and each node reached offers its entries (`offer`).
    @inline(__always)
    func longestMatch(from index: Int, _ utf8: Span<UInt8>) -> EntityMatcher.Candidate? {
        var best: EntityMatcher.Candidate?
        var bestPriority: Int32 = 0
        var node: Int32 = 0
        var position = index
        while position < tokens.count, tokens[position].sentence == tokens[index].sentence {
            // Past the first token, an ASCII token the edge filter does not know is no key of an
            // edge below the root, nor a possessive of one: the walk ends without a lookup.
            if usesKeyFilters, position > index, tokens[position].keyHash != 0,
                !compiled.edgeFilter.mayContain(tokens[position].keyHash)
            {
                break
            }
            guard let (next, trim) = step(from: node, at: position) else { break }
            node = next
            offer(node, first: index, last: position, trim: trim, utf8, best: &best, bestPriority: &bestPriority)
            if trim > 0 { break }
            position += 1
        }
        return best
    }

    /// The node reached from `node` by token `position`, or by its stem without a possessive ending (then
    /// `trim` is the scalars to drop).
    @inline(__always)
    func step(from node: Int32, at position: Int) -> (node: Int32, trim: Int)? {
        let id = keys.id(at: position)
        // The child is looked up once per key (the edge table is probed once per step).
        if id >= 0, let next = child(of: node, id) { return (next, 0) }
        guard text[tokens[position].utf8End - 1] | 0x20 == UInt8(ascii: "s"), let stem = possessiveStem(tokens[position]),
            let next = child(of: node, stem.key)
        else { return nil }
        return (next, stem.trim)
    }

    /// Makes the entries of `node` that fit the document's language and the text's case the best match over
    /// tokens `[first, last]` when they are longer or of higher priority than `best`.
    @inline(__always)
    func offer(_ node: Int32, first: Int, last: Int, trim: Int, _ utf8: Span<UInt8>,
               best: inout EntityMatcher.Candidate?, bestPriority: inout Int32) {
        for place in compiled.nodeEntries.positions(of: node) {
            let slot = compiled.nodeEntries.slot(at: place)
            let entryID = slot.id
            guard FormLanguages.fits(slot.languages, documentLanguages),
                EntityMatcher.caseFits(compiled.caseRules[Int(entryID)], tokens: tokens, from: first, utf8: utf8, trimLast: trim)
            else { continue }
            let priority = slot.priority
            let candidate = EntityMatcher.Candidate(first: first, last: last, entry: entryID, trimEnd: trim)
            if let current = best {
                if last > current.last || bestPriority < priority {
                    best = candidate
                    bestPriority = priority
                } else if last == current.last, bestPriority == priority {
                    best?.alternatives.append(entryID)
                }
            } else {
                best = candidate
                bestPriority = priority
            }
        }
    }

    /// The trie node reached from `node` by a key: the root's children by array, the others by `TrieEdges`.
    @inline(__always)
    func child(of node: Int32, _ key: Int32) -> Int32? {
        if node == 0 {
            let child = root[Int(key)]
            return child >= 0 ? child : nil
        }
        return compiled.edges.child(of: node, key)
    }

    /// The key of a word without its possessive "'s" ("Ukraine's"), with the scalars to drop.
    func possessiveStem(_ token: Token) -> (key: Int32, trim: Int)? {
        guard token.kind == .word else { return nil }
        // Safety: a token's byte range lies inside the text; the stem is a prefix of it.
        let bytes = UnsafeBufferPointer(rebasing: text[token.utf8Start..<token.utf8End])
        let suffixLength = EntityMatcher.possessiveSuffixLength(text.span, token.utf8Start..<token.utf8End, upperS: true)
        guard suffixLength > 0 else { return nil }
        let stem = UnsafeBufferPointer(rebasing: bytes[0..<(bytes.count - suffixLength)])
        guard let key = keys.id(of: stem) else { return nil }
        return (key, 2)
    }
}
