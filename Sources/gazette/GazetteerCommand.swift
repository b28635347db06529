import ArgumentParser
import Foundation
import GazetteGazetteer

struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer", abstract: "Check and count the gazetteer files.",
        subcommands: [Check.self, Stats.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate the gazetteer files; exit 1 on any problem.")
        @OptionGroup var gazetteer: GazetteerOptions

        func run() throws {
            let directory = try gazetteer.resolved()
            let loaded: Gazetteer
            do {
                loaded = try GazetteerLoader.load(directory: directory)
            } catch {
                printError("gazette: \(error)")
                throw ExitCode.failure
            }
            let problems = GazetteerChecker().problems(in: loaded)
            for problem in problems { print(problem) }
            if !problems.isEmpty {
                printError("gazette: \(problems.count) problems in \(directory.path)")
                throw ExitCode.failure
            }
            print("gazetteer OK: \(directory.path)")
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count entries per file, type and language.")
        @OptionGroup var gazetteer: GazetteerOptions

        func run() throws {
            let directory = try gazetteer.resolved()
            let loaded: Gazetteer
            do {
                loaded = try GazetteerLoader.load(directory: directory)
            } catch {
                printError("gazette: \(error)")
                throw ExitCode.failure
            }
            for line in GazetteerStatistics(loaded).lines { print(line) }
        }
    }
}
