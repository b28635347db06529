import Foundation

/// A destination for JSON lines: a file written atomically (temporary file renamed at the end),
/// standard output, or standard error. Buffered; `close()` flushes.
public final class LineSink {
    private let handle: FileHandle
    private let finalPath: String?
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    private let flushEachLine: Bool
    /// Lines written so far.
    public private(set) var lines = 0

    /// Where lines go.
    public enum Destination: Sendable, Equatable {
        case file(String)
        case standardOutput
        case standardError
    }

    /// Opens a destination; files are written to `PATH.partial` and renamed on `close()`.
    public init(_ destination: Destination) throws(PipelineError) {
        switch destination {
        case .file(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            let temporary = path + ".partial"
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                let handle = FileHandle(forWritingAtPath: temporary)
            else {
                throw PipelineError("cannot create \(temporary)")
            }
            self.handle = handle
            finalPath = path
            temporaryPath = temporary
            flushEachLine = false
        case .standardOutput:
            handle = .standardOutput
            finalPath = nil
            temporaryPath = nil
            flushEachLine = true
        case .standardError:
            handle = .standardError
            finalPath = nil
            temporaryPath = nil
            flushEachLine = true
        }
    }

    /// Writes one line (a newline is added).
    public func write(_ line: String) throws(PipelineError) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        lines += 1
        if flushEachLine || buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes buffered lines through.
    public func flush() throws(PipelineError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw PipelineError("cannot write output: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for files, moves the finished file into place.
    public func close() throws(PipelineError) {
        try flush()
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
