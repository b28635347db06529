/// The entries at each trie node in one flat array (node `n` has `ids[starts[n]..<starts[n + 1]]`),
/// so the walk finds a node's entries without following a pointer to a per-node array.
struct NodeEntries: Sendable {
    private var starts: [Int32]
    private var ids: [Int32]

    init(_ nodes: [CompiledGazetteer.Node]) {
        var starts: [Int32] = [0]
        var ids: [Int32] = []
        starts.reserveCapacity(nodes.count + 1)
        for node in nodes {
            ids += node.entries
            starts.append(Int32(ids.count))
        }
        self.starts = starts
        self.ids = ids
    }

    /// The positions in `ids` of a node's entries.
    @inline(__always)
    func positions(of node: Int32) -> Range<Int> {
        starts.withUnsafeBufferPointer { Int($0[Int(node)])..<Int($0[Int(node) + 1]) }
    }

    /// The entry id at a position.
    @inline(__always)
    func id(at position: Int) -> Int32 { ids[position] }
}
