import Foundation
import GazetteCore
import GazetteOutput
import GazetteZlib
import GazetteReaders

/// Identifies an input document within a run: its source path and its index in that source.
/// Unique per run even when ids repeat (the reader rejects a repeated id, but the locator still differs).
public struct DocumentKey: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var index: Int

    public init(path: String, index: Int) {
        self.path = path
        self.index = index
    }

    /// The key of a source locator.
    public init(_ source: SourceLocator) { self.init(path: source.path, index: source.index) }

    /// The key of an item read from the inputs.
    public init(_ item: ReadItem) {
        switch item {
        case .document(let raw): self.init(raw.source)
        case .reject(let reject): self.init(reject.source)
        }
    }

    public var description: String { "\(path)#\(index)" }
}

/// What a `--resume` run starts from: the complete lines of an interrupted run's partial files,
/// and the keys of the documents those lines account for.
///
/// - `NAME.partial` exists: its complete lines are kept, a torn last line is cut off (the file is
///   truncated in place, or rewritten for `.gz`), and the documents it names are skipped.
/// - Only the final `NAME` exists: the earlier run finished; `isComplete` is true and nothing is redone.
/// - Neither exists: a fresh run.
public struct ResumeState: Sendable {
    /// Keys of documents already written, as articles or rejects.
    public var done: Set<DocumentKey> = []
    /// Complete article lines kept from the partial output.
    public var keptArticles = 0
    /// Complete reject lines kept from the partial rejects file.
    public var keptRejects = 0
    /// Bytes of torn last lines that were dropped.
    public var droppedBytes = 0
    /// The output was already finished by an earlier run.
    public var isComplete = false
    /// For gzip files: the kept lines, to write again into a fresh compressed partial file.
    public var rewriteArticles: [UInt8]?
    public var rewriteRejects: [UInt8]?

    public init() {}

    /// Inspects (and repairs) the partial files of an output and, if it is a file, of the rejects.
    ///
    /// Both must be replaceable files (`OutputTarget`): a FIFO, a device or `/dev/stdout` is written in
    /// place and has no partial file to continue, so resuming into one is refused.
    public static func prepare(output: String, rejects: String?) throws(PipelineError) -> ResumeState {
        var state = ResumeState()
        let manager = FileManager.default
        let (outputPath, outputPartial) = try resumablePaths(output)
        guard manager.fileExists(atPath: outputPartial) else {
            state.isComplete = manager.fileExists(atPath: outputPath)
            if state.isComplete {
                state.keptArticles = try countLines(outputPath)
                if let rejects {
                    let rejectsPath = try resumablePaths(rejects).final
                    if manager.fileExists(atPath: rejectsPath) { state.keptRejects = try countLines(rejectsPath) }
                }
            }
            return state
        }
        let (articles, articleBytes) = try keep(path: outputPartial, compressed: LineSink.isCompressed(output), into: &state)
        state.keptArticles = articles
        state.rewriteArticles = articleBytes
        if let rejects {
            let (rejectsPath, rejectsPartial) = try resumablePaths(rejects)
            // Killed between moving the rejects into place and moving the output: continue from the final file.
            if !manager.fileExists(atPath: rejectsPartial) && manager.fileExists(atPath: rejectsPath) {
                do {
                    try manager.moveItem(atPath: rejectsPath, toPath: rejectsPartial)
                } catch {
                    throw PipelineError("cannot move \(rejectsPath) back to \(rejectsPartial): \(error.localizedDescription)")
                }
            }
            if manager.fileExists(atPath: rejectsPartial) {
                let (count, bytes) = try keep(path: rejectsPartial, compressed: LineSink.isCompressed(rejects), into: &state)
                state.keptRejects = count
                state.rewriteRejects = bytes
            }
        }
        return state
    }

    /// The file a resumable output ends in (links followed) and its partial file; refuses an in-place target.
    public static func resumablePaths(_ path: String) throws(PipelineError) -> (final: String, partial: String) {
        let target = try OutputTarget.resolve(path)
        guard case .replaceableFile(let final) = target, let partial = target.partialPath else {
            throw PipelineError(refusal(path: path, target: target))
        }
        return (final, partial)
    }

    /// Why `--resume` cannot continue into `path`.
    public static func refusal(path: String, target: OutputTarget) -> String {
        "cannot resume into \(path): it is \(target.kindDescription), written in place as the run goes, so there is "
            + "no partial file to continue; run again without --resume, or write to a regular file"
    }

    /// Reads a partial file's complete lines into `done`, cuts a torn last line, and returns the count
    /// (and for gzip, the kept bytes to write again).
    static func keep(path: String, compressed: Bool, into state: inout ResumeState) throws(PipelineError)
        -> (Int, [UInt8]?)
    {
        if compressed {
            let bytes: [UInt8]
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                bytes = try GzipReader.decompress([UInt8](data), allowTruncated: true)
            } catch {
                throw PipelineError("cannot read \(path) to resume: \(error)")
            }
            var count = 0
            var offset = 0
            while let newline = bytes[offset...].firstIndex(of: 0x0A) {
                try record(bytes[offset..<newline], path: path, line: count + 1, into: &state)
                count += 1
                offset = newline + 1
            }
            state.droppedBytes += bytes.count - offset
            return (count, Array(bytes[0..<offset]))
        }
        guard let reader = LineReader(path: path) else { throw PipelineError("cannot open \(path) to resume") }
        var count = 0
        var keptLength = 0
        while let line = reader.nextLine() {
            guard reader.lastLineTerminated else {
                state.droppedBytes += line.count
                break
            }
            try record(line[...], path: path, line: count + 1, into: &state)
            count += 1
            keptLength = reader.consumed
        }
        if state.droppedBytes > 0 {
            guard let handle = FileHandle(forWritingAtPath: path) else { throw PipelineError("cannot open \(path)") }
            do {
                try handle.truncate(atOffset: UInt64(keptLength))
                try handle.close()
            } catch {
                throw PipelineError("cannot cut the torn last line of \(path): \(error.localizedDescription)")
            }
        }
        return (count, nil)
    }

    static func record(_ line: ArraySlice<UInt8>, path: String, line number: Int, into state: inout ResumeState)
        throws(PipelineError)
    {
        guard let key = sourceKey(of: line) else {
            throw PipelineError("cannot resume: line \(number) of \(path) has no source locator")
        }
        guard state.done.insert(key).inserted else {
            throw PipelineError("cannot resume: line \(number) of \(path) repeats the document \(key)")
        }
    }

    /// The `source` locator of an article or reject line (decoded by the contract's decoder, `ArticleRecord`).
    public static func sourceKey(of line: ArraySlice<UInt8>) -> DocumentKey? {
        guard let source = ArticleRecord.source(of: Data(line)) else { return nil }
        return DocumentKey(path: source.path, index: source.index)
    }

    static func countLines(_ path: String) throws(PipelineError) -> Int {
        if LineSink.isCompressed(path) {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                return try GzipReader.decompress([UInt8](data)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            } catch {
                throw PipelineError("cannot read \(path): \(error)")
            }
        }
        guard let reader = LineReader(path: path) else { throw PipelineError("cannot open \(path)") }
        var count = 0
        while reader.nextLine() != nil { count += 1 }
        return count
    }
}
