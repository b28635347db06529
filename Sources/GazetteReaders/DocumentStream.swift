import Foundation
import GazetteBytes
import GazetteCore
import GazetteZlib

/// One item read from the inputs: a raw document, or a document that could not be read.
public enum ReadItem: Sendable {
    case document(RawDocument)
    case reject(Reject)
}

/// Streams raw documents from files, directories (recursively, in sorted order) and standard input.
///
/// Files are read one at a time and their documents handed out one at a time, so memory follows the largest
/// file, not the number of inputs. Each file's format comes from `--input-format`, else its name (`.gz` stripped
/// and decompressed), else its first bytes; see `FormatDetector`. Every document passes the size and nesting
/// limits of `ReaderOptions` before it is handed on.
public struct DocumentStream: Sequence, Sendable {
    public let inputs: [String]
    public let options: ReaderOptions

    /// A stream over paths; "-" is standard input.
    public init(inputs: [String], options: ReaderOptions = ReaderOptions()) {
        self.inputs = inputs
        self.options = options
    }

    public func makeIterator() -> Iterator { Iterator(pending: inputs.reversed(), options: options) }

    /// The total size in bytes of the files the inputs name (directories walked as the stream walks them),
    /// or nil when it cannot be known in advance (standard input from a pipe or a terminal).
    public static func inputSize(inputs: [String]) -> Int? {
        var total = 0
        for input in inputs {
            if input == "-" {
                guard let size = regularFileSize(descriptor: 0) else { return nil }
                total += size
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue ? Iterator.listDirectory(input) : [input]
            for file in files {
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue
                total += size ?? 0
            }
        }
        return total
    }

    /// Reads the next document, file by file.
    public struct Iterator: IteratorProtocol {
        var pending: [String]
        let options: ReaderOptions
        var reader: (any ItemReader)?
        var queued: [ReadItem] = []
        var context: ReadContext?
        /// What was skipped or repaired so far.
        public internal(set) var statistics = ReadStatistics()
        /// Input bytes of the files opened so far, less the part of a streamed JSONL file not yet read.
        var finishedBytes = 0
        /// The lines of the JSONL file or standard input being read line by line, if any.
        var stream: (any LineSource)?
        /// JSONL inputs opened so far: ids must be unique within one of them (`IDClaim.file`).
        var jsonlFiles = 0

        /// Input bytes read up to and including the last item returned: the progress of the stream.
        public var bytesConsumed: Int { finishedBytes + (stream?.consumed ?? 0) }

        init(pending: [String], options: ReaderOptions) {
            self.pending = pending
            self.options = options
        }

        public mutating func next() -> ReadItem? {
            while true {
                if reader != nil, let item = reader!.next(&statistics) {
                    guard case .document(let raw) = item, let context else { return item }
                    return context.checked(raw)
                }
                guard advance() else { return nil }
            }
        }

        /// The next record like `next()`, but JSONL lines and Reuters articles come unread (`.pending`), for
        /// worker threads to read; their duplicate-id check is the caller's (`DuplicateIDFilter`, in input order).
        /// Use either `next()` or `nextRecord()` on one iterator, not both.
        public mutating func nextRecord() -> ReadRecord? {
            while true {
                let context = context ?? ReadContext(path: "", options: options)
                if reader != nil, let record = reader!.nextRecord(&statistics, context: context) {
                    guard case .item(.document(let raw)) = record else { return record }
                    return .item(context.checked(raw))
                }
                guard advance() else { return nil }
            }
        }

        /// Closes the finished reader and opens the next input; false when there is none.
        mutating func advance() -> Bool {
            finishedBytes += stream?.consumed ?? 0
            stream = nil
            reader = nil
            if !queued.isEmpty {
                reader = SingleReader(item: queued.removeFirst())
                return true
            }
            guard let path = pending.popLast() else { return false }
            open(path)
            return true
        }

        /// How `openStreaming` left a path.
        enum StreamOpening {
            /// A JSONL reader reads it line by line.
            case streaming
            /// Standard input that is not JSONL, read whole.
            case read([UInt8])
            /// Not streamed: read the file whole.
            case notStreamed
        }

        /// Streams JSONL files (and standard input that is JSONL) line by line instead of reading them
        /// whole, so that memory stays flat and a pipe stage answers each line as it comes.
        mutating func openStreaming(_ path: String) -> StreamOpening {
            let forced = options.forcedFormat
            if path == "-" {
                let reader = LineReader(descriptor: 0, owns: false)
                if let forced, forced != .jsonl { return .read(reader.readRest()) }
                if forced == nil {
                    // Read only until the first meaningful byte is known: a pipe may send one short line and wait.
                    while !Self.formatDecidable(reader.pending) && reader.fill() {}
                    guard FormatDetector.format(path: path, bytes: Array(reader.pending.prefix(512))) == .jsonl else {
                        return .read(reader.readRest())
                    }
                }
                context = ReadContext(path: path, options: options)
                jsonlFiles += 1
                self.reader = JSONLReader(path: path, stream: reader, fields: options.jsonlFields, file: jsonlFiles)
                stream = reader
                return .streaming
            }
            let isJSONL = forced.map { $0 == .jsonl }
                ?? (FormatDetector.byExtension[(path as NSString).pathExtension.lowercased()] == .jsonl)
            guard isJSONL, let reader = openLineSource(path: path) else { return .notStreamed }
            context = ReadContext(path: path, options: options)
            jsonlFiles += 1
            self.reader = JSONLReader(path: path, stream: reader, fields: options.jsonlFields, file: jsonlFiles)
            stream = reader
            return .streaming
        }

        /// Whether the bytes so far show the first non-blank byte (after a byte order mark) that decides the format.
        static func formatDecidable(_ bytes: ArraySlice<UInt8>) -> Bool {
            let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
            var rest = bytes
            if rest.starts(with: mark) {
                rest = rest.dropFirst(3)
            } else if !rest.isEmpty && rest.count < 3 && mark.starts(with: rest) {
                return false
            }
            return rest.contains { !ASCIIBytes.isSpace($0) }
        }

        mutating func open(_ path: String) {
            if path != "-" {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    queued.append(Self.fileReject(path, .notFound, "no such file or directory"))
                    return
                }
                if isDirectory.boolValue {
                    pending.append(contentsOf: Self.listDirectory(path).reversed())
                    return
                }
            }
            statistics.files += 1
            var bytes: [UInt8]
            switch openStreaming(path) {
            case .streaming:
                return
            case .read(let read):
                bytes = read
            case .notStreamed:
                do {
                    guard let read = try Self.readAll(path, limit: options.maxInputBytes) else {
                        queued.append(Self.fileReject(path, .tooLarge, "the file is over the input limit of \(options.maxInputBytes) bytes"))
                        return
                    }
                    bytes = read
                } catch {
                    queued.append(Self.fileReject(path, .unreadable, "cannot read the file: \(error)"))
                    return
                }
            }
            finishedBytes += bytes.count
            load(bytes, path: path)
        }

        /// Hands the bytes of one input (a file's, or given in memory) to the reader its format calls for.
        mutating func load(_ bytes: [UInt8], path: String) {
            var bytes = bytes
            var innerPath = path
            var trailing: ReadItem?
            let context = ReadContext(path: path, options: options)
            self.context = context
            if let stripped = FormatDetector.strippingGzipExtension(path) { innerPath = stripped }
            var detected: InputFormat?
            if Gzip.isGzip(bytes) {
                let result = Gzip.decompress(bytes, limit: options.maxInputBytes)
                let format = options.forcedFormat ?? FormatDetector.format(path: innerPath, bytes: result.bytes)
                if let error = result.error {
                    let failure = context.reject(path, format: format, index: 0, RejectCode(error.kind), error.message)
                    // Record containers keep the records of the complete gzip members before the damage.
                    guard [.warc, .jsonl].contains(format), result.completeLength > 0 else {
                        queued.append(failure)
                        return
                    }
                    // The kept prefix is detected again below: shorter bytes may sniff differently.
                    bytes = Array(result.bytes[..<result.completeLength])
                    trailing = failure
                } else {
                    bytes = result.bytes
                    detected = format
                }
            }
            let format = detected ?? options.forcedFormat ?? FormatDetector.format(path: innerPath, bytes: bytes)
            reader = makeReader(format: format, bytes: bytes, context: context)
            if let trailing { queued.append(trailing) }
        }

        mutating func makeReader(format: InputFormat, bytes: [UInt8], context: ReadContext) -> any ItemReader {
            switch format {
            case .jsonl:
                jsonlFiles += 1
                return JSONLReader(path: context.path, bytes: bytes, fields: options.jsonlFields, file: jsonlFiles)
            case .rss, .atom:
                return FeedReader(context: context, bytes: bytes, format: format, statistics: &statistics)
            case .warc:
                return WARCReader(context: context, bytes: bytes)
            case .sgml, .nitf:
                return NewswireReader(context: context, bytes: bytes, format: format, statistics: &statistics)
            case .newsml:
                return NewsMLReader(context: context, bytes: bytes, statistics: &statistics)
            case .xml:
                // A known vocabulary inside a generic .xml name, else one plain-text document.
                switch FormatDetector.sniff(bytes) {
                case .rss?, .atom?:
                    return FeedReader(context: context, bytes: bytes, format: .xml, statistics: &statistics)
                case .sgml?:
                    return NewswireReader(context: context, bytes: bytes, format: .sgml, statistics: &statistics)
                case .newsml?:
                    return NewsMLReader(context: context, bytes: bytes, statistics: &statistics)
                default:
                    return NewswireReader(context: context, bytes: bytes, format: .xml, statistics: &statistics)
                }
            case .html, .text:
                return SingleReader(item: Self.page(bytes, format: format, context: context, statistics: &statistics))
            }
        }

        /// An HTML or plain-text file as one document. UTF-16 plain text (by its byte order mark) becomes UTF-8;
        /// HTML keeps its bytes for libxml2 and the cleaner, which read its `<meta charset>`. A standalone file has no
        /// transport header: the charset of an undeclared page in a legacy charset is ICU's guess, as in a WARC
        /// record without one (`CharsetResolver.decideHTML`).
        static func page(_ bytes: [UInt8], format: InputFormat, context: ReadContext, statistics: inout ReadStatistics)
            -> ReadItem
        {
            let source = SourceLocator(path: context.path, format: format, index: 0)
            var body = bytes
            if format == .text, bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                guard bytes.count % 2 == 0 else {
                    return context.reject(context.path, format: .text, index: 0, .invalidEncoding,
                                          "the text starts with a UTF-16 byte order mark but is not valid UTF-16")
                }
                let decision = CharsetResolver.decide(bytes)
                statistics.record(decision)
                body = CharsetResolver.utf8(bytes, decision: decision).bytes
            }
            var charset: String?
            if format == .html, let decision = CharsetResolver.decideHTML(bytes, transport: nil) {
                statistics.record(decision)
                charset = decision.charset
            }
            return .document(RawDocument(id: context.path, source: source, format: format, bytes: body, charset: charset))
        }

        static func fileReject(_ path: String, _ code: RejectCode, _ message: String) -> ReadItem {
            let inner = FormatDetector.strippingGzipExtension(path) ?? path
            let format = FormatDetector.byExtension[(inner as NSString).pathExtension.lowercased()] ?? .text
            return .reject(Reject(id: path, source: SourceLocator(path: path, format: format, index: 0),
                                  reason: RejectReason(code: code, message: message)))
        }

        /// Regular files below a directory, hidden ones skipped, sorted by path for a deterministic order.
        static func listDirectory(_ path: String) -> [String] {
            guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
            var files: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FormatDetector.isDocumentName(name)
                {
                    files.append(full)
                }
            }
            return files.sorted()
        }

        /// The whole file, or nil when it is larger than `limit`.
        static func readAll(_ path: String, limit: Int) throws -> [UInt8]? {
            let handle = path == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { if path != "-" { try? handle.close() } }
            var bytes: [UInt8] = []
            // A regular file is read straight into an array of its size (one copy, no regrowing); what it has
            // beyond that size (it grew meanwhile) and every other input come in chunks below.
            if path != "-", let size = regularFileSize(descriptor: handle.fileDescriptor) {
                if size > limit { return nil }
                var failure: Int32 = 0
                bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                    count = 0
                    while count < size {
                        let got = read(handle.fileDescriptor, buffer.baseAddress! + count, size - count)
                        if got < 0 {
                            if errno == EINTR { continue }
                            failure = errno
                            return
                        }
                        if got == 0 { break }
                        count += got
                    }
                }
                if failure != 0 { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
                if bytes.count < size { return bytes }
            }
            while true {
                guard let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
                bytes.append(contentsOf: chunk)
                if bytes.count > limit { return nil }
            }
            return bytes
        }
    }
}

extension DocumentStream {
    /// Reads one input that is already in memory exactly as a file named `path` holding `bytes` would be read
    /// (gzip, format by name then bytes, every limit), collecting its items. For fuzzing and in-process callers.
    public static func items(of bytes: [UInt8], path: String, options: ReaderOptions = ReaderOptions())
        -> (items: [ReadItem], statistics: ReadStatistics)
    {
        var iterator = Iterator(pending: [], options: options)
        iterator.statistics.files = 1
        if bytes.count > options.maxInputBytes {
            iterator.queued.append(Iterator.fileReject(path, .tooLarge,
                                                       "the input is over the input limit of \(options.maxInputBytes) bytes"))
        } else {
            iterator.load(bytes, path: path)
        }
        var items: [ReadItem] = []
        while let item = iterator.next() { items.append(item) }
        return (items, iterator.statistics)
    }
}

/// Hands out one prepared item.
struct SingleReader: ItemReader {
    var item: ReadItem?

    mutating func next(_ statistics: inout ReadStatistics) -> ReadItem? {
        defer { item = nil }
        return item
    }
}
