import Foundation
import GazetteCore

/// One item read from the inputs: a raw document, or a document that could not be read.
public enum ReadItem: Sendable {
    case document(RawDocument)
    case reject(Reject)
}

/// Options for reading inputs.
public struct ReaderOptions: Sendable {
    /// Read every file as this format instead of guessing from its name and bytes.
    public var forcedFormat: InputFormat?
    /// JSONL field names.
    public var jsonlFields = JSONLFields()
    /// Documents larger than this are rejected (bytes).
    public var maxDocumentBytes = 64 << 20

    public init(forcedFormat: InputFormat? = nil) {
        self.forcedFormat = forcedFormat
    }
}

/// Streams raw documents from files, directories (recursively, in sorted order) and standard input.
///
/// Files are read one at a time, so memory does not grow with the number of inputs.
public struct DocumentStream: Sequence, Sendable {
    public let inputs: [String]
    public let options: ReaderOptions

    /// A stream over paths; "-" is standard input.
    public init(inputs: [String], options: ReaderOptions = ReaderOptions()) {
        self.inputs = inputs
        self.options = options
    }

    public func makeIterator() -> Iterator { Iterator(pending: inputs.reversed(), options: options) }

    /// Reads the next document, file by file.
    public struct Iterator: IteratorProtocol {
        var pending: [String]
        let options: ReaderOptions
        var current: IndexingIterator<[ReadItem]>?
        var jsonl: JSONLReader?

        public mutating func next() -> ReadItem? {
            while true {
                if let item = jsonl?.next() { return item }
                jsonl = nil
                if let item = current?.next() { return item }
                current = nil
                guard let path = pending.popLast() else { return nil }
                open(path)
            }
        }

        mutating func open(_ path: String) {
            if path != "-" {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    current = [.reject(Self.fileReject(path, "not_found", "no such file or directory"))].makeIterator()
                    return
                }
                if isDirectory.boolValue {
                    pending.append(contentsOf: Self.listDirectory(path).reversed())
                    return
                }
            }
            let bytes: [UInt8]
            do {
                bytes = try Self.readAll(path, limit: options.maxDocumentBytes * 64)
            } catch {
                current = [.reject(Self.fileReject(path, "unreadable", "cannot read the file: \(error)"))].makeIterator()
                return
            }
            let format = options.forcedFormat ?? FormatDetector.format(path: path, bytes: bytes)
            switch format {
            case .jsonl:
                jsonl = JSONLReader(path: path, bytes: bytes, fields: options.jsonlFields)
            default:
                let source = SourceLocator(path: path, format: format.rawValue, index: 0)
                if bytes.count > options.maxDocumentBytes {
                    current = [.reject(Reject(id: path, source: source, reason: RejectReason(
                        code: "too_large",
                        message: "the document has \(bytes.count) bytes, over the limit of \(options.maxDocumentBytes)")))]
                        .makeIterator()
                    return
                }
                current = [.document(RawDocument(id: path, source: source, format: format, bytes: bytes))].makeIterator()
            }
        }

        static func fileReject(_ path: String, _ code: String, _ message: String) -> Reject {
            // The format a file of that name would have been read as.
            Reject(id: path, source: SourceLocator(path: path, format: FormatDetector.format(path: path, bytes: []).rawValue, index: 0),
                   reason: RejectReason(code: code, message: message))
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

        static func readAll(_ path: String, limit: Int) throws -> [UInt8] {
            let handle = path == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { if path != "-" { try? handle.close() } }
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        }
    }
}

/// Chooses an input format from a file's name, then from its first bytes.
public enum FormatDetector {
    static let byExtension: [String: InputFormat] = [
        "txt": .text, "text": .text, "html": .html, "htm": .html, "xhtml": .html, "jsonl": .jsonl, "ndjson": .jsonl,
    ]

    /// Whether a file in a directory should be read as a document (README and data files are not).
    public static func isDocumentName(_ name: String) -> Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        if name.uppercased().hasPrefix("README") { return false }
        return byExtension[ext] != nil
    }

    /// The format of a file: by extension, else by sniffing ("<" means HTML, "{" means JSONL).
    public static func format(path: String, bytes: [UInt8]) -> InputFormat {
        let ext = (path as NSString).pathExtension.lowercased()
        if let format = byExtension[ext] { return format }
        var head = bytes.prefix(512)[...]
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        let first = head.first { !($0 == 0x20 || (0x09...0x0D).contains($0)) }
        switch first {
        case UInt8(ascii: "<"): return .html
        case UInt8(ascii: "{"): return .jsonl
        default: return .text
        }
    }
}
