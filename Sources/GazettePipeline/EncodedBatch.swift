import GazetteOutput

/// The lines a worker made of one job, on their way to the writer.
struct EncodedBatch: Sendable {
    var lines: [Line]
    /// The article lines, in the order of `lines`; nil when there are none (or no JSONL output).
    var articles: LineBlock?

    /// About the memory the batch holds: its lines, and the documents kept for document sinks (about their text).
    var bytes: Int {
        lines.reduce(articles?.byteCount ?? 0) { $0 + $1.text.utf8.count + ($1.document == nil ? 0 : $1.textBytes) }
    }
}
