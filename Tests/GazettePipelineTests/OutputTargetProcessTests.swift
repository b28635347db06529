import Foundation
import GazettePipeline
import GazetteTestSupport
import Testing

/// Outputs that are not regular files, and write errors, through the `gazette` executable: for `-o`, for
/// `--rejects`, for `export -o` and for `render -o`. Every target is a private stand-in in a temporary directory, never a
/// system path: `mknod NAME c 1 7` behaves as /dev/full, `mknod NAME c 1 3` as /dev/null, a symbolic link to
/// /proc/self/fd/1 as /dev/stdout (the device nodes need root, as the tests have here and in CI).
@Suite("Output targets of the gazette process", .serialized)
struct OutputTargetProcessTests {
    /// Which output a check writes through the target.
    enum Channel: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case output, rejects, export, render
        var testDescription: String { rawValue }
        /// The exit status of a complete run: `annotate`'s inputs hold rejects (3), the others' do not.
        var completeStatus: Int32 { self == .output || self == .rejects ? 3 : 0 }
        /// Whether the command has `--resume`.
        var resumes: Bool { self == .output || self == .rejects }
    }

    static let isRoot = getuid() == 0

    /// Inputs and the reference bytes each channel writes to a regular file.
    struct Fixture: Sendable {
        /// JSONL input of corpus articles (about 1.5 MB of output) and a few rejects, for the `-o` checks.
        let input: String
        /// JSONL input of 3 articles (under 100 kB) and 3000 malformed lines (about 560 kB of rejects), for the
        /// `--rejects` checks.
        let rejectsInput: String
        /// The articles of `input`, for the `export` checks.
        let articles: String
        let reference: [Channel: [UInt8]]
    }

    static let fixture: Result<Fixture, FixtureError> = {
        do {
            let directory = try Repository.temporaryDirectory()
            let input = try BatchCorpus.file(count: 300, maxLength: 1500, in: directory)
            let rejectsInput = directory.appendingPathComponent("rejects-input.jsonl")
            var lines = BatchCorpus.jsonl(count: 3, maxLength: 1500)
            for index in 0..<3000 { lines += "{\"id\": \"broken-\(index)\", \"text\": \n" }
            try lines.write(to: rejectsInput, atomically: true, encoding: .utf8)
            let articles = directory.appendingPathComponent("reference.jsonl").path
            let ignored = directory.appendingPathComponent("ignored.jsonl").path
            let annotate = try Self.run(["annotate", input, "-o", articles, "--rejects", ignored] + Self.common)
            guard annotate.status == 3 else { throw FixtureError(message: "reference run: \(annotate.stderr)") }
            let rejects = directory.appendingPathComponent("reference.rejects.jsonl").path
            let rejecting = try Self.run(["annotate", rejectsInput.path, "-o", ignored, "--rejects", rejects] + Self.common)
            guard rejecting.status == 3 else { throw FixtureError(message: "reference rejects run: \(rejecting.stderr)") }
            let bulk = directory.appendingPathComponent("reference.ndjson").path
            let export = try Self.run(["export", articles, "-o", bulk])
            guard export.status == 0 else { throw FixtureError(message: "reference export: \(export.stderr)") }
            let page = directory.appendingPathComponent("reference.html").path
            let render = try Self.run(["render", articles, "-o", page])
            guard render.status == 0 else { throw FixtureError(message: "reference render: \(render.stderr)") }
            return .success(Fixture(
                input: input, rejectsInput: rejectsInput.path, articles: articles,
                reference: [.output: try BatchCorpus.bytes(articles), .rejects: try BatchCorpus.bytes(rejects),
                            .export: try BatchCorpus.bytes(bulk), .render: try BatchCorpus.bytes(page)]))
        } catch {
            return .failure(FixtureError(message: "\(error)"))
        }
    }()

    struct FixtureError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static let common = ["--as-of", "2025-09-04", "-j", "2", "--quiet", "--gazetteers", Repository.gazetteers.path]

    /// The command that writes `channel` to `target`; the other output of `annotate` goes to a regular file.
    static func arguments(_ channel: Channel, to target: String, in directory: URL, fixture: Fixture) -> [String] {
        let other = directory.appendingPathComponent("other-\(UUID().uuidString).jsonl").path
        switch channel {
        case .output: return ["annotate", fixture.input, "-o", target, "--rejects", other] + common
        case .rejects: return ["annotate", fixture.rejectsInput, "-o", other, "--rejects", target] + common
        case .export: return ["export", fixture.articles, "-o", target]
        case .render: return ["render", fixture.articles, "-o", target]
        }
    }

    @Test(arguments: Channel.allCases)
    func aSymbolicLinkIsFollowedAndKept(channel: Channel) throws {
        let fixture = try Self.fixture.get()
        let directory = try Repository.temporaryDirectory()
        let target = directory.appendingPathComponent("data.jsonl")
        try Data("an earlier run\n".utf8).write(to: target)
        let link = directory.appendingPathComponent("link.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "data.jsonl")
        let result = try Self.run(Self.arguments(channel, to: link, in: directory, fixture: fixture))
        #expect(result.status == channel.completeStatus, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "data.jsonl")
        #expect(try BatchCorpus.bytes(target.path) == fixture.reference[channel], "the link's target holds the output")
        #expect(!FileManager.default.fileExists(atPath: link + ".partial"))
        #expect(!FileManager.default.fileExists(atPath: target.path + ".partial"))
    }

    @Test(arguments: Channel.allCases)
    func aNamedPipeIsWrittenInPlace(channel: Channel) throws {
        let fixture = try Self.fixture.get()
        let directory = try Repository.temporaryDirectory()
        let fifo = directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(path: fifo)
        let result = try Self.run(Self.arguments(channel, to: fifo, in: directory, fixture: fixture))
        let received = reader.finish()
        #expect(result.status == channel.completeStatus, "\(result.stderr)")
        #expect(received == fixture.reference[channel], "the reader of the FIFO receives every line, in order")
        #expect(Self.fileType(fifo) == S_IFIFO)
        #expect(!FileManager.default.fileExists(atPath: fifo + ".partial"))
    }

    /// A link to /proc/self/fd/1 is what /dev/stdout is: the lines reach the process's standard output.
    @Test(arguments: Channel.allCases)
    func aLinkToTheStandardOutputDescriptorIsWrittenInPlace(channel: Channel) throws {
        let fixture = try Self.fixture.get()
        let directory = try Repository.temporaryDirectory()
        let stdout = directory.appendingPathComponent("stdout").path
        try FileManager.default.createSymbolicLink(atPath: stdout, withDestinationPath: "/proc/self/fd/1")
        let result = try Self.run(Self.arguments(channel, to: stdout, in: directory, fixture: fixture), captureOutput: true)
        #expect(result.status == channel.completeStatus, "\(result.stderr)")
        #expect(result.stdout == fixture.reference[channel])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: stdout) == "/proc/self/fd/1")
    }

    @Test(.enabled(if: isRoot, "mknod needs root"), arguments: Channel.allCases)
    func aFullDeviceEndsTheRunWithOneMessage(channel: Channel) throws {
        let fixture = try Self.fixture.get()
        let directory = try Repository.temporaryDirectory()
        let full = directory.appendingPathComponent("full").path
        #expect(mknod(full, S_IFCHR | 0o666, Self.device(major: 1, minor: 7)) == 0, "mknod: \(String(cString: strerror(errno)))")
        let result = try Self.run(Self.arguments(channel, to: full, in: directory, fixture: fixture))
        #expect(result.status == 1, "\(result.stderr)")
        let messages = result.stderr.split(separator: "\n").filter { $0.contains("No space left on device") }
        #expect(messages == ["gazette: cannot write \(full): No space left on device"], "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Crash"))
        #expect(Self.fileType(full) == S_IFCHR, "the device node is still a device")
    }

    @Test(.enabled(if: isRoot, "mknod needs root"), arguments: Channel.allCases)
    func aNullDeviceTakesEverything(channel: Channel) throws {
        let fixture = try Self.fixture.get()
        let directory = try Repository.temporaryDirectory()
        let null = directory.appendingPathComponent("null").path
        #expect(mknod(null, S_IFCHR | 0o666, Self.device(major: 1, minor: 3)) == 0, "mknod: \(String(cString: strerror(errno)))")
        let result = try Self.run(Self.arguments(channel, to: null, in: directory, fixture: fixture))
        #expect(result.status == channel.completeStatus, "\(result.stderr)")
        #expect(Self.fileType(null) == S_IFCHR)
        #expect(!FileManager.default.fileExists(atPath: null + ".partial"))
    }

    /// `gazette … | head -1`: the reader takes one line and closes the pipe; the process ends quietly, killed by
    /// SIGPIPE as a Unix filter is, without a message, a crash or a hang. Rejects reach standard output through
    /// the /dev/stdout stand-in.
    @Test(arguments: Channel.allCases)
    func aClosedDownstreamPipeEndsTheRunQuietly(channel: Channel) throws {
        let fixture = try Self.fixture.get()
        let directory = try Repository.temporaryDirectory()
        let stdout = directory.appendingPathComponent("stdout").path
        try FileManager.default.createSymbolicLink(atPath: stdout, withDestinationPath: "/proc/self/fd/1")
        let arguments: [String] = switch channel {
        case .output: ["annotate", fixture.input, "--rejects", directory.appendingPathComponent("r.jsonl").path] + Self.common
        case .rejects: Self.arguments(.rejects, to: stdout, in: directory, fixture: fixture)
        case .export: ["export", fixture.articles]
        case .render: ["render", fixture.articles]
        }
        let process = Process()
        process.executableURL = try GazetteBinary.require()
        process.arguments = arguments
        let output = Pipe()
        let errors = directory.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        var first: [UInt8] = []
        while !first.contains(0x0A) {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            first += data
        }
        try output.fileHandleForReading.close()
        let ended = Self.wait(for: process, seconds: 120)
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        #expect(ended, "the process did not end after its reader closed the pipe")
        #expect(first.contains(0x0A))
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE,
                "ended with \(process.terminationReason == .exit ? "status" : "signal") \(process.terminationStatus): \(stderr)")
        #expect(!stderr.contains("gazette:"), "quiet: \(stderr)")
    }

    /// A write error on a regular file (a file size limit stands in for a full disk): exit 1 with one message,
    /// the final file untouched, the partial file a prefix of complete lines (a torn last one aside), and
    /// `--resume` finishes the run to the bytes of an uninterrupted one. `export` and `render` have no --resume: their partial
    /// file and the untouched final file are checked.
    /// `make test-tsan` sets TSAN_OPTIONS: the gazette processes the tests start are then built with ThreadSanitizer,
    /// whose runtime dies of SIGBUS at start under a file size limit (`ulimit -f`), before Gazette runs.
    static let underThreadSanitizer = ProcessInfo.processInfo.environment["TSAN_OPTIONS"] != nil

    @Test(.disabled(if: underThreadSanitizer, "ThreadSanitizer's runtime cannot start under ulimit -f"),
          arguments: Channel.allCases)
    func aWriteErrorKeepsTheLinesAndResumeFinishes(channel: Channel) throws {
        let fixture = try Self.fixture.get()
        let directory = try Repository.temporaryDirectory()
        let target = directory.appendingPathComponent("target.jsonl").path
        try Data("an earlier run\n".utf8).write(to: URL(fileURLWithPath: target))
        let arguments = Self.arguments(channel, to: target, in: directory, fixture: fixture)
        // bash: SIGXFSZ ignored (inherited by gazette), so a write past 200 kB fails with EFBIG.
        let limited = try Self.run(["/bin/bash", "-c", "trap '' XFSZ; ulimit -f 200; exec \"$@\"", "bash",
                                    try GazetteBinary.require().path] + arguments, direct: true)
        #expect(limited.status == 1, "\(limited.stderr)")
        let partial = target + ".partial"
        #expect(limited.stderr.contains("gazette: cannot write \(partial): File too large"), "\(limited.stderr)")
        #expect(limited.stderr.split(separator: "\n").count == 1, "one message: \(limited.stderr)")
        #expect(try BatchCorpus.bytes(target) == Array("an earlier run\n".utf8), "the final file is untouched")
        let kept = try BatchCorpus.bytes(partial)
        let reference = try #require(fixture.reference[channel])
        #expect(kept.count == 200 * 1024 && Array(reference.prefix(kept.count)) == kept)
        guard channel.resumes else { return }
        let resumed = try Self.run(arguments + ["--resume"])
        #expect(resumed.status == 3, "\(resumed.stderr)")
        #expect(try BatchCorpus.bytes(target) == reference)
        #expect(!FileManager.default.fileExists(atPath: partial))
    }

    @Test(arguments: [Channel.output, .rejects])
    func resumeIntoAnInPlaceTargetIsRefused(channel: Channel) throws {
        let fixture = try Self.fixture.get()
        let directory = try Repository.temporaryDirectory()
        let fifo = directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try Self.run(Self.arguments(channel, to: fifo, in: directory, fixture: fixture) + ["--resume"])
        #expect(result.status == 64, "a usage error: \(result.stderr)")
        #expect(result.stderr.contains("cannot resume into \(fifo): it is a named pipe (FIFO)"), "\(result.stderr)")
        #expect(Self.fileType(fifo) == S_IFIFO)
    }

    // MARK: - Helpers

    /// glibc's makedev (a macro Swift does not import): the device number of MAJOR:MINOR.
    static func device(major: UInt64, minor: UInt64) -> dev_t {
        dev_t((minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xff) << 12) | ((major & ~0xfff) << 32))
    }

    static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    static func wait(for process: Process, seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        return true
    }

    /// Runs `gazette ARGUMENTS` (or, with `direct`, the program ARGUMENTS[0]) to its end with a time limit;
    /// standard output is kept when asked for, else discarded.
    static func run(_ arguments: [String], captureOutput: Bool = false, direct: Bool = false) throws
        -> (status: Int32, stdout: [UInt8], stderr: String)
    {
        let process = Process()
        if direct {
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
        } else {
            process.executableURL = try GazetteBinary.require()
            process.arguments = arguments
        }
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        process.standardError = try FileHandle(forWritingTo: errors)
        let output = Pipe()
        process.standardOutput = captureOutput ? output : FileHandle.nullDevice
        try process.run()
        let stdout = captureOutput ? [UInt8](output.fileHandleForReading.readDataToEndOfFile()) : []
        let ended = wait(for: process, seconds: 300)
        let stderr = ((try? String(contentsOf: errors, encoding: .utf8)) ?? "") + (ended ? "" : "\n(killed after 300 s)")
        return (ended ? process.terminationStatus : -1, stdout, stderr)
    }
}

/// Reads a FIFO on a background thread until the writing process has ended, without ever blocking: opened
/// at once (non-blocking, so no writer is needed yet) and read while data comes, so that a writer that never
/// opens the FIFO (or replaces it with a file) makes the test fail instead of hang.
final class FIFOReader: @unchecked Sendable {
    private let condition = NSCondition()
    private var bytes: [UInt8] = []
    private var writerEnded = false
    private var done = false

    init(path: String) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        let thread = Thread { [self] in
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while descriptor >= 0 {
                // Looked at before reading: once the writer has ended, everything it wrote is in the FIFO.
                let ended = condition.withLock { writerEnded }
                let count = read(descriptor, &chunk, chunk.count)
                if count > 0 {
                    received += chunk[0..<count]
                    continue
                }
                // Nothing to read now (no writer yet, or none any more): stop once the writer has ended.
                if ended { break }
                usleep(5_000)
            }
            if descriptor >= 0 { close(descriptor) }
            condition.withLock {
                bytes = received
                done = true
                condition.broadcast()
            }
        }
        thread.start()
    }

    /// Everything read, once the writing process has ended (call it after that).
    func finish() -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        writerEnded = true
        while !done { condition.wait() }
        return bytes
    }
}
