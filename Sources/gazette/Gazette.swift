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
            (they are in the rejects stream), 1 on a fatal error, 64 on a usage error.
            """,
        version: "0.1.0",
        subcommands: [
            Annotate.self, Validate.self, GazetteerCommand.self, Eval.self, EvalCleaning.self, IndexCommand.self, Search.self,
            Export.self, Render.self, Serve.self,
        ])
}

/// Options shared by commands that load the gazetteer.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .customLong("gazetteers"), help: ArgumentHelp(
        "Directory of gazetteer TSV files.", discussion: "Default: $GAZETTE_GAZETTEERS, else ./Gazetteers, else the one beside the executable's package.",
        valueName: "dir"))
    var directory: String?

    /// The gazetteer directory to use, found as documented.
    func resolved() throws -> URL {
        if let directory { return URL(fileURLWithPath: directory) }
        var candidates: [String] = []
        if let environment = ProcessInfo.processInfo.environment["GAZETTE_GAZETTEERS"] { candidates.append(environment) }
        candidates.append("Gazetteers")
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        // .build/<config>/gazette and .build/<triple>/<config>/gazette, and an installed share/ directory.
        for up in ["../..", "../../..", "../share/gazette"] {
            candidates.append(executable.appendingPathComponent(up).appendingPathComponent("Gazetteers").standardized.path)
        }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return URL(fileURLWithPath: candidate)
            }
        }
        throw ValidationError("no gazetteer directory found; pass --gazetteers DIR (looked in \(candidates.joined(separator: ", ")))")
    }
}

/// Writes a message to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
