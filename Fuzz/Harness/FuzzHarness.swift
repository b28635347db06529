import Foundation
import GazetteClean
import GazetteCore
import GazetteOutput
import GazettePipeline
import GazetteReaders

/// What the fuzz targets share: reading bytes as a named input, cleaning and annotating, and the invariants every
/// result must keep. A broken invariant traps, so libFuzzer records the input as a crash.
public enum FuzzHarness {
    /// The reject codes docs/REJECT_CODES.md documents: every case of `RejectCode` (a test checks the document
    /// against them).
    public static let documentedCodes: Set<String> = Set(RejectCode.allCases.map(\.rawValue))

    /// The repository root, found from this file (fuzz targets run from a build directory).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's gazetteer, compiled once per fuzzing process.
    nonisolated(unsafe) public static let annotator: Annotator = {
        do {
            let resources = try AnnotationResources(gazetteerDirectory: repositoryRoot.appendingPathComponent("Gazetteers"))
            return try Annotator(resources: resources, asOf: "2025-09-04")
        } catch {
            fatalError("fuzz harness: cannot load the gazetteer: \(error)")
        }
    }()

    static let cleaner = ArticleCleaner()
    static let encoder = ArticleEncoder()

    /// Copies libFuzzer's input into an array.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Reads `bytes` as a file named `path` would be read, then cleans every document, checking that each item ends
    /// as a clean document or a reject with a documented code.
    public static func readAndClean(_ bytes: [UInt8], path: String, options: ReaderOptions = ReaderOptions()) {
        let (items, _) = DocumentStream.items(of: bytes, path: path, options: options)
        for item in items {
            switch item {
            case .reject(let reject):
                check(reject)
            case .document(let raw):
                do throws(RejectReason) {
                    let document = try cleaner.clean(raw)
                    check(cleaned: document)
                } catch {
                    check(Reject(id: raw.id, source: raw.source, reason: error))
                }
            }
        }
    }

    /// Segments, matches and relates a text, then checks every span and reference and that the output line reads back.
    public static func annotate(text: String) {
        var document = Document(id: "fuzz", source: SourceLocator(path: "fuzz", format: .text), text: text)
        do throws(RejectReason) {
            try annotator.annotateText(&document)
        } catch {
            check(Reject(id: document.id, source: document.source, reason: error))
            return
        }
        check(annotated: document)
    }

    /// Reads a date string; a date that reads must be ISO 8601 that reads again to itself.
    public static func checkDate(_ text: String) {
        guard let date = ISODate.normalise(text) else { return }
        precondition(date.count >= 4 && date.prefix(4).allSatisfy(\.isNumber), "date '\(date)' from '\(text)' is not ISO 8601")
        precondition(ISODate.normalise(date) == date, "date '\(date)' from '\(text)' does not read back to itself")
    }

    static func check(_ reject: Reject) {
        precondition(documentedCodes.contains(reject.reason.code.rawValue), "undocumented reject code \(reject.reason.code)")
        precondition(!reject.reason.message.isEmpty, "reject \(reject.reason.code) without a message")
        _ = encoder.encode(reject)
    }

    static func check(cleaned document: Document) {
        precondition(!document.text.isEmpty, "a cleaned document with no text")
        _ = encoder.encode(document, asOf: "2025-09-04")
    }

    static func check(annotated document: Document) {
        let length = document.text.unicodeScalars.count
        var previousEnd = 0
        for sentence in document.sentences {
            precondition(sentence.start >= previousEnd && sentence.start <= sentence.end && sentence.end <= length,
                         "sentence \(sentence) out of order or outside the text (\(length) scalars)")
            previousEnd = sentence.end
        }
        var ids = Set<String>()
        for entity in document.entities {
            precondition(entity.span.start >= 0 && entity.span.start < entity.span.end && entity.span.end <= length,
                         "entity span \(entity.span) outside the text")
            precondition(document.text(of: entity.span) == entity.text, "entity text differs from its span")
            precondition(entity.sentence >= 0 && entity.sentence < max(document.sentences.count, 1), "entity sentence index")
            ids.insert(entity.id)
        }
        for relation in document.relations {
            precondition(ids.contains(relation.head), "relation head \(relation.head) is not an entity")
            if let tail = relation.tail { precondition(ids.contains(tail), "relation tail \(tail) is not an entity") }
            precondition(relation.evidence.start <= relation.evidence.end && relation.evidence.end <= length,
                         "relation evidence outside the text")
            if let statement = relation.statement {
                precondition(statement.start <= statement.end && statement.end <= length, "statement outside the text")
            }
        }
        let line = encoder.encode(document, asOf: "2025-09-04")
        do {
            let decoded = try ArticleDecoder().decode(line)
            precondition(decoded.text == document.text, "the output line does not read back the same text")
            precondition(decoded.entities.count == document.entities.count, "the output line loses entities")
            precondition(decoded.relations.count == document.relations.count, "the output line loses relations")
        } catch {
            preconditionFailure("the output line does not decode: \(error)")
        }
    }
}


/// The fuzz targets, by the name of their executable; a regression input is named after its target.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case html = "FuzzHTML", feed = "FuzzFeed", sgml = "FuzzSGML", warc = "FuzzWARC", jsonl = "FuzzJSONL"
    case annotate = "FuzzAnnotate", newsml = "FuzzNewsML", date = "FuzzDate"

    /// The file names FuzzFeed's first byte chooses between: RSS, Atom, NITF, generic XML (sniffed for a vocabulary).
    public static let feedNames = ["fuzz.rss", "fuzz.atom", "fuzz.nitf", "fuzz.xml"]

    /// What the target does with one input.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .html: FuzzHarness.readAndClean(bytes, path: "fuzz.html")
        case .sgml: FuzzHarness.readAndClean(bytes, path: "fuzz.sgm")
        case .warc: FuzzHarness.readAndClean(bytes, path: "fuzz.warc")
        case .jsonl: FuzzHarness.readAndClean(bytes, path: "fuzz.jsonl")
        case .feed:
            guard let selector = bytes.first else { return }
            FuzzHarness.readAndClean(Array(bytes.dropFirst()), path: Self.feedNames[Int(selector) % Self.feedNames.count])
        case .annotate:
            FuzzHarness.annotate(text: String(decoding: bytes, as: UTF8.self))
        case .newsml: FuzzHarness.readAndClean(bytes, path: "fuzz.newsml")
        case .date: FuzzHarness.checkDate(String(decoding: bytes, as: UTF8.self))
        }
    }
}
