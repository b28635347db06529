import Foundation
import GazetteBytes
import GazetteClean
import GazetteCore
import GazetteGazetteer
import GazetteMatch
import GazetteReaders
import GazetteOutput
import GazetteRelate
import GazetteSegment

/// Why the pipeline could not start.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// What kind of failure it is; the command line ends quietly for `.downstreamClosed`.
    public let kind: Kind
    public var description: String { message }

    /// Why a run stopped.
    public enum Kind: Sendable, Equatable {
        /// Something went wrong: the command reports the message and exits 1.
        case failure
        /// The reader of standard output (or error) closed the pipe: nothing is wrong with the run.
        case downstreamClosed
    }

    /// A failure with a message for the user.
    public init(_ message: String) { self.init(kind: .failure, message) }

    /// An error of the given kind.
    public init(kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// What every worker shares: the compiled gazetteer and the relation rules. Built once per run.
public final class AnnotationResources: Sendable {
    public let gazetteer: Gazetteer
    public let compiled: CompiledGazetteer
    public let relations: RelationExtractor
    /// A short fingerprint of the gazetteer files, written in every output line's `meta`.
    public let gazetteerVersion: String?

    /// Compiles a loaded gazetteer.
    public init(gazetteer: Gazetteer, version: String? = nil) throws(PipelineError) {
        self.gazetteer = gazetteer
        do {
            compiled = try CompiledGazetteer(gazetteer: gazetteer)
        } catch {
            throw PipelineError("cannot compile the gazetteer: \(error)")
        }
        relations = RelationExtractor(gazetteer: gazetteer)
        gazetteerVersion = version
    }

    /// Loads and compiles the gazetteer files of a directory.
    public convenience init(gazetteerDirectory: URL) throws(PipelineError) {
        let gazetteer: Gazetteer
        do {
            gazetteer = try GazetteerLoader.load(directory: gazetteerDirectory)
        } catch {
            throw PipelineError("cannot load the gazetteer: \(error)")
        }
        try self.init(gazetteer: gazetteer, version: GazetteerFingerprint.of(directory: gazetteerDirectory))
    }
}

/// Runs every stage on one document: clean, segment, match, relate.
///
/// Holds ICU iterators and caches: one per worker, not shared between threads.
public final class Annotator: TextAnnotating {
    public let resources: AnnotationResources
    let cleaner = ArticleCleaner()
    let segmenter: Segmenter
    let matcher: EntityMatcher
    /// The date that decides who held an office when an article has no date ("YYYY-MM-DD").
    public let defaultAsOf: String
    /// Whether the run was given a date (`--as-of`); without one, an undated article's date is unknown.
    public let runIsDated: Bool
    /// What relation extraction may add beyond what the text states (`--kb-relations`).
    public var relationOptions = RelationOptions()

    /// Prepares a worker; `asOf` defaults to today's date (UTC).
    public init(resources: AnnotationResources, asOf: String? = nil) throws(PipelineError) {
        self.resources = resources
        do {
            segmenter = try Segmenter()
            matcher = try EntityMatcher(compiled: resources.compiled)
        } catch {
            throw PipelineError("cannot open ICU: \(error)")
        }
        defaultAsOf = asOf ?? Self.today()
        runIsDated = asOf != nil
    }

    /// Prepares a worker for a run: the run's date and relation options.
    public convenience init(resources: AnnotationResources, options: RunOptions) throws(PipelineError) {
        try self.init(resources: resources, asOf: options.asOf)
        relationOptions = RelationOptions(kbRelations: options.kbRelations)
    }

    /// Annotates an item of a document stream: a document, or a reject the reader already made.
    public func annotate(_ item: ReadItem, timings: inout StageTimings) -> Result<Document, Reject> {
        switch item {
        case .document(let raw): return annotate(raw, timings: &timings)
        case .reject(let reject): return .failure(reject)
        }
    }

    /// The `gazette.article/1` line of an annotated document, with the date and gazetteer it was made with.
    public func line(for document: Document, encoder: ArticleEncoder) -> String {
        encoder.encode(document, asOf: asOf(for: document), gazetteerVersion: resources.gazetteerVersion)
    }

    /// Appends the `gazette.article/1` line of an annotated document (as `line(for:encoder:)` makes it) and a
    /// newline to a block of lines; its index in the block.
    @discardableResult
    public func appendLine(for document: Document, encoder: ArticleEncoder, to block: inout LineBlockBuilder) -> Int {
        encoder.append(document, asOf: asOf(for: document), gazetteerVersion: resources.gazetteerVersion, to: &block)
    }

    /// The date used for a document: its published day, else the run's default.
    public func asOf(for document: Document) -> String { publishedDay(of: document) ?? defaultAsOf }

    /// Whether a document's date is known: its published day, or a date the run was given (`--as-of`).
    public func isDated(_ document: Document) -> Bool { runIsDated || publishedDay(of: document) != nil }

    /// The day ("YYYY-MM-DD") a document's `published` starts with, if it starts with one.
    func publishedDay(of document: Document) -> String? {
        document.published.flatMap(CalendarDay.leading)?.text
    }

    /// Annotates one raw document, or says why it was rejected.
    public func annotate(_ raw: RawDocument) -> Result<Document, Reject> {
        var timings = StageTimings()
        return annotate(raw, timings: &timings)
    }

    /// Annotates one raw document like `annotate(_:)`, adding the time of each stage to `timings`.
    public func annotate(_ raw: RawDocument, timings: inout StageTimings) -> Result<Document, Reject> {
        var clock = StageClock()
        do throws(RejectReason) {
            var document = try cleaner.clean(raw)
            timings.clean += clock.lap()
            try annotateText(&document, timings: &timings, clock: &clock)
            return .success(document)
        } catch {
            timings.clean += clock.lap()
            return .failure(Reject(id: raw.id, source: raw.source, reason: error))
        }
    }

    /// Runs segmentation, matching and relations on a document that already has clean text.
    public func annotateText(_ document: inout Document) throws(RejectReason) {
        var timings = StageTimings()
        var clock = StageClock()
        try annotateText(&document, timings: &timings, clock: &clock)
    }

    /// The one body of every `annotate` variant: segment, match, relate, timing each stage.
    func annotateText(_ document: inout Document, timings: inout StageTimings, clock: inout StageClock) throws(RejectReason) {
        do {
            try segmenter.segment(&document)
        } catch {
            throw RejectReason(code: .segmentationFailed, message: error.description)
        }
        timings.segment += clock.lap()
        matcher.match(&document)
        timings.match += clock.lap()
        // The published day is read once for both the date and whether the document is dated.
        let day = publishedDay(of: document)
        resources.relations.extract(&document, asOf: day ?? defaultAsOf, dated: runIsDated || day != nil,
                                    options: relationOptions)
        timings.relate += clock.lap()
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}

/// A short, stable fingerprint of a gazetteer directory's TSV files (FNV-1a over names and bytes).
public enum GazetteerFingerprint {
    /// "tsv-" and 12 hex digits, or nil when the directory cannot be read.
    public static func of(directory: URL) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return nil }
        var hasher = FNV1a()
        for name in names.sorted() where name.hasSuffix(".tsv") {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { continue }
            hasher.add(contentsOf: name.utf8)
            hasher.add(0)
            data.withUnsafeBytes { hasher.add(contentsOf: $0) }
        }
        let hex = String(hasher.value, radix: 16)
        return "tsv-" + String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }
}
