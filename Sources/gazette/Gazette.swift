import ArgumentParser
import Foundation
import GazetteCore
import GazetteGazetteer
import GazettePipeline
import GazetteReaders

@main
struct Gazette: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Turn raw news into annotated JSONL: clean text, sentences, entities and relations.",
        discussion: """
            Exit status: 0 when every document was annotated, 3 when some were rejected \
            (they are in the rejects stream), 1 on a fatal error (a write error names the file), 64 on a usage \
            error; 141 (SIGPIPE) when the reader of standard output closed the pipe.
            """,
        version: "0.1.0",
        subcommands: [
            Annotate.self, Validate.self, GazetteerCommand.self, Eval.self, EvalCleaning.self, IndexCommand.self, Search.self,
            Export.self, Render.self, Serve.self,
        ])

    /// Runs the command with SIGPIPE ignored: a write to a closed pipe then fails with EPIPE instead of
    /// killing the process mid-write, so that Gazette can tell a closed downstream pipe (it then ends quietly,
    /// see `failure(_:)`) from a broken FIFO given with --output (reported, exit 1).
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        main(nil)
    }
}

/// The exit for a command that failed with `error`: prints `gazette: MESSAGE` and returns status 1, except
/// when the reader of standard output closed the pipe (`gazette annotate … | head -1`): then the process ends
/// quietly, killed by SIGPIPE as any Unix filter would be (status 141 in a shell).
func failure(_ error: any Error) -> ExitCode {
    if let error = error as? PipelineError, error.kind == .downstreamClosed {
        signal(SIGPIPE, SIG_DFL)
        kill(getpid(), SIGPIPE)
        exit(128 + SIGPIPE)
    }
    printError("gazette: \(error)")
    return ExitCode.failure
}

/// Options shared by commands that load the gazetteer.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .customLong("gazetteers"), help: ArgumentHelp(
        "Directory of gazetteer TSV files.",
        discussion: "Default: $GAZETTE_GAZETTEERS, else the installed one (PREFIX/share/gazette/Gazetteers beside PREFIX/bin/gazette), else the repository's beside a .build binary, else ./Gazetteers.",
        valueName: "dir"))
    var directory: String?

    /// The gazetteer directory to use, found as documented.
    func resolved() throws -> URL {
        if let directory { return URL(fileURLWithPath: directory) }
        var candidates: [String] = []
        if let environment = ProcessInfo.processInfo.environment["GAZETTE_GAZETTEERS"] { candidates.append(environment) }
        let executable = Self.executableDirectory()
        // An installed share/ directory (make install), then .build/<config>/gazette and .build/<triple>/<config>/gazette.
        for up in ["../share/gazette", "../..", "../../.."] {
            candidates.append(executable.appendingPathComponent(up).appendingPathComponent("Gazetteers").standardized.path)
        }
        candidates.append("Gazetteers")
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return URL(fileURLWithPath: candidate)
            }
        }
        throw ValidationError("no gazetteer directory found; pass --gazetteers DIR (looked in \(candidates.joined(separator: ", ")))")
    }

    /// The directory of the running executable, links resolved: from /proc/self/exe, which holds whatever
    /// the binary was started as (a bare name found on PATH, a link in /usr/local/bin), else from argv[0].
    static func executableDirectory() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") {
            return URL(fileURLWithPath: path).deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}

/// Writes a message to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
