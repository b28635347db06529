import ArgumentParser
import Foundation
import GazetteCore
import GazetteEval
import GazetteOutput
import GazettePipeline

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score predictions against gold annotations, or check gold files.",
        usage: """
            gazette eval --gold <path> ... --pred <path> ... [options]
            gazette eval --run --gold <path> ... [--gazetteers <dir>] [--as-of <date>] [options]
            gazette eval --check <path> ...
            """,
        discussion: """
            Gold and predictions are gazette.article/1 JSONL files or directories (their *.jsonl files), matched \
            by document id; with --gold-format conll the gold is CoNLL BIO/IOB (see docs/EVALUATION.md). \
            Entities are scored under the strict, exact, partial and type schemes, per type and overall, with \
            entity linking accuracy and a type confusion table; relations per type and overall. \
            Exit status: 0 when every threshold holds (and --check found nothing), 1 when a threshold is broken \
            (or --check found issues), 2 when an input cannot be read, 64 on a usage error.
            """)

    @Option(help: ArgumentHelp("Gold file or directory (repeatable).", valueName: "path"))
    var gold: [String] = []

    @Option(help: ArgumentHelp("Predicted file or directory (repeatable).", valueName: "path"))
    var pred: [String] = []

    @Flag(name: .customLong("run"), help: "Annotate the gold texts with this build and score the result (instead of --pred).")
    var annotateGold = false

    @Option(help: ArgumentHelp("Check gold JSONL files or directories and report every problem (repeatable).", valueName: "path"))
    var check: [String] = []

    @Option(name: .customLong("gold-format"), help: ArgumentHelp("Gold format: jsonl or conll.", valueName: "format"))
    var goldFormat: String = "jsonl"

    @Option(name: .customLong("pred-format"), help: ArgumentHelp(
        "Prediction format: jsonl, conll, or auto (by each file's first line).", valueName: "format"))
    var predFormat: String = "auto"

    @Option(help: ArgumentHelp(
        "CoNLL label to entity type, e.g. PER=PERSON,LOC=COUNTRY,MISC=- (repeatable).",
        discussion: "Defaults: PER=PERSON, ORG=ORG and each Gazette type name to itself; unmapped labels are dropped.",
        valueName: "label=type,..."))
    var map: [String] = []

    @Option(help: ArgumentHelp(
        "Score only these entity types, e.g. PERSON,ORG. Default: all; with CoNLL gold, the types its labels map to.",
        valueName: "types"))
    var types: String?

    @Option(help: ArgumentHelp("List up to N false positives and false negatives of each kind with their sentence.", valueName: "n"))
    var errors: Int = 0

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(name: .customLong("min-f1"), help: ArgumentHelp(
        "Fail (exit 1) when a figure is below VALUE (repeatable).",
        discussion: "KEY: PERSON (strict F1), partial.PERSON, overall, type.overall, relations.leader_of, relations.overall, linking.",
        valueName: "key=value"))
    var minF1: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "With --run: date (YYYY-MM-DD) deciding offices for documents without a date. Default: today.", valueName: "date"))
    var asOf: String?

    @Option(name: .customLong("write-pred"), help: ArgumentHelp("With --run: also write the predictions as JSONL.", valueName: "file"))
    var writePred: String?

    @OptionGroup var gazetteer: GazetteerOptions

    func validate() throws {
        if !check.isEmpty {
            guard gold.isEmpty, pred.isEmpty, !annotateGold else { throw ValidationError("--check takes the gold paths itself; use it alone") }
            return
        }
        guard !gold.isEmpty else { throw ValidationError("give --gold (or --check)") }
        if annotateGold && !pred.isEmpty { throw ValidationError("--run annotates the gold texts: give --pred or --run, not both") }
        if !annotateGold && pred.isEmpty { throw ValidationError("give --pred, or --run to annotate the gold texts") }
        guard ["jsonl", "conll"].contains(goldFormat) else { throw ValidationError("--gold-format is jsonl or conll") }
        if let asOf, CalendarDay(asOf) == nil { throw ValidationError("--as-of wants a date as YYYY-MM-DD, not '\(asOf)'") }
        guard ["auto", "jsonl", "conll"].contains(predFormat) else { throw ValidationError("--pred-format is auto, jsonl or conll") }
        guard errors >= 0 else { throw ValidationError("--errors wants a number of 0 or more") }
        if writePred != nil && !annotateGold { throw ValidationError("--write-pred goes with --run") }
        do {
            _ = try thresholds()
            _ = try mapping()
            _ = try typeFilter()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func thresholds() throws(EvalInputError) -> [Threshold] {
        var list: [Threshold] = []
        for text in minF1 { list.append(try Threshold(parsing: text)) }
        return list
    }

    func mapping() throws(EvalInputError) -> TypeMapping { try TypeMapping(parsing: map) }

    func typeFilter() throws(EvalInputError) -> Set<EntityType>? {
        guard let types else { return nil }
        var set: Set<EntityType> = []
        for name in types.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces).uppercased()
            guard let type = EntityType(rawValue: trimmed) else {
                throw EvalInputError(path: "--types", message: "'\(name)' is not an entity type")
            }
            set.insert(type)
        }
        return set
    }

    func run() throws {
        if !check.isEmpty { return try runCheck() }
        let inputs: Inputs
        do {
            inputs = try loadInputs()
        } catch {
            printError("gazette: \(error)")
            throw ExitCode(2)
        }
        var report = Evaluation(types: inputs.types, errorLimit: errors).evaluate(gold: inputs.gold, predicted: inputs.predicted)
        report.documents.ignoredLabels = inputs.ignored
        let thresholds = try thresholds()
        if !thresholds.isEmpty { report.thresholds = ThresholdCheck.check(thresholds, against: report) }
        print(json ? report.json() : ReportFormatter.text(report), terminator: json ? "\n" : "")
        let failed = report.thresholds?.filter { !$0.passed } ?? []
        if !failed.isEmpty {
            for result in failed { printError("gazette: threshold \(result.message)") }
            throw ExitCode.failure
        }
    }

    /// What a scoring run reads: gold, predictions, the types to score and the CoNLL labels dropped.
    struct Inputs {
        var gold: AnnotatedCorpus
        var predicted: AnnotatedCorpus
        var types: Set<EntityType>?
        var ignored: [String: Int]?
    }

    func loadInputs() throws(EvalInputError) -> Inputs {
        var types = try typeFilter()
        let gold: AnnotatedCorpus
        var ignored: [String: Int]?
        if goldFormat == "conll" {
            let read = try readCoNLL(self.gold, names: nil)
            gold = read.corpus
            ignored = read.ignored
            types = types ?? read.types
        } else {
            gold = try AnnotatedCorpus.loadJSONL(self.gold)
        }
        let predicted = annotateGold ? try annotate(gold) : try readPredictions()
        return Inputs(gold: gold, predicted: predicted, types: types, ignored: ignored)
    }

    func runCheck() throws {
        let result: (documents: Int, issues: [GoldIssue], skipped: [String])
        do {
            result = try GoldValidator().check(check)
        } catch {
            printError("gazette: \(error)")
            throw ExitCode(2)
        }
        for issue in result.issues { print(issue.description) }
        for file in result.skipped { printError("gazette: skipped \(file): not gazette.article/1") }
        printError("gazette: \(result.documents) gold documents checked, \(result.issues.count) issues")
        if !result.issues.isEmpty { throw ExitCode.failure }
    }

    /// CoNLL files as a corpus; `names` renames the documents of the k-th file (to pair predictions with gold).
    func readCoNLL(_ paths: [String], names: [String]?) throws(EvalInputError)
        -> (corpus: AnnotatedCorpus, ignored: [String: Int], types: Set<EntityType>, files: [String])
    {
        let reader = CoNLLReader(mapping: try mapping())
        let files = try InputFiles.expand(paths, accept: Self.isCoNLLName)
        if let names, names.count != files.count {
            throw EvalInputError(
                path: paths.joined(separator: ", "),
                message: "\(files.count) CoNLL prediction files for \(names.count) CoNLL gold files: they are paired by position")
        }
        var corpus = AnnotatedCorpus()
        var ignored: [String: Int] = [:]
        var types: Set<EntityType> = []
        for (position, file) in files.enumerated() {
            let read = try reader.read(file: file, name: names?[position])
            for document in read.documents { try corpus.add(document, location: file) }
            ignored.merge(read.ignored, uniquingKeysWith: +)
            types.formUnion(read.types)
        }
        return (corpus, ignored, types, files)
    }

    static func isCoNLLName(_ name: String) -> Bool {
        !["md", "json", "jsonl", "gz", "zip"].contains((name as NSString).pathExtension.lowercased())
    }

    /// Predictions from --pred, by format (auto: a file whose first non-blank line starts with "{" is JSONL).
    func readPredictions() throws(EvalInputError) -> AnnotatedCorpus {
        var jsonl: [String] = []
        var conll: [String] = []
        let accept: (String) -> Bool = switch predFormat {
        case "jsonl": { $0.hasSuffix(".jsonl") }
        case "conll": Self.isCoNLLName
        default: { $0.hasSuffix(".jsonl") || Self.isCoNLLName($0) }
        }
        for file in try InputFiles.expand(pred, accept: accept) {
            switch predFormat {
            case "jsonl": jsonl.append(file)
            case "conll": conll.append(file)
            default:
                let first = try InputFiles.lines(of: file).first { !$0.allSatisfy(\.isWhitespace) }
                if first?.first == "{" { jsonl.append(file) } else { conll.append(file) }
            }
        }
        var corpus = try jsonl.isEmpty ? AnnotatedCorpus() : AnnotatedCorpus.loadJSONL(jsonl)
        if !conll.isEmpty {
            var names: [String]?
            if goldFormat == "conll" {
                names = try InputFiles.expand(gold, accept: Self.isCoNLLName).map { ($0 as NSString).lastPathComponent }
            }
            for document in try readCoNLL(conll, names: names).corpus.documents {
                try corpus.add(document, location: document.source.path)
            }
        }
        return corpus
    }

    /// The gold texts annotated by this build (--run), optionally written out.
    func annotate(_ gold: AnnotatedCorpus) throws(EvalInputError) -> AnnotatedCorpus {
        let directory: URL
        let annotator: Annotator
        do {
            directory = try gazetteer.resolved()
            annotator = try Annotator(resources: try AnnotationResources(gazetteerDirectory: directory), asOf: asOf)
        } catch {
            throw EvalInputError(path: "--gazetteers", message: "\(error)")
        }
        let predicted = GoldAnnotation.annotate(gold, with: annotator)
        if let writePred {
            let encoder = ArticleEncoder()
            do {
                // Through LineSink: a regular file is replaced atomically, a FIFO or device written in place.
                let sink = try LineSink(.file(writePred))
                for document in predicted.documents { try sink.write(annotator.line(for: document, encoder: encoder)) }
                try sink.close()
            } catch {
                throw EvalInputError(path: writePred, message: "cannot write the predictions: \(error)")
            }
        }
        return predicted
    }
}
