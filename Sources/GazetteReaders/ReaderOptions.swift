import GazetteCore

/// Options for reading inputs.
public struct ReaderOptions: Sendable {
    /// Read every file as this format instead of guessing from its name and bytes.
    public var forcedFormat: InputFormat?
    /// JSONL field names.
    public var jsonlFields = JSONLFields()
    /// A single document (a file, a feed item, a WARC payload, a newswire article) larger than this is rejected
    /// (`too_large`).
    public var maxDocumentBytes = 64 << 20
    /// A whole input file (after gzip decompression) larger than this is rejected (`too_large`, `gzip_too_large`).
    public var maxInputBytes = 1 << 30
    /// HTML or XML nested deeper than this many elements is rejected (`too_deep`) before any parser or
    /// tree walk sees it. 256 is libxml2's own limit (without XML_PARSE_HUGE): its XML parser fails past it and
    /// its HTML parser silently drops everything below it, so a larger value would turn `too_deep` into
    /// `xml_malformed` or an empty page.
    public var maxNestingDepth = 256

    public init(forcedFormat: InputFormat? = nil) {
        self.forcedFormat = forcedFormat
    }
}

/// What the readers saw besides documents: records skipped on purpose and bytes repaired.
public struct ReadStatistics: Sendable, Equatable {
    /// Input files opened (directories expanded; standard input counts as one).
    public var files = 0
    /// Records skipped on purpose, by kind ("warc request", "warc metadata", "warc response non-html", …).
    public var skippedRecords: [String: Int] = [:]
    /// Bytes that were not valid UTF-8 in a UTF-8 container (Reuters, feeds, NITF) and became U+FFFD.
    public var replacedBytes = 0
    /// How each XML container's charset was decided, by decision ("declaration utf-8", "detected big5",
    /// "utf-8 over declaration", …; see `CharsetResolver`), except the commonest, counted in `undeclaredUTF8`.
    public var charsets: [String: Int] = [:]
    /// Containers without a declaration whose bytes are UTF-8 (every Reuters article): a plain counter, as the
    /// dictionary would cost an allocation per article.
    public var undeclaredUTF8 = 0
    /// Damaged input read in part, by kind ("warc record truncated", "feed item after an XML error", …): each
    /// counted item is a document read as far as its input goes.
    public var partial: [String: Int] = [:]

    public init() {}

    /// How many records were skipped in all.
    public var totalSkipped: Int { skippedRecords.values.reduce(0, +) }

    /// A short line for the run summary, or nil when there is nothing to say.
    public var summary: String? {
        var parts: [String] = []
        if totalSkipped > 0 {
            parts.append("\(totalSkipped) records skipped ("
                + skippedRecords.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")")
        }
        if replacedBytes > 0 { parts.append("\(replacedBytes) undecodable bytes replaced") }
        let decisions = allCharsets
        if !decisions.isEmpty { parts.append("charsets (" + Self.listing(decisions) + ")") }
        if !partial.isEmpty { parts.append("read in part (" + Self.listing(partial) + ")") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    mutating func skip(_ kind: String) { skippedRecords[kind, default: 0] += 1 }

    /// Every charset decision by its key, "undeclared utf-8" included.
    public var allCharsets: [String: Int] {
        guard undeclaredUTF8 > 0 else { return charsets }
        var all = charsets
        all[CharsetSource.undeclaredUTF8.rawValue, default: 0] += undeclaredUTF8
        return all
    }

    /// Counts a charset decision.
    mutating func record(_ decision: CharsetDecision) {
        if decision.source == .undeclaredUTF8 {
            undeclaredUTF8 += 1
        } else {
            charsets[decision.statisticsKey, default: 0] += 1
        }
    }

    /// "key: count" pairs sorted by key.
    static func listing(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }

    /// Adds what another reader (a worker reading pending records) saw.
    public static func += (lhs: inout ReadStatistics, rhs: ReadStatistics) {
        lhs.files += rhs.files
        lhs.skippedRecords.merge(rhs.skippedRecords, uniquingKeysWith: +)
        lhs.replacedBytes += rhs.replacedBytes
        if !rhs.charsets.isEmpty { lhs.charsets.merge(rhs.charsets, uniquingKeysWith: +) }
        lhs.undeclaredUTF8 += rhs.undeclaredUTF8
        if !rhs.partial.isEmpty { lhs.partial.merge(rhs.partial, uniquingKeysWith: +) }
    }
}

/// One reader over one input's bytes, handing out items one at a time.
protocol ItemReader {
    /// The next item, or nil when the input is exhausted.
    mutating func next(_ statistics: inout ReadStatistics) -> ReadItem?

    /// The next record, left unread (`.pending`) where its format can be read on another thread.
    mutating func nextRecord(_ statistics: inout ReadStatistics, context: ReadContext) -> ReadRecord?
}

extension ItemReader {
    /// Formats read whole by their reader hand on read items.
    mutating func nextRecord(_ statistics: inout ReadStatistics, context: ReadContext) -> ReadRecord? {
        next(&statistics).map(ReadRecord.item)
    }
}

/// Builds rejects and checks limits for one input file.
///
/// A class: every record handed to a worker carries its file's context, and a reference is one retain
/// where a copy of the path and the options would be about ten.
final class ReadContext: Sendable {
    let path: String
    let options: ReaderOptions

    init(path: String, options: ReaderOptions) {
        self.path = path
        self.options = options
    }

    /// A reject for the item at `index` of this file.
    func reject(_ id: String?, format: InputFormat, index: Int, _ code: RejectCode, _ message: String) -> ReadItem {
        .reject(Reject(id: id ?? fallbackID(index), source: SourceLocator(path: path, format: format, index: index),
                       reason: RejectReason(code: code, message: message)))
    }

    /// The id of an item that has none of its own: the path, plus "#index" for items after the first.
    func fallbackID(_ index: Int) -> String { "\(path)#\(index)" }

    /// Size and nesting checks every document passes before it is handed on; the document itself when it passes.
    func checked(_ raw: RawDocument) -> ReadItem {
        if raw.bytes.count > options.maxDocumentBytes {
            return .reject(Reject(id: raw.id, source: raw.source, reason: RejectReason(
                code: .tooLarge,
                message: "the document has \(raw.bytes.count) bytes, over the limit of \(options.maxDocumentBytes)")))
        }
        if raw.format == .html, let depth = NestingScanner.exceeds(raw.bytes, limit: options.maxNestingDepth, mode: .html) {
            return .reject(Reject(id: raw.id, source: raw.source, reason: RejectReason(
                code: .tooDeep,
                message: "elements nest deeper than the limit of \(options.maxNestingDepth) (reached \(depth))")))
        }
        return .document(raw)
    }
}
