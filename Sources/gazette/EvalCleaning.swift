import ArgumentParser
import Foundation
import GazetteClean

struct EvalCleaning: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-cleaning",
        abstract: "Score boilerplate removal on a cleaning corpus: body-text token P/R/F1, title and date exact match.",
        discussion: """
            The corpus directory holds pages/NAME.html and expected/NAME.json. Body tokens are lower-case runs of \
            letters and digits, counted with multiplicity and micro-averaged over pages. With --predictions, scores \
            another extractor's output (DIR/NAME.json with title, published, body) instead of Gazette's. With \
            --repeat N, also times N passes of Gazette's cleaning over the pages already in memory.
            """)

    @Option(help: ArgumentHelp("The cleaning corpus.", valueName: "dir"))
    var corpus = "Corpora/cleaning"

    @Option(help: ArgumentHelp("Score these predictions instead of running Gazette's cleaner.", valueName: "dir"))
    var predictions: String?

    @Option(help: ArgumentHelp("Time this many passes of the cleaner over all pages (0: no timing).", valueName: "n"))
    var `repeat` = 0

    @Flag(help: "List every page's scores.")
    var perPage = false

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    @Option(help: ArgumentHelp("Write Gazette's predictions as DIR/NAME.json.", valueName: "dir"))
    var writePredictions: String?

    func run() throws {
        let corpus: CleaningCorpus
        do {
            corpus = try CleaningCorpus(directory: URL(fileURLWithPath: self.corpus))
        } catch {
            printError("gazette: cannot read the cleaning corpus \(self.corpus): \(error)")
            throw ExitCode.failure
        }
        let score: CleaningScore
        if let predictions {
            score = corpus.score(try corpus.readPredictions(directory: URL(fileURLWithPath: predictions)))
        } else {
            let result = corpus.evaluate()
            score = result.score
            if let writePredictions {
                let directory = URL(fileURLWithPath: writePredictions)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                for (name, prediction) in result.predictions {
                    try encoder.encode(prediction).write(to: directory.appendingPathComponent("\(name).json"))
                }
            }
        }
        var seconds: Double?
        if `repeat` > 0 && predictions == nil {
            seconds = corpus.timeCleaning(repeat: `repeat`)
        }
        let pagesPerSecond = seconds.map { Double(corpus.pages.count * `repeat`) / $0 }
        let megabytesPerSecond = seconds.map { Double(corpus.bytes * `repeat`) / 1_000_000 / $0 }
        if json {
            var fields = [
                "\"pages\": \(corpus.pages.count)", "\"bytes\": \(corpus.bytes)",
                "\"precision\": \(format(score.precision))", "\"recall\": \(format(score.recall))", "\"f1\": \(format(score.f1))",
                "\"title_em\": \(format(score.titleExactMatch))", "\"date_em\": \(format(score.dateExactMatch))",
                "\"language_accuracy\": \(format(score.languageAccuracy))",
            ]
            if let seconds, let pagesPerSecond, let megabytesPerSecond {
                fields += ["\"repeat\": \(`repeat`)", "\"seconds\": \(format(seconds))",
                           "\"pages_per_second\": \(format(pagesPerSecond, digits: 1))", "\"mb_per_second\": \(format(megabytesPerSecond, digits: 2))"]
            }
            print("{" + fields.joined(separator: ", ") + "}")
            return
        }
        if perPage {
            print("page                                  P      R      F1     title  date   lang")
            for page in score.pages {
                print(page.name.padding(toLength: 36, withPad: " ", startingAt: 0), format(page.precision), format(page.recall),
                      format(page.f1), page.titleMatches ? "  ok  " : "  MISS", page.dateMatches ? " ok  " : " MISS",
                      page.languageMatches ? " ok" : " MISS")
            }
            print("")
        }
        print("pages \(corpus.pages.count)  (\(corpus.bytes / 1024) KiB)")
        print("body   precision \(format(score.precision))  recall \(format(score.recall))  F1 \(format(score.f1))")
        print("title  exact match \(format(score.titleExactMatch))")
        print("date   exact match \(format(score.dateExactMatch))")
        print("lang   accuracy    \(format(score.languageAccuracy))")
        if let seconds, let pagesPerSecond, let megabytesPerSecond {
            print("speed  \(`repeat`) passes in \(format(seconds)) s: \(format(pagesPerSecond, digits: 1)) pages/s, \(format(megabytesPerSecond, digits: 2)) MB/s")
        }
    }

    private func format(_ value: Double, digits: Int = 4) -> String { String(format: "%.\(digits)f", value) }
}
