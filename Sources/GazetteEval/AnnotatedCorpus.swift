import Foundation
import GazetteCore
import GazetteOutput

/// Why evaluation input could not be read: names the file and, when known, the line.
public struct EvalInputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}

/// A set of annotated documents keyed by id: a gold corpus or a set of predictions.
///
/// Loaded from `gazette.article/1` JSONL files or directories (``loadJSONL(_:)``) or built from CoNLL files
/// (``CoNLLReader``). Two documents with one id are an error naming both places.
public struct AnnotatedCorpus: Sendable {
    /// The documents in the order they were read.
    public private(set) var documents: [Document] = []
    /// Where each document was read ("file:line"), by id.
    public private(set) var locations: [String: String] = [:]
    /// Ids of `gazette.reject/1` lines met in the input (documents the annotator rejected).
    public private(set) var rejected: [String] = []
    /// Files found in a directory and skipped because their first line is not a `gazette.article/1` record.
    public private(set) var skippedFiles: [String] = []
    private var index: [String: Int] = [:]

    public init() {}

    /// The documents of a list, in order; fails on a repeated id.
    public init(documents: [Document], origin: String = "memory") throws(EvalInputError) {
        for (position, document) in documents.enumerated() {
            try add(document, location: "\(origin)#\(position + 1)")
        }
    }

    /// The document with an id.
    public func document(_ id: String) -> Document? { index[id].map { documents[$0] } }

    /// Number of documents.
    public var count: Int { documents.count }

    /// Adds a document; fails when its id is already taken.
    public mutating func add(_ document: Document, location: String) throws(EvalInputError) {
        if let previous = locations[document.id] {
            let parts = location.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            throw EvalInputError(
                path: String(parts[0]), line: parts.count > 1 ? Int(parts[1]) : nil,
                message: "duplicate document id '\(document.id)' (first at \(previous))")
        }
        index[document.id] = documents.count
        locations[document.id] = location
        documents.append(document)
    }

    /// Records the id of a document the annotator rejected.
    public mutating func addRejected(_ id: String) { rejected.append(id) }

    /// Reads `gazette.article/1` JSONL files and directories (their `*.jsonl` files, recursively, sorted).
    /// `gazette.reject/1` lines are recorded in ``rejected``; any other unreadable line is an error. A file found
    /// in a directory whose first line is not a `gazette.article/1` or `gazette.reject/1` record (another kind of
    /// JSONL kept beside the gold) is skipped and listed in ``skippedFiles``; a file named directly never is.
    public static func loadJSONL(_ paths: [String]) throws(EvalInputError) -> AnnotatedCorpus {
        var corpus = AnnotatedCorpus()
        let decoder = ArticleDecoder()
        for (file, listed) in try InputFiles.expandMarked(paths, accept: { $0.hasSuffix(".jsonl") }) {
            let lines = try InputFiles.lines(of: file)
            if listed, let first = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }), !isGazetteRecord(first) {
                corpus.skippedFiles.append(file)
                continue
            }
            for (offset, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
                do {
                    try corpus.add(try decoder.decode(line), location: "\(file):\(offset + 1)")
                } catch let error as EvalInputError {
                    throw error
                } catch {
                    if let id = rejectID(line) {
                        corpus.addRejected(id)
                        continue
                    }
                    throw EvalInputError(path: file, line: offset + 1, message: "\(error)")
                }
            }
        }
        return corpus
    }

    /// Whether a line is a `gazette.article/1` or `gazette.reject/1` object.
    static func isGazetteRecord(_ line: Substring) -> Bool {
        guard let schema = (try? ArticleRecord.decode(line))?.schema else { return false }
        return schema == ArticleEncoder.articleSchema || schema == ArticleEncoder.rejectSchema
    }

    /// The id of a `gazette.reject/1` line, nil for anything else.
    static func rejectID(_ line: Substring) -> String? {
        guard let record = try? ArticleRecord.decode(line), record.schema == ArticleEncoder.rejectSchema else {
            return nil
        }
        return record.id
    }
}

/// Expands input paths into files and reads them.
public enum InputFiles {
    /// Files as given, and the files of directories (recursively, sorted, hidden ones skipped) that `accept` takes.
    public static func expand(_ paths: [String], accept: (String) -> Bool) throws(EvalInputError) -> [String] {
        try expandMarked(paths, accept: accept).map(\.path)
    }

    /// Like ``expand(_:accept:)``, saying for each file whether it was found by listing a directory.
    public static func expandMarked(_ paths: [String], accept: (String) -> Bool) throws(EvalInputError)
        -> [(path: String, listed: Bool)]
    {
        var files: [(path: String, listed: Bool)] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw EvalInputError(path: path, message: "no such file or directory")
            }
            guard isDirectory.boolValue else {
                files.append((path, false))
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                throw EvalInputError(path: path, message: "cannot list the directory")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var childIsDirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue,
                    accept(relative)
                {
                    found.append(full)
                }
            }
            if found.isEmpty { throw EvalInputError(path: path, message: "the directory holds no input files") }
            files += found.sorted().map { ($0, true) }
        }
        return files
    }

    /// The lines of a UTF-8 file (a trailing carriage return is dropped from each).
    public static func lines(of file: String) throws(EvalInputError) -> [Substring] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw EvalInputError(path: file, message: "cannot read the file")
        }
        var lines: [Substring] = []
        for (number, bytes) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = bytes.last == 0x0D ? bytes.dropLast() : bytes
            guard let text = String(data: Data(line), encoding: .utf8) else {
                throw EvalInputError(path: file, line: number + 1, message: "the line is not UTF-8")
            }
            lines.append(Substring(text))
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
