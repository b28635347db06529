import Foundation
import GazetteOutput
import GazetteZlib

/// A destination for JSON lines: a file, standard output, or standard error. Buffered; `close()` flushes.
/// A file is opened through `OutputFile`: a regular file (or new path) is written as `PATH.partial` and
/// renamed at the end, anything else (a FIFO, a device, `/dev/stdout`) in place. A file whose name ends in
/// `.gz` is written gzip-compressed.
public final class LineSink {
    private let file: OutputFile
    private var buffer: [UInt8] = []
    private let flushEachLine: Bool
    private let gzip: GzipWriter?
    private var closed = false
    /// Lines written so far.
    public private(set) var lines = 0

    /// Where lines go.
    public enum Destination: Sendable, Equatable {
        case file(String)
        case standardOutput
        case standardError
    }

    /// The temporary name a replaceable file is written under until `close()`.
    public static func temporaryPath(for path: String) -> String { path + ".partial" }

    /// Whether a file destination is gzip-compressed (its name ends in `.gz`).
    public static func isCompressed(_ path: String) -> Bool { path.lowercased().hasSuffix(".gz") }

    /// How the destination is written (a replaceable file, or in place).
    public var target: OutputTarget { file.target }

    /// Opens a destination; regular files are written to `PATH.partial` and renamed on `close()`.
    ///
    /// With `append`, an existing uncompressed `PATH.partial` is continued instead of truncated
    /// (`ResumeState` has already cut it back to its last complete line).
    public init(_ destination: Destination, append: Bool = false) throws(PipelineError) {
        switch destination {
        case .file(let path):
            let compressed = Self.isCompressed(path)
            let partial = try OutputTarget.resolve(path).partialPath
            let continuing = append && !compressed && partial.map { FileManager.default.fileExists(atPath: $0) } == true
            file = try OutputFile.open(path, continuing: continuing)
            flushEachLine = false
            do {
                gzip = compressed ? try GzipWriter() : nil
            } catch {
                throw PipelineError("cannot start gzip compression: \(error)")
            }
        case .standardOutput:
            file = .standardOutput()
            flushEachLine = true
            gzip = nil
        case .standardError:
            file = .standardError()
            flushEachLine = true
            gzip = nil
        }
    }

    /// Writes one line (a newline is added).
    public func write(_ line: String) throws(PipelineError) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        lines += 1
        if flushEachLine || buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes lines `lines` of a block (newline-terminated already). A run of lines large enough is passed to
    /// the descriptor straight from the block instead of through the buffer.
    public func write(_ block: LineBlock, lines range: Range<Int>) throws(PipelineError) {
        guard !range.isEmpty else { return }
        lines += range.count
        try block.withBytes(ofLines: range) { (bytes: UnsafeRawBufferPointer) throws(PipelineError) in
            if gzip == nil && bytes.count >= Self.directWriteSize {
                try flush()
                try file.write(bytes)
            } else {
                buffer.append(contentsOf: bytes)
                if flushEachLine || buffer.count >= Self.bufferSize { try flush() }
            }
        }
    }

    /// Lines are gathered up to this many bytes before they are written.
    static let bufferSize = 1 << 18
    /// Runs of lines of at least this many bytes skip the buffer.
    static let directWriteSize = 1 << 16

    /// Writes lines that are already newline-terminated bytes (kept lines of a resumed run), counting them.
    public func writeRaw(_ bytes: [UInt8], lines count: Int) throws(PipelineError) {
        buffer.append(contentsOf: bytes)
        lines += count
        try flush()
    }

    /// Writes buffered lines through.
    public func flush() throws(PipelineError) {
        guard !buffer.isEmpty else { return }
        try put(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func put(_ bytes: [UInt8]) throws(PipelineError) {
        let data: [UInt8]
        do {
            data = try gzip.map { gzip throws(GzipError) in try gzip.compress(bytes) } ?? bytes
        } catch {
            throw PipelineError("cannot compress the output for \(file.writtenPath): \(error)")
        }
        if !data.isEmpty { try file.write(data) }
    }

    /// Flushes and ends the output: a replaceable file is moved into place, an in-place one closed.
    public func close() throws(PipelineError) {
        guard !closed else { return }
        closed = true
        try flush()
        if let gzip {
            let tail: [UInt8]
            do {
                tail = try gzip.finish()
            } catch {
                throw PipelineError("cannot finish the gzip stream of \(file.writtenPath): \(error)")
            }
            try file.write(tail)
        }
        try file.commit()
    }
}
