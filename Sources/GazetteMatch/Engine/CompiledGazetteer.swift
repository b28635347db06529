import GazetteCore
import GazetteGazetteer
import GazetteSegment

/// Why the matcher could not be built or run.
public struct MatchError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// The message.
    public var description: String { message }
}

/// All gazetteer forms compiled into one trie over normalised token keys.
///
/// Immutable and safe to share between workers once built.
public final class CompiledGazetteer: Sendable {
    /// A trie node while the trie is built; the compiled trie keeps its edges in `edges` and
    /// its entries in `nodeEntries`.
    struct Node: Sendable {
        var children: [Int32: Int32] = [:]
        var entries: [Int32] = []
    }

    let vocabulary: VocabularyTable
    /// Children of the root by key id, for the lookup made at every token.
    let rootChildren: [Int32]
    /// The hashes of the keys that start a form, and of the same keys with a possessive "'s":
    /// most tokens start none, and are passed over on their `Token.keyHash` alone (an ASCII
    /// "Ukraine's" whose stem starts a form passes the filter as its stem would).
    let rootFilter: KeyHashFilter
    /// The subset of `rootFilter` for ASCII tokens that start with a lower-case letter: the keys
    /// that start a form whose first token may be written so (its case rule is `any`, or an exact
    /// form not starting with a capital). "the", "to" and "a" start forms ("The Hague", "TO"), but
    /// only capitalised, so a lower-case "the" is passed over without a lookup.
    let lowercaseRootFilter: KeyHashFilter
    /// The same for the keys of the edges below the root: a walk stops at an ASCII token this
    /// filter does not know without looking the token up.
    let edgeFilter: KeyHashFilter
    /// The edges below the root.
    let edges: TrieEdges
    /// The entries of each node, flat.
    let nodeEntries: NodeEntries
    /// The case rules of each entry, apart from the entries: reading them through `entries` retains and
    /// releases the whole entry array at every node the walk reaches.
    let caseRules: [[CaseRule]]
    /// Whether any form has a token made of digits (otherwise number tokens are not looked up).
    let hasNumericKeys: Bool
    let entries: [MatchEntry]
    /// The gazetteer the trie was built from.
    public let gazetteer: Gazetteer

    /// Number of compiled forms.
    public var formCount: Int { entries.count }

    /// Compiles every form of a gazetteer, tokenising each with the same ICU segmenter as the text.
    public init(gazetteer: Gazetteer) throws(MatchError) {
        self.gazetteer = gazetteer
        var builder: TrieBuilder
        do {
            builder = try TrieBuilder()
        } catch {
            throw MatchError(message: "cannot open ICU for compiling the gazetteer: \(error)")
        }
        builder.addForms(of: gazetteer)
        builder.applyCollisionRules(gazetteer.collisionRules)
        builder.openLanguages()
        vocabulary = builder.vocabulary
        entries = builder.entries
        var rootChildren = [Int32](repeating: -1, count: builder.vocabulary.count)
        var rootFilter = KeyHashFilter()
        var lowercaseRootFilter = KeyHashFilter()
        for (key, child) in builder.nodes[0].children {
            rootChildren[Int(key)] = child
            builder.insertHashes(of: key, into: &rootFilter)
            if builder.acceptsLowercaseStart(below: child) { builder.insertHashes(of: key, into: &lowercaseRootFilter) }
        }
        self.rootChildren = rootChildren
        self.rootFilter = rootFilter
        self.lowercaseRootFilter = lowercaseRootFilter
        var edgeFilter = KeyHashFilter()
        for node in builder.nodes.dropFirst() {
            for key in node.children.keys { builder.insertHashes(of: key, into: &edgeFilter) }
        }
        self.edgeFilter = edgeFilter
        edges = TrieEdges(builder.nodes)
        nodeEntries = NodeEntries(builder.nodes, entries: builder.entries)
        caseRules = builder.entries.map(\.caseRules)
        hasNumericKeys = builder.hasNumericKeys
    }
}
