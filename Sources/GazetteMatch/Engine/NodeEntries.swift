/// The entries at each trie node in one flat array (node `n` has `slots[starts[n]..<starts[n + 1]]`), each
/// with the priority and languages the walk compares, so that the walk reads a node's entries from one run
/// of memory instead of following a pointer per node and two more per entry.
struct NodeEntries: Sendable {
    /// One entry of a node and what the walk decides on before reading the entry's case rules.
    struct Slot: Sendable {
        let id: Int32
        /// `MatchEntry.priority`.
        let priority: Int32
        /// `MatchEntry.languages`.
        let languages: UInt8
    }

    private var starts: [Int32]
    private var slots: [Slot]

    init(_ nodes: [CompiledGazetteer.Node], entries: [MatchEntry]) {
        var starts: [Int32] = [0]
        var slots: [Slot] = []
        starts.reserveCapacity(nodes.count + 1)
        for node in nodes {
            for id in node.entries {
                let entry = entries[Int(id)]
                slots.append(Slot(id: id, priority: Int32(clamping: entry.priority), languages: entry.languages))
            }
            starts.append(Int32(slots.count))
        }
        self.starts = starts
        self.slots = slots
    }

    /// The positions in `slots` of a node's entries.
    @inline(__always)
    func positions(of node: Int32) -> Range<Int> {
        // Safety: a node id is below the node count, and `starts` has one element more than there are nodes.
        starts.withUnsafeBufferPointer { Int($0[Int(node)])..<Int($0[Int(node) + 1]) }
    }

    /// The entry at a position, with its priority and languages.
    @inline(__always)
    func slot(at position: Int) -> Slot { slots[position] }
}
