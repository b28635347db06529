import ArgumentParser
import Foundation
import GazetteClean
import GazetteEval
import GazettePipeline

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

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Score an external set instead (DIR/pages/<id>.html and DIR/gold.jsonl, the layout of ../shared/dev/cleaning "
            + "unpacked) with the 4-gram shingle metric of its score.py; repeat for several sets.", valueName: "dir"))
    var sets: [String] = []

    @Option(help: ArgumentHelp("With --set: list this many worst pages per set, with what was lost and kept.", valueName: "n"))
    var worst = 0

    @Option(help: ArgumentHelp("With --set: write id, precision, recall and gold words of every page as CSV.", valueName: "file"))
    var pagesCSV: String?

    @Option(help: ArgumentHelp("Explain how the body of this HTML file was located (diagnostics).", valueName: "file"))
    var explain: String?

    func run() throws {
        if let explain {
            guard let data = FileManager.default.contents(atPath: explain) else {
                printError("gazette: cannot read \(explain)")
                throw ExitCode.failure
            }
            print(HTMLCleaner.explain(html: [UInt8](data)))
            return
        }
        if !sets.isEmpty {
            try ExternalSetReport(sets: sets, worst: worst, repeat: `repeat`, json: json, pagesCSV: pagesCSV, predictions: predictions).run()
            return
        }
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

/// `eval-cleaning --set DIR`: scores Gazette on external page sets and lists the worst pages.
struct ExternalSetReport {
    var sets: [String]
    var worst: Int
    var `repeat`: Int
    var json: Bool
    var pagesCSV: String?
    /// Another extractor's output to score instead of Gazette's: DIR/<set>/<id>.txt.
    var predictions: String?

    func run() throws {
        var csv = "set,id,precision,recall,gold_words\n"
        var means: [Double] = []
        for path in sets {
            let set: ExternalCleaningSet
            do {
                set = try ExternalCleaningSet(directory: URL(fileURLWithPath: path))
            } catch {
                printError("gazette: cannot read the cleaning set \(path): \(error)")
                throw ExitCode.failure
            }
            let outputs = predictions.map { directory in
                set.pages.map { page in
                    let path = URL(fileURLWithPath: directory).appendingPathComponent(set.name).appendingPathComponent("\(page.id).txt").path
                    return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
                }
            } ?? set.clean()
            let summary = score(set, outputs, csv: &csv)
            means.append(summary.f1)
            var seconds: Double?
            if `repeat` > 0 && predictions == nil { seconds = set.timeCleaning(repeat: `repeat`) }
            let speed = seconds.map { Double(set.pages.count * `repeat`) / $0 }
            if json {
                var fields = ["\"set\": \"\(set.name)\"", "\"pages\": \(set.pages.count)", "\"bytes\": \(set.bytes)",
                              "\"precision\": \(format(summary.precision))", "\"recall\": \(format(summary.recall))", "\"f1\": \(format(summary.f1))"]
                if let speed { fields.append("\"pages_per_second\": \(format(speed, digits: 1))") }
                print("{" + fields.joined(separator: ", ") + "}")
            } else {
                let rate = speed.map { "  \(format($0, digits: 1)) pages/s" } ?? ""
                print("\(set.name.padding(toLength: 22, withPad: " ", startingAt: 0)) pages \(set.pages.count)  P \(format(summary.precision))  R \(format(summary.recall))  F1 \(format(summary.f1))\(rate)")
                if worst > 0 { listWorst(set, outputs) }
            }
        }
        if !json && means.count > 1 { print("mean F1 over \(means.count) sets: \(format(means.reduce(0, +) / Double(means.count)))") }
        if let pagesCSV { try OutputFile.writeWhole(Array(csv.utf8), to: pagesCSV) }
    }

    private func score(_ set: ExternalCleaningSet, _ outputs: [String], csv: inout String) -> ShingleMetric.Summary {
        var shingles: [ShingleMetric.PageCounts] = []
        var snippets: [(tp: Int, fp: Int, fn: Int)] = []
        for (page, output) in zip(set.pages, outputs) {
            switch page.gold {
            case .text(let gold):
                let counts = ShingleMetric.counts(gold: gold, predicted: output)
                shingles.append(counts)
                csv += "\(set.name),\(page.id),\(format(counts.precision)),\(format(counts.recall)),\(ShingleMetric.tokens(gold).count)\n"
            case .snippets(let with, let without):
                let counts = ShingleMetric.snippetCounts(with: with, without: without, predicted: output)
                snippets.append(counts)
                let recall = with.isEmpty ? 1 : Double(counts.tp) / Double(with.count)
                csv += "\(set.name),\(page.id),,\(format(recall)),\n"
            }
        }
        return shingles.isEmpty ? ShingleMetric.snippetSummary(snippets) : ShingleMetric.summary(shingles)
    }

    /// The pages with the lowest F1 (gold of 50 words or more), with gold paragraphs lost and output paragraphs kept
    /// that the gold does not have.
    private func listWorst(_ set: ExternalCleaningSet, _ outputs: [String]) {
        var rows: [(id: String, f1: Double, gold: String, output: String, counts: ShingleMetric.PageCounts)] = []
        for (page, output) in zip(set.pages, outputs) {
            guard case .text(let gold) = page.gold, ShingleMetric.tokens(gold).count >= 50 else {
                if case .snippets(let with, _) = page.gold {
                    let missed = with.filter { !Whitespace.collapse(output).contains(Whitespace.collapse($0)) }
                    let share: Double = Double(missed.count) / Double(max(1, with.count))
                    let lost: String = missed.joined(separator: "\n\n")
                    if !missed.isEmpty { rows.append((id: page.id, f1: 1 - share, gold: lost, output: output, counts: ShingleMetric.PageCounts())) }
                }
                continue
            }
            let counts = ShingleMetric.counts(gold: gold, predicted: output)
            let f1 = counts.precision + counts.recall == 0 ? 0 : 2 * counts.precision * counts.recall / (counts.precision + counts.recall)
            rows.append((page.id, f1, gold, output, counts))
        }
        for row in rows.sorted(by: { $0.f1 < $1.f1 }).prefix(worst) {
            print("  \(row.id)  F1 \(format(row.f1))  P \(format(row.counts.precision))  R \(format(row.counts.recall))  gold \(ShingleMetric.tokens(row.gold).count) words, output \(ShingleMetric.tokens(row.output).count) words")
            for lost in Self.uncovered(row.gold, by: row.output).prefix(3) { print("    lost: \(Self.excerpt(lost))") }
            for kept in Self.uncovered(row.output, by: row.gold).prefix(3) { print("    kept: \(Self.excerpt(kept))") }
        }
    }

    /// Paragraphs of `text` (split at blank lines) of 8 words or more whose shingles are mostly absent from `other`.
    static func uncovered(_ text: String, by other: String) -> [String] {
        let reference = ShingleMetric.shingles(other)
        return text.components(separatedBy: "\n\n").filter { paragraph in
            let shingles = ShingleMetric.shingles(paragraph)
            let total = shingles.values.reduce(0, +)
            guard ShingleMetric.tokens(paragraph).count >= 8 else { return false }
            let found = shingles.reduce(0) { $0 + min($1.value, reference[$1.key] ?? 0) }
            return found * 2 < total
        }
    }

    static func excerpt(_ text: String) -> String {
        let line = Whitespace.collapse(text)
        return line.count > 110 ? String(line.prefix(110)) + "…" : line
    }

    private func format(_ value: Double, digits: Int = 4) -> String { String(format: "%.\(digits)f", value) }
}
