import GazetteCore

/// One record of the inputs as `DocumentStream.Iterator.nextRecord()` hands it on: an item already read, or
/// the raw bytes of a record left for another thread to read.
public enum ReadRecord: Sendable {
    case item(ReadItem)
    case pending(PendingRecord)
}

/// The raw bytes of one record — a JSONL line, a Reuters `<REUTERS>` element — and what reading them needs,
/// so that a worker thread can parse it while the reading thread only splits the input.
///
/// `read()` gives exactly the item the stream's `next()` would give at this place, except for the duplicate-id
/// check, which needs every earlier record: pass the result through a `DuplicateIDFilter` in input order.
public struct PendingRecord: Sendable {
    enum Bytes: Sendable {
        case jsonl(line: RecordBytes, lineNumber: Int, parser: JSONLRecordParser)
        case reuters(element: ArraySlice<UInt8>, start: Int, index: Int)
    }

    let bytes: Bytes
    let context: ReadContext

    init(jsonl line: RecordBytes, lineNumber: Int, parser: JSONLRecordParser, context: ReadContext) {
        bytes = .jsonl(line: line, lineNumber: lineNumber, parser: parser)
        self.context = context
    }

    init(reutersElement element: ArraySlice<UInt8>, start: Int, index: Int, context: ReadContext) {
        bytes = .reuters(element: element, start: start, index: index)
        self.context = context
    }

    /// Where the record comes from, known before it is read (for skipping records already done).
    public var source: SourceLocator {
        switch bytes {
        case .jsonl(_, let lineNumber, let parser):
            SourceLocator(path: parser.path, format: .jsonl, index: lineNumber - 1)
        case .reuters(_, _, let index):
            SourceLocator(path: context.path, format: .sgml, index: index)
        }
    }

    /// The record's bytes in the input, for progress and memory bounds.
    public var byteCount: Int {
        switch bytes {
        case .jsonl(let line, _, _): line.count
        case .reuters(let element, _, _): element.count
        }
    }

    /// Reads the record: its item (limits checked), the id it claims, and what reading it added to the statistics.
    public func read() -> (item: ReadItem, claim: IDClaim?, statistics: ReadStatistics) {
        var statistics = ReadStatistics()
        let item: ReadItem
        let claim: IDClaim?
        switch bytes {
        case .jsonl(let line, let lineNumber, let parser):
            (item, claim) = line.withUnsafeBufferPointer { parser.read($0, lineNumber: lineNumber) }
        case .reuters(let element, let start, let index):
            item = NewswireReader.reuters(element, at: start, index: index, context: context, statistics: &statistics)
            claim = nil
        }
        guard case .document(let raw) = item else { return (item, claim, statistics) }
        return (context.checked(raw), claim, statistics)
    }
}
