import Foundation

/// An open output, written as its `OutputTarget` says: a replaceable file through `NAME.partial`, renamed
/// over `NAME` by `commit()`; anything else in place. Every output file Gazette writes is opened here.
///
/// A failed write throws one message naming the file and the system's error text ("No space left on
/// device"); what reached a `.partial` file before stays there for `--resume`. A write to this process's
/// standard output or standard error whose reader has gone (EPIPE) throws a `.downstreamClosed` error: the
/// command ends quietly, as a Unix filter does when `head` has read enough.
public final class OutputFile {
    /// How the output is written.
    public let target: OutputTarget
    /// The file written until `commit()`: the partial file of a replaceable target, else the target's path.
    public let writtenPath: String
    private var descriptor: Int32
    private let ownsDescriptor: Bool
    /// Whether this output is the process's standard output or standard error (EPIPE then means the
    /// pipeline's consumer closed its end).
    private let isProcessStream: Bool
    private var closed = false
    /// A write failed: the partial file is never moved into place after that.
    private var failed = false

    private init(target: OutputTarget, writtenPath: String, descriptor: Int32, owns: Bool) {
        self.target = target
        self.writtenPath = writtenPath
        self.descriptor = descriptor
        ownsDescriptor = owns
        isProcessStream = Self.sameObject(descriptor, as: STDOUT_FILENO) || Self.sameObject(descriptor, as: STDERR_FILENO)
    }

    deinit {
        if ownsDescriptor && !closed { _ = Foundation.close(descriptor) }
    }

    /// The process's standard output (written in place; never closed).
    public static func standardOutput() -> OutputFile {
        OutputFile(target: .inPlace(path: "standard output", kind: .descriptorLink, descriptor: STDOUT_FILENO),
                   writtenPath: "standard output", descriptor: STDOUT_FILENO, owns: false)
    }

    /// The process's standard error (written in place; never closed).
    public static func standardError() -> OutputFile {
        OutputFile(target: .inPlace(path: "standard error", kind: .descriptorLink, descriptor: STDERR_FILENO),
                   writtenPath: "standard error", descriptor: STDERR_FILENO, owns: false)
    }

    /// Opens `path` as `OutputTarget.resolve` decides. With `continuing`, an existing partial file is
    /// appended to instead of truncated.
    public static func open(_ path: String, continuing: Bool = false) throws(PipelineError) -> OutputFile {
        let target = try OutputTarget.resolve(path)
        switch target {
        case .replaceableFile(let finalPath):
            return try openPartial(target: target, finalPath: finalPath, continuing: continuing)
        case .inPlace(let resolved, _, let own):
            let descriptor = own.map { fcntl($0, F_DUPFD_CLOEXEC, 0) } ?? Foundation.open(resolved, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw PipelineError("cannot open \(path): \(errorText(errno))") }
            return OutputFile(target: target, writtenPath: path, descriptor: descriptor, owns: true)
        }
    }

    /// Creates (or continues) `finalPath.partial`, with the mode of the file it will replace.
    private static func openPartial(target: OutputTarget, finalPath: String, continuing: Bool) throws(PipelineError)
        -> OutputFile
    {
        let directory = (finalPath as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let partial = LineSink.temporaryPath(for: finalPath)
        var existing = stat()
        let replacing = stat(finalPath, &existing) == 0
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (continuing ? O_APPEND : O_TRUNC)
        let descriptor = Foundation.open(partial, flags, 0o666)
        guard descriptor >= 0 else { throw PipelineError("cannot create \(partial): \(errorText(errno))") }
        if replacing { _ = fchmod(descriptor, existing.st_mode & 0o7777) }
        return OutputFile(target: target, writtenPath: partial, descriptor: descriptor, owns: true)
    }

    /// Writes every byte (partial writes continued, interrupted ones retried).
    public func write(_ buffer: UnsafeRawBufferPointer) throws(PipelineError) {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failed = true
                throw failure(errno)
            }
            offset += written
        }
    }

    /// Writes every byte of an array.
    public func write(_ bytes: [UInt8]) throws(PipelineError) {
        var failure: PipelineError?
        bytes.withUnsafeBytes { buffer in
            do throws(PipelineError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes a whole file made in memory (a report, a page) to `path` by the same rules as every other
    /// output: "-" is standard output, a regular file is replaced atomically, anything else written in place.
    public static func writeWhole(_ bytes: [UInt8], to path: String) throws(PipelineError) {
        let file = path == "-" ? standardOutput() : try open(path)
        try file.write(bytes)
        try file.commit()
    }

    /// Ends the output: a replaceable file is synced, closed and renamed over its final name; an in-place
    /// target is closed (the process's own streams are left open).
    public func commit() throws(PipelineError) {
        guard !closed else { return }
        closed = true
        guard case .replaceableFile(let finalPath) = target else {
            if ownsDescriptor { _ = Foundation.close(descriptor) }
            return
        }
        guard !failed else {
            _ = Foundation.close(descriptor)
            throw PipelineError("not moving \(writtenPath) to \(finalPath): a write to it failed")
        }
        if fsync(descriptor) != 0 { throw failure(errno) }
        if Foundation.close(descriptor) != 0 { throw failure(errno) }
        guard rename(writtenPath, finalPath) == 0 else {
            throw PipelineError("cannot move \(writtenPath) to \(finalPath): \(Self.errorText(errno))")
        }
    }

    /// The error for a failed write: quiet when the reader of standard output (or error) has gone.
    private func failure(_ code: Int32) -> PipelineError {
        if code == EPIPE && isProcessStream { return PipelineError(kind: .downstreamClosed, "\(writtenPath): the reader closed the pipe") }
        var message = "cannot write \(writtenPath): \(Self.errorText(code))"
        if case .replaceableFile(let finalPath) = target {
            message += " (\(finalPath) is left as it was; the complete lines written so far stay in \(writtenPath))"
        }
        return PipelineError(message)
    }

    /// Whether two descriptors are the same open object (same device and inode).
    private static func sameObject(_ descriptor: Int32, as other: Int32) -> Bool {
        var first = stat(), second = stat()
        guard fstat(descriptor, &first) == 0, fstat(other, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// The system's text for an errno value ("No space left on device").
    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}
