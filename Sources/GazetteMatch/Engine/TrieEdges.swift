import GazetteBytes

/// The trie's edges below the root, (node, key id) to child node, in one open-addressing table
/// (`LinearProbeTable`): a step of the walk is a multiply and a probe or two, not a dictionary lookup per node.
struct TrieEdges: Sendable {
    /// An edge and the node it leads to, side by side so that a probe reads one cache line.
    struct Slot: ProbeSlot {
        /// `node << 32 | key`, `UInt64.max` when the slot is empty.
        var edge: UInt64
        var child: Int32

        static var empty: Slot { Slot(edge: .max, child: -1) }
        var isEmpty: Bool { edge == .max }
    }

    private var table: LinearProbeTable<Slot>

    /// The edges of every node but the root (whose children are looked up by key id directly).
    init(_ nodes: [CompiledGazetteer.Node]) {
        let count = nodes.dropFirst().reduce(0) { $0 + $1.children.count }
        table = LinearProbeTable(capacity: count)
        for (node, entry) in nodes.enumerated().dropFirst() {
            for (key, child) in entry.children {
                let edge = Self.edge(Int32(node), key)
                table.insert(Slot(edge: edge, child: child), hash: Self.hash(edge)) { Self.hash($0.edge) }
            }
        }
    }

    @inline(__always)
    static func edge(_ node: Int32, _ key: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: key))
    }

    /// The edge's hash: the high half of a multiplicative hash, which mixes node and key.
    @inline(__always)
    static func hash(_ edge: UInt64) -> Int {
        Int(truncatingIfNeeded: (edge &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// The child of a node (not the root) by a key id.
    @inline(__always)
    func child(of node: Int32, _ key: Int32) -> Int32? {
        let edge = Self.edge(node, key)
        return table.first(hash: Self.hash(edge)) { $0.edge == edge }?.child
    }
}
