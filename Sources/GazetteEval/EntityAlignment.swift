import GazetteCore

/// One gold entity paired with one predicted entity, by their positions in the documents' entity arrays.
public struct AlignedPair: Sendable, Hashable {
    public var gold: Int
    public var predicted: Int

    public init(gold: Int, predicted: Int) {
        self.gold = gold
        self.predicted = predicted
    }
}

/// Pairs gold and predicted entities one to one, so that every entity takes part in at most one pair.
///
/// Candidates are all (gold, predicted) pairs whose spans overlap (and, with `sameTypeOnly`, whose types are
/// equal). They are taken greedily in this order, skipping any whose gold or predicted entity is already paired:
/// 1. same span and same type, 2. same span, other type, 3. overlapping with the same type, 4. overlapping with
/// another type; within a rank the larger shared length first, then the gold entity that starts first, then the
/// prediction that starts first (array position breaks the remaining ties). The result is deterministic.
public enum EntityAlignment {
    /// The pairs, sorted by gold position.
    public static func align(gold: [Entity], predicted: [Entity], sameTypeOnly: Bool = false) -> [AlignedPair] {
        struct Candidate {
            var rank: Int
            var shared: Int
            var gold: Int
            var predicted: Int
        }
        var candidates: [Candidate] = []
        let order = predicted.indices.sorted { predicted[$0].span < predicted[$1].span }
        for (g, goldEntity) in gold.enumerated() {
            for p in order {
                let span = predicted[p].span
                if span.start >= goldEntity.span.end { break }
                guard span.overlaps(goldEntity.span) else { continue }
                let sameType = predicted[p].type == goldEntity.type
                if sameTypeOnly && !sameType { continue }
                let sameSpan = span == goldEntity.span
                let rank = (sameSpan ? 0 : 2) + (sameType ? 0 : 1)
                let shared = min(span.end, goldEntity.span.end) - max(span.start, goldEntity.span.start)
                candidates.append(Candidate(rank: rank, shared: shared, gold: g, predicted: p))
            }
        }
        candidates.sort {
            if $0.rank != $1.rank { return $0.rank < $1.rank }
            if $0.shared != $1.shared { return $0.shared > $1.shared }
            let (goldA, goldB) = (gold[$0.gold].span, gold[$1.gold].span)
            if goldA != goldB { return goldA < goldB }
            if $0.gold != $1.gold { return $0.gold < $1.gold }
            let (predictedA, predictedB) = (predicted[$0.predicted].span, predicted[$1.predicted].span)
            if predictedA != predictedB { return predictedA < predictedB }
            return $0.predicted < $1.predicted
        }
        var goldTaken = [Bool](repeating: false, count: gold.count)
        var predictedTaken = [Bool](repeating: false, count: predicted.count)
        var pairs: [AlignedPair] = []
        for candidate in candidates where !goldTaken[candidate.gold] && !predictedTaken[candidate.predicted] {
            goldTaken[candidate.gold] = true
            predictedTaken[candidate.predicted] = true
            pairs.append(AlignedPair(gold: candidate.gold, predicted: candidate.predicted))
        }
        return pairs.sorted { $0.gold < $1.gold }
    }
}
