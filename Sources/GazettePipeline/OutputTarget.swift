import Foundation

/// What an output path names, decided once (by `lstat`/`stat`, following symbolic links one at a time)
/// before anything is opened, and therefore how it is written.
///
/// Gazette only ever replaces what it owns: a regular file (or a new path) gets the atomic write, a
/// temporary `NAME.partial` beside it renamed over it when the run is complete. Everything else is somebody
/// else's object and is written in place, in order, with no temporary file and no rename: a FIFO, a
/// character device (`/dev/null`), a socket, and a descriptor link under `/proc` (`/dev/stdout`, `/dev/fd/N`,
/// a shell's process substitution `>(…)`). A symbolic link to a regular file is followed: the file it
/// points at gets the atomic write and the link stays.
public enum OutputTarget: Sendable, Equatable {
    /// A regular file, a path that does not exist yet, or a symbolic link (chain) ending at either:
    /// `path` is the file at the end of the links, written as `path.partial` and renamed over `path`.
    case replaceableFile(path: String)
    /// Not a regular file: written in place through `path` (or, for a link to one of this process's
    /// descriptors, through a duplicate of `descriptor`).
    case inPlace(path: String, kind: Kind, descriptor: Int32?)

    /// The kind of object an in-place target is.
    public enum Kind: String, Sendable {
        case fifo = "a named pipe (FIFO)"
        case characterDevice = "a character device"
        case blockDevice = "a block device"
        case socket = "a socket"
        /// A link to an open file description under /proc (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`).
        case descriptorLink = "a link to an open file descriptor"
    }

    /// Symbolic links followed before giving up (as the kernel's own limit).
    static let maximumLinks = 40

    /// Decides what `path` is. Throws for a directory, a link loop, or a path that cannot be inspected.
    public static func resolve(_ path: String) throws(PipelineError) -> OutputTarget {
        var current = path
        for _ in 0...maximumLinks {
            if let descriptorLink = try Self.descriptorLink(current) { return descriptorLink }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return .replaceableFile(path: current) }
                throw PipelineError("cannot inspect \(path): \(OutputFile.errorText(errno))")
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK: current = try Self.linkTarget(of: current, named: path)
            case S_IFREG: return .replaceableFile(path: current)
            case S_IFDIR: throw PipelineError("cannot write \(path): it is a directory")
            case S_IFIFO: return .inPlace(path: current, kind: .fifo, descriptor: nil)
            case S_IFCHR: return .inPlace(path: current, kind: .characterDevice, descriptor: nil)
            case S_IFBLK: return .inPlace(path: current, kind: .blockDevice, descriptor: nil)
            case S_IFSOCK: return .inPlace(path: current, kind: .socket, descriptor: nil)
            default: throw PipelineError("cannot write \(path): not a file Gazette knows how to write")
            }
        }
        throw PipelineError("cannot write \(path): too many levels of symbolic links")
    }

    /// Whether the target is written as a temporary file renamed into place (and so can be resumed).
    public var isReplaceable: Bool {
        if case .replaceableFile = self { return true }
        return false
    }

    /// The temporary file of a replaceable target; nil for an in-place one.
    public var partialPath: String? {
        if case .replaceableFile(let path) = self { return LineSink.temporaryPath(for: path) }
        return nil
    }

    /// A phrase for messages: "a named pipe (FIFO)", "a regular file".
    public var kindDescription: String {
        switch self {
        case .replaceableFile: "a regular file"
        case .inPlace(_, let kind, _): kind.rawValue
        }
    }

    /// The target of the symbolic link `link`, absolute or relative to the link's directory.
    private static func linkTarget(of link: String, named path: String) throws(PipelineError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(link, &buffer, buffer.count - 1)
        guard length >= 0 else { throw PipelineError("cannot read the link \(path): \(OutputFile.errorText(errno))") }
        let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        let directory = (link as NSString).deletingLastPathComponent
        return directory.isEmpty ? target : directory + "/" + target
    }

    /// A link living under /proc (its directory resolves into /proc: `/proc/self/fd/1`, `/dev/fd/63`): such a
    /// link stands for an open file description, not a name, so it is written in place. A link to one of this
    /// process's own descriptors is written through a duplicate of that descriptor (which also reaches sockets).
    private static func descriptorLink(_ path: String) throws(PipelineError) -> OutputTarget? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        let directory = (path as NSString).deletingLastPathComponent
        guard let real = realpath(directory.isEmpty ? "." : directory, nil) else { return nil }
        let resolvedDirectory = String(cString: real)
        free(real)
        guard resolvedDirectory.hasPrefix("/proc/") else { return nil }
        var ownDescriptor: Int32?
        let own = "/proc/\(getpid())"
        if resolvedDirectory == own + "/fd" || (resolvedDirectory.hasPrefix(own + "/task/") && resolvedDirectory.hasSuffix("/fd")),
            let number = Int32((path as NSString).lastPathComponent), fcntl(number, F_GETFD) >= 0
        {
            ownDescriptor = number
        } else if stat(path, &info) != 0 {
            throw PipelineError("cannot write \(path): \(OutputFile.errorText(errno))")
        }
        return .inPlace(path: path, kind: .descriptorLink, descriptor: ownDescriptor)
    }
}
