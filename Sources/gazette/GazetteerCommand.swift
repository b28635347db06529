import ArgumentParser
import Foundation
import GazetteGazetteer
import GazettePipeline

struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer", abstract: "Check and count the gazetteer files.",
        subcommands: [Check.self, Stats.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the gazetteer files; exit 1 on any problem.",
            discussion: "Duplicate ids, references to undefined ids, impossible dates, and forms that name two entities without a rule in collisions.tsv.")
        @OptionGroup var gazetteer: GazetteerOptions

        func run() throws {
            let (directory, loaded) = try gazetteer.load()
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
        static let configuration = CommandConfiguration(
            abstract: "Count entries per file, type and language.",
            discussion: "With --coverage: per sovereign state and office (head of state, head of government), the share of days since --since covered by a term, and the gaps.")
        @OptionGroup var gazetteer: GazetteerOptions
        @Flag(help: "Report, per sovereign state and leading office, the share of days covered by a term and the gaps.")
        var coverage = false
        @Option(help: "First day of the coverage period (YYYY-MM-DD).")
        var since = "1990-01-01"
        @Option(help: "Last day of the coverage period (YYYY-MM-DD; default: today).")
        var until: String?

        func run() throws {
            let loaded = try gazetteer.load().gazetteer
            for line in GazetteerStatistics(loaded).lines { print(line) }
            guard coverage else { return }
            let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            for line in GazetteerCoverage(loaded, since: since, until: until ?? today).lines { print(line) }
        }
    }
}

extension GazetteerOptions {
    /// Finds and loads the gazetteer, reporting a malformed file on standard error and exiting 1.
    func load() throws -> (directory: URL, gazetteer: Gazetteer) {
        let directory = try resolved()
        do {
            return (directory, try GazetteerLoader.load(directory: directory))
        } catch {
            printError("gazette: \(error)")
            throw ExitCode.failure
        }
    }

    /// Finds, loads and compiles the gazetteer for annotation, reporting a failure on standard error and exiting 1.
    func resources() throws -> AnnotationResources {
        let directory = try resolved()
        do {
            return try AnnotationResources(gazetteerDirectory: directory)
        } catch {
            printError("gazette: \(error)")
            throw ExitCode.failure
        }
    }
}
