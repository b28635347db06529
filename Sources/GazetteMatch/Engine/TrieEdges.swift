/// The trie's edges below the root, (node, key id) to child node, in one open-addressing table:
/// a step of the walk is a multiply and a probe or two, not a dictionary lookup per node.
struct TrieEdges: Sendable {
    /// An edge and the node it leads to, side by side so that a probe reads one cache line.
    struct Slot: Sendable {
        /// `node << 32 | key`, `UInt64.max` when the slot is empty.
        var edge: UInt64
        var child: Int32
    }

    private var slots: [Slot]
    private let mask: Int

    /// The edges of every node but the root (whose children are looked up by key id directly).
    init(_ nodes: [CompiledGazetteer.Node]) {
        let count = nodes.dropFirst().reduce(0) { $0 + $1.children.count }
        var size = 16
        while size < count * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(edge: .max, child: -1), count: size)
        mask = size - 1
        for (node, entry) in nodes.enumerated().dropFirst() {
            for (key, child) in entry.children {
                let edge = Self.edge(Int32(node), key)
                var slot = Self.slot(edge, mask)
                while slots[slot].edge != .max { slot = (slot + 1) & mask }
                slots[slot] = Slot(edge: edge, child: child)
            }
        }
    }

    @inline(__always)
    static func edge(_ node: Int32, _ key: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: key))
    }

    @inline(__always)
    static func slot(_ edge: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (edge &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The child of a node (not the root) by a key id.
    @inline(__always)
    func child(of node: Int32, _ key: Int32) -> Int32? {
        let edge = Self.edge(node, key)
        // Safety: `slot` is masked by `mask`, which is the table's size less one (a power of two).
        return slots.withUnsafeBufferPointer { slots in
            var slot = Self.slot(edge, mask)
            while true {
                let stored = slots[slot]
                if stored.edge == edge { return stored.child }
                if stored.edge == .max { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}
