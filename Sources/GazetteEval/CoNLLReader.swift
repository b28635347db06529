import Foundation
import GazetteCore

/// Maps CoNLL entity labels (PER, LOC, …) to Gazette entity types.
///
/// Defaults: `PER=PERSON`, `ORG=ORG`, and every Gazette type name to itself. Entries given by the user replace the
/// defaults; a label mapped to `-` (or to nothing, `MISC=`) is ignored, and so is any label with no mapping.
public struct TypeMapping: Sendable, Hashable {
    /// Label → type; a nil value ignores the label.
    public private(set) var entries: [String: EntityType?]

    /// The defaults plus the given entries.
    public init(_ entries: [String: EntityType?] = [:]) {
        var all: [String: EntityType?] = ["PER": .person, "ORG": .org]
        for type in EntityType.allCases { all[type.rawValue] = type }
        for (label, type) in entries { all[label] = type }
        self.entries = all
    }

    /// Parses `PER=PERSON,LOC=COUNTRY,MISC=-` (several option values are joined by the caller).
    public init(parsing specifications: [String]) throws(EvalInputError) {
        var entries: [String: EntityType?] = [:]
        for specification in specifications {
            for item in specification.split(separator: ",") {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let label = parts[0].trimmingCharacters(in: .whitespaces)
                guard parts.count == 2, !label.isEmpty else {
                    throw EvalInputError(path: "--map", message: "'\(item)' is not LABEL=TYPE")
                }
                let target = parts[1].trimmingCharacters(in: .whitespaces).uppercased()
                if target.isEmpty || target == "-" {
                    entries[label] = .some(nil)
                } else if let type = EntityType(rawValue: target) {
                    entries[label] = type
                } else {
                    throw EvalInputError(
                        path: "--map",
                        message: "'\(target)' is not an entity type (\(EntityType.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
            }
        }
        self.init(entries)
    }

    /// The type of a label, nil when the label is ignored.
    public func type(for label: String) -> EntityType? { entries[label] ?? nil }
}

/// Reads CoNLL-2002/2003 style files (one token per line, blank line between sentences, `-DOCSTART-` lines between
/// documents) into documents with entity spans, so that a public NER test set can be scored.
///
/// - Columns are separated by spaces or tabs; the first is the token, the entity tag is the last column (or
///   `tagColumn`, counted from 0; negative counts from the end).
/// - Tags: `O`, and `B-`, `I-`, `E-`/`L-`, `S-`/`U-` prefixes, decoded like conlleval so IOB1, IOB2 (BIO) and
///   IOBES/BILOU all work: `I-X` continues an open `X` entity and starts one otherwise; `B-X` always starts one;
///   `E-X` ends one; `S-X` is a one-token entity.
/// - Text: a sentence's tokens joined by single spaces, sentences joined by a newline; each sentence becomes a
///   `sentences` span, so offsets are computable and error listings show the sentence.
/// - Documents: split at `-DOCSTART-` lines (a file without any is one document); empty documents are skipped.
///   Ids are `NAME#N` (NAME defaults to the file name, N counts documents from 1).
/// - Entity types go through a ``TypeMapping``; entities whose label maps to no type are dropped and counted
///   in ``Result/ignored``.
public struct CoNLLReader: Sendable {
    /// What a read produced.
    public struct Result: Sendable {
        public var documents: [Document] = []
        /// Entities dropped because their label has no type, by label.
        public var ignored: [String: Int] = [:]
        /// The Gazette types the kept entities have.
        public var types: Set<EntityType> = []
    }

    public var mapping: TypeMapping
    /// The column holding the tag: nil for the last, else from 0 (negative: from the end, -1 is the last).
    public var tagColumn: Int?

    public init(mapping: TypeMapping = TypeMapping(), tagColumn: Int? = nil) {
        self.mapping = mapping
        self.tagColumn = tagColumn
    }

    /// Reads a file; documents are named after `name`, by default the file's name.
    public func read(file: String, name: String? = nil) throws(EvalInputError) -> Result {
        let lines = try InputFiles.lines(of: file)
        return try read(lines: lines, name: name ?? (file as NSString).lastPathComponent, path: file)
    }

    /// Reads the lines of CoNLL text; `path` names the input in error messages.
    public func read(lines: [Substring], name: String, path: String) throws(EvalInputError) -> Result {
        var result = Result()
        var builder = DocumentBuilder(mapping: mapping)
        func finishDocument() {
            builder.endSentence()
            if !builder.sentences.isEmpty {
                result.documents.append(builder.document(id: "\(name)#\(result.documents.count + 1)", path: path))
            }
            for (label, count) in builder.ignored { result.ignored[label, default: 0] += count }
            result.types.formUnion(builder.types)
            builder = DocumentBuilder(mapping: mapping)
        }
        for (offset, line) in lines.enumerated() {
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if columns.isEmpty {
                builder.endSentence()
                continue
            }
            if columns[0] == "-DOCSTART-" {
                finishDocument()
                continue
            }
            let index = tagColumn.map { $0 < 0 ? columns.count + $0 : $0 } ?? columns.count - 1
            guard columns.count >= 2, index >= 1, index < columns.count else {
                throw EvalInputError(
                    path: path, line: offset + 1,
                    message: "expected a token and a tag column\(tagColumn.map { " (tag column \($0))" } ?? ""), got \(columns.count) column(s)")
            }
            guard let tag = Tag(String(columns[index])) else {
                throw EvalInputError(path: path, line: offset + 1, message: "'\(columns[index])' is not a BIO/IOB tag")
            }
            builder.add(token: String(columns[0]), tag: tag)
        }
        finishDocument()
        return result
    }

    /// One parsed tag.
    enum Tag {
        case outside
        case begin(String), inside(String), end(String), single(String)

        init?(_ text: String) {
            if text == "O" {
                self = .outside
                return
            }
            let parts = text.split(separator: "-", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 1, !parts[1].isEmpty else { return nil }
            let label = String(parts[1])
            switch parts[0].uppercased() {
            case "B": self = .begin(label)
            case "I": self = .inside(label)
            case "E", "L": self = .end(label)
            case "S", "U": self = .single(label)
            default: return nil
            }
        }
    }

    /// Accumulates one document's text, sentences and entities.
    struct DocumentBuilder {
        let mapping: TypeMapping
        var text = String.UnicodeScalarView()
        var length = 0
        var sentences: [TextSpan] = []
        var entities: [Entity] = []
        var ignored: [String: Int] = [:]
        var types: Set<EntityType> = []
        var sentenceStart: Int?
        var open: (label: String, start: Int, end: Int, words: [String])?

        init(mapping: TypeMapping) { self.mapping = mapping }

        mutating func add(token: String, tag: Tag) {
            if sentenceStart != nil {
                text.append(" ")
                length += 1
            } else {
                if !sentences.isEmpty {
                    text.append("\n")
                    length += 1
                }
                sentenceStart = length
            }
            let start = length
            text.append(contentsOf: token.unicodeScalars)
            length += token.unicodeScalars.count
            switch tag {
            case .outside:
                close()
            case .begin(let label):
                close()
                open = (label, start, length, [token])
            case .inside(let label):
                if let current = open, current.label == label {
                    open!.end = length
                    open!.words.append(token)
                } else {
                    close()
                    open = (label, start, length, [token])
                }
            case .end(let label):
                if let current = open, current.label == label {
                    open!.end = length
                    open!.words.append(token)
                } else {
                    close()
                    open = (label, start, length, [token])
                }
                close()
            case .single(let label):
                close()
                open = (label, start, length, [token])
                close()
            }
        }

        mutating func close() {
            guard let current = open else { return }
            open = nil
            guard let type = mapping.type(for: current.label) else {
                ignored[current.label, default: 0] += 1
                return
            }
            types.insert(type)
            let mention = current.words.joined(separator: " ")
            // The contract has no source for hand-labelled mentions; scoring never reads it.
            entities.append(Entity(
                id: "e\(entities.count + 1)", type: type, span: TextSpan(start: current.start, end: current.end),
                text: mention, canonical: mention, sentence: sentences.count, source: .gazetteer))
        }

        mutating func endSentence() {
            close()
            if let start = sentenceStart {
                sentences.append(TextSpan(start: start, end: length))
                sentenceStart = nil
            }
        }

        func document(id: String, path: String) -> Document {
            var document = Document(id: id, source: SourceLocator(path: path, format: nil), text: String(text))
            document.sentences = sentences
            document.entities = entities
            return document
        }
    }
}
