import GazetteCore

extension EntityMatcher {
    /// Verbs of saying and of the stances news reports ("says", "urges", "forecasts"), in English, Dutch and German,
    /// compared in lower case since wire headlines write them in capitals ("REAGAN SAYS …").
    static let reportingVerbs: TokenWords = [
        "says", "said", "sees", "urges", "warns", "calls", "tells", "told", "expects", "predicts", "forecasts", "denies",
        "rejects", "backs", "asks", "wants", "plans", "declines", "agrees", "announces", "proposes", "vetoes", "defends",
        "criticises", "criticizes", "welcomes", "doubts", "hopes", "fears", "seeks", "insists", "pledges", "promises",
        "threatens", "vows", "supports", "opposes", "favours", "favors", "decline", "say", "zegt", "zei", "sagt", "sagte",
    ]

    /// The byte lengths of `reportingVerbs`: a word of another length is none of them, without a string.
    static let reportingVerbLengths: ClosedRange<Int> = {
        let lengths = reportingVerbs.map(\.utf8.count)
        return lengths.min()!...lengths.max()!
    }()

    /// Whether the word right after `last`, in the same sentence, is a reporting verb ("Miyazawa says").
    static func isFollowedByReportingVerb(_ last: Int, _ tokens: [Token], _ utf8: Span<UInt8>) -> Bool {
        guard let next = nextWord(after: last, tokens), tokens[next].sentence == tokens[last].sentence,
            reportingVerbLengths.contains(tokens[next].utf8End - tokens[next].utf8Start)
        else { return false }
        return reportingVerbs.containsLowercased(tokens[next], utf8)
    }
}
