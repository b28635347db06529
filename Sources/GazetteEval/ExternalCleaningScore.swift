import GazetteClean
/// The metric of `../shared/dev/cleaning/score.py`: 4-gram word shingles compared as multisets per page,
/// each page's counts normalised to sum to 1, precision and recall macro-averaged over pages, F1 of the means.
/// Snippet gold (with/without lists) is scored as trafilatura's evaluation does: micro counts of snippets found.
public enum ShingleMetric {
    /// Normalised counts of one page (tp + fp + fn = 1, or all 0 when both texts are empty).
    public struct PageCounts: Sendable, Equatable {
        public var tp = 0.0, fp = 0.0, fn = 0.0

        public init(tp: Double = 0, fp: Double = 0, fn: Double = 0) {
            self.tp = tp
            self.fp = fp
            self.fn = fn
        }

        public var precision: Double { fp == 0 && fn == 0 ? 1 : (tp == 0 && fp == 0 ? 0 : tp / (tp + fp)) }
        public var recall: Double { fp == 0 && fn == 0 ? 1 : (tp == 0 && fn == 0 ? 0 : tp / (tp + fn)) }
    }

    /// Precision, recall and F1 of a set.
    public struct Summary: Sendable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
    }

    /// Word tokens as Python's `\w+`: runs of letters, digits and `_`.
    public static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        for index in text.unicodeScalars.indices {
            if isWord(text.unicodeScalars[index]) {
                if start == nil { start = index }
            } else if let begin = start {
                result.append(text[begin..<index])
                start = nil
            }
        }
        if let start { result.append(text[start...]) }
        return result
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The multiset of n-gram shingles of a text (a text shorter than n tokens is one shorter shingle).
    public static func shingles(_ text: String, n: Int = 4) -> [String: Int] {
        let words = tokens(text)
        var result: [String: Int] = [:]
        if words.isEmpty { return result }
        if words.count < n {
            result[words.joined(separator: " "), default: 0] += 1
            return result
        }
        for start in 0...(words.count - n) {
            result[words[start..<start + n].joined(separator: " "), default: 0] += 1
        }
        return result
    }

    /// The normalised counts of one page.
    public static func counts(gold: String, predicted: String, n: Int = 4) -> PageCounts {
        let expected = shingles(gold, n: n)
        let found = shingles(predicted, n: n)
        var tp = 0, fp = 0, fn = 0
        for (key, count) in expected {
            let other = found[key] ?? 0
            tp += min(count, other)
            fn += max(0, count - other)
        }
        for (key, count) in found { fp += max(0, count - (expected[key] ?? 0)) }
        let sum = Double(tp + fp + fn)
        guard sum > 0 else { return PageCounts() }
        return PageCounts(tp: Double(tp) / sum, fp: Double(fp) / sum, fn: Double(fn) / sum)
    }

    /// Macro precision and recall over pages (pages without predicted or gold shingles skipped for each).
    public static func summary(_ pages: [PageCounts]) -> Summary {
        let precisions = pages.filter { $0.tp + $0.fp > 0 }.map(\.precision)
        let recalls = pages.filter { $0.tp + $0.fn > 0 }.map(\.recall)
        let precision = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
        let recall = recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
        return Summary(precision: precision, recall: recall, f1: precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
    }

    /// Snippets found: (with found, without found, with missed) for one page.
    public static func snippetCounts(with: [String], without: [String], predicted: String) -> (tp: Int, fp: Int, fn: Int) {
        let output = Whitespace.collapse(predicted)
        let tp = with.filter { output.contains(Whitespace.collapse($0)) }.count
        let fp = without.filter { output.contains(Whitespace.collapse($0)) }.count
        return (tp, fp, with.count - tp)
    }

    /// Micro precision, recall and F1 over snippet counts.
    public static func snippetSummary(_ pages: [(tp: Int, fp: Int, fn: Int)]) -> Summary {
        let tp = Double(pages.reduce(0) { $0 + $1.tp }), fp = Double(pages.reduce(0) { $0 + $1.fp })
        let fn = Double(pages.reduce(0) { $0 + $1.fn })
        return Summary(
            precision: tp + fp == 0 ? 0 : tp / (tp + fp), recall: tp + fn == 0 ? 0 : tp / (tp + fn),
            f1: tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn))
    }
}
