import Foundation
import GazetteOutput
import GazetteZlib

/// A destination for JSON lines: a file written atomically (temporary file renamed at the end),
/// standard output, or standard error. Buffered; `close()` flushes. A file whose name ends in `.gz`
/// is written gzip-compressed.
public final class LineSink {
    private let handle: FileHandle
    private let finalPath: String?
    private let temporaryPath: String?
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

    /// The temporary name a file destination is written under until `close()`.
    public static func temporaryPath(for path: String) -> String { path + ".partial" }

    /// Whether a file destination is gzip-compressed (its name ends in `.gz`).
    public static func isCompressed(_ path: String) -> Bool { path.lowercased().hasSuffix(".gz") }

    /// Opens a destination; files are written to `PATH.partial` and renamed on `close()`.
    ///
    /// With `append`, an existing uncompressed `PATH.partial` is continued instead of truncated
    /// (`ResumeState` has already cut it back to its last complete line).
    public init(_ destination: Destination, append: Bool = false) throws(PipelineError) {
        switch destination {
        case .file(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            let temporary = Self.temporaryPath(for: path)
            let compressed = Self.isCompressed(path)
            let continuing = append && !compressed && FileManager.default.fileExists(atPath: temporary)
            if !continuing {
                guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                    throw PipelineError("cannot create \(temporary)")
                }
            }
            guard let handle = FileHandle(forWritingAtPath: temporary) else {
                throw PipelineError("cannot open \(temporary)")
            }
            if continuing { _ = try? handle.seekToEnd() }
            self.handle = handle
            finalPath = path
            temporaryPath = temporary
            flushEachLine = false
            do {
                gzip = compressed ? try GzipWriter() : nil
            } catch {
                throw PipelineError("cannot start gzip compression: \(error)")
            }
        case .standardOutput:
            handle = .standardOutput
            finalPath = nil
            temporaryPath = nil
            flushEachLine = true
            gzip = nil
        case .standardError:
            handle = .standardError
            finalPath = nil
            temporaryPath = nil
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
                do {
                    try Self.writeAll(bytes, to: handle.fileDescriptor)
                } catch {
                    throw PipelineError("cannot write output: \(error)")
                }
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
        do {
            let data = try gzip.map { gzip throws(GzipError) in try gzip.compress(bytes) } ?? bytes
            if !data.isEmpty { try Self.writeAll(data, to: handle.fileDescriptor) }
        } catch {
            throw PipelineError("cannot write output: \(error)")
        }
    }

    /// Writes every byte to a descriptor (partial writes continued, interrupted ones retried), without the
    /// copy into `Data` that `FileHandle.write(contentsOf:)` makes of an array.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        try bytes.withUnsafeBytes { buffer in try writeAll(buffer, to: descriptor) }
    }

    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += written
        }
    }

    /// Flushes and, for files, moves the finished file into place.
    public func close() throws(PipelineError) {
        guard !closed else { return }
        closed = true
        try flush()
        if let gzip {
            do {
                try handle.write(contentsOf: try gzip.finish())
            } catch {
                throw PipelineError("cannot finish the gzip stream: \(error)")
            }
        }
        guard let finalPath, let temporaryPath else { return }
        do {
            try handle.close()
            if FileManager.default.fileExists(atPath: finalPath) { try FileManager.default.removeItem(atPath: finalPath) }
            try FileManager.default.moveItem(atPath: temporaryPath, toPath: finalPath)
        } catch {
            throw PipelineError("cannot move \(temporaryPath) to \(finalPath): \(error.localizedDescription)")
        }
    }
}
