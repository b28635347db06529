import GazetteCore

/// A false positive or false negative, with the sentence it occurs in, for `--errors`.
public struct ErrorItem: Sendable, Hashable, Codable {
    /// Whether the item is a missed gold item or a wrong prediction.
    public enum Kind: String, Sendable, Codable {
        case falseNegative = "FN"
        case falsePositive = "FP"
    }

    public var kind: Kind
    /// The document id.
    public var document: String
    /// The entity or relation, readable: `PERSON "Macron" [7,13)`.
    public var what: String
    /// The aligned item on the other side, when there is one (a wrong type or boundary).
    public var partner: String?
    /// The sentence holding the item.
    public var sentence: String

    public init(kind: Kind, document: String, what: String, partner: String?, sentence: String) {
        self.kind = kind
        self.document = document
        self.what = what
        self.partner = partner
        self.sentence = sentence
    }
}

/// The first `limit` false negatives and false positives, with the total number of each.
public struct ErrorSamples: Sendable, Hashable, Codable {
    public var limit: Int
    public var falseNegatives: [ErrorItem] = []
    public var falsePositives: [ErrorItem] = []
    public var falseNegativeCount = 0
    public var falsePositiveCount = 0

    public init(limit: Int = 0) { self.limit = limit }

    /// Counts an item of a kind and builds and keeps it while fewer than `limit` of its kind are kept.
    public mutating func add(_ kind: ErrorItem.Kind, _ make: () -> ErrorItem) {
        switch kind {
        case .falseNegative:
            falseNegativeCount += 1
            if falseNegatives.count < limit { falseNegatives.append(make()) }
        case .falsePositive:
            falsePositiveCount += 1
            if falsePositives.count < limit { falsePositives.append(make()) }
        }
    }
}

/// Finds the sentence around a span, for error listings.
public enum SentenceContext {
    /// The text of the document's sentence that holds the span's start; without sentences, up to 60 scalars
    /// either side. Line breaks become spaces so that each error stays on one line.
    public static func sentence(around span: TextSpan, in document: Document) -> String {
        let scalars = Array(document.text.unicodeScalars)
        var range = max(0, span.start - 60)..<min(scalars.count, span.end + 60)
        if let sentence = document.sentences.first(where: { $0.start <= span.start && span.start < $0.end }),
            sentence.start >= 0, sentence.end <= scalars.count
        {
            range = sentence.start..<sentence.end
        }
        guard range.lowerBound < range.upperBound else { return "" }
        var text = String.UnicodeScalarView()
        for scalar in scalars[range] {
            text.append(scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar)
        }
        return String(text)
    }

    /// The text of a span, at most `limit` scalars (an ellipsis marks the cut); empty when the span is outside the text.
    public static func clip(_ document: Document, _ span: TextSpan, limit: Int = 60) -> String {
        let scalars = document.text.unicodeScalars
        guard span.start >= 0, span.start <= span.end, span.end <= scalars.count else { return "" }
        let start = scalars.index(scalars.startIndex, offsetBy: span.start)
        let end = scalars.index(start, offsetBy: min(span.length, limit))
        return String(scalars[start..<end]) + (span.length > limit ? "…" : "")
    }
}
