import Foundation
import GazetteCore
import GazetteOutput

/// One problem found in a gold file.
public struct GoldIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int
    /// The document id, when the line has one.
    public var document: String?
    public var message: String

    public var description: String {
        "\(path):\(line): \(document.map { "\($0): " } ?? "")\(message)"
    }
}

/// Checks gold JSONL files before they are trusted for scoring (`gazette eval --check`).
///
/// Per line: the line is a `gazette.article/1` object; entity and relation types are known; entity offsets lie
/// inside the text, are not empty, and the text between them equals the entity's `text`; entity and relation ids
/// are present and not repeated in the document; relation heads and tails name entities of the document; a
/// `said` relation has a statement, other types a tail; statement, evidence and sentence spans lie inside the
/// text; an entity's `sentence` index exists and its sentence holds the entity. Across files: no document id twice.
/// In a directory, a `*.jsonl` file whose first line is not a Gazette record is skipped and listed.
public struct GoldValidator: Sendable {
    public init() {}

    /// Every issue of the files and directories (their `*.jsonl` files); unreadable files are an error.
    public func check(_ paths: [String]) throws(EvalInputError) -> (documents: Int, issues: [GoldIssue], skipped: [String]) {
        var issues: [GoldIssue] = []
        var skipped: [String] = []
        var seen: [String: String] = [:]
        var documents = 0
        for (file, listed) in try InputFiles.expandMarked(paths, accept: { $0.hasSuffix(".jsonl") }) {
            let lines = try InputFiles.lines(of: file)
            // Other JSONL kept beside the gold in a directory is not gold (as AnnotatedCorpus.loadJSONL).
            if listed, let first = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }),
                !AnnotatedCorpus.isGazetteRecord(first)
            {
                skipped.append(file)
                continue
            }
            for (offset, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
                documents += 1
                let found = check(line: line)
                let id = found.id
                for message in found.messages {
                    issues.append(GoldIssue(path: file, line: offset + 1, document: id, message: message))
                }
                if let id {
                    if let first = seen[id] {
                        issues.append(GoldIssue(path: file, line: offset + 1, document: id, message: "duplicate document id (first at \(first))"))
                    } else {
                        seen[id] = "\(file):\(offset + 1)"
                    }
                }
            }
        }
        return (documents, issues, skipped)
    }

    /// The issues of one line, and the document id when it has one.
    public func check(line: Substring) -> (id: String?, messages: [String]) {
        guard var record = try? ArticleRecord.decode(line) else { return (nil, ["not a JSON object"]) }
        let id = record.id
        var messages: [String] = []
        // Checks the decoder does not make, or makes only one at a time: every unknown type and missing id.
        for (index, raw) in (record.entities ?? []).enumerated() {
            let name = raw.id ?? "entity \(index)"
            if raw.id == nil { messages.append("entity \(index) has no id") }
            if let type = raw.type, raw.entityType == nil { messages.append("\(name): unknown entity type '\(type)'") }
        }
        for (index, raw) in (record.relations ?? []).enumerated() {
            let name = raw.id ?? "relation \(index)"
            if raw.id == nil { messages.append("relation \(index) has no id") }
            if let type = raw.type, raw.relationType == nil { messages.append("\(name): unknown relation type '\(type)'") }
        }
        // Entities and relations of unknown types are left out so that the rest of the line is still checked.
        record.entities = record.entities?.filter { $0.entityType != nil }
        record.relations = record.relations?.filter { $0.relationType != nil }
        let document: Document
        do {
            document = try record.document()
        } catch {
            messages.append(error.message)
            return (id, messages)
        }
        return (id, messages + check(document))
    }

    /// The issues of a decoded document.
    public func check(_ document: Document) -> [String] {
        var messages: [String] = []
        let length = document.text.unicodeScalars.count
        func inside(_ span: TextSpan) -> Bool { span.start >= 0 && span.start <= span.end && span.end <= length }
        for (index, sentence) in document.sentences.enumerated() where !inside(sentence) {
            messages.append("sentence \(index) [\(sentence.start),\(sentence.end)) is outside the text (\(length) scalars)")
        }
        var entityIDs: Set<String> = []
        for entity in document.entities {
            if !entityIDs.insert(entity.id).inserted { messages.append("duplicate entity id \(entity.id)") }
            let span = entity.span
            guard inside(span), span.length > 0 else {
                messages.append("\(entity.id): offsets [\(span.start),\(span.end)) are not a non-empty span inside the text (\(length) scalars)")
                continue
            }
            let found = document.text(of: span)
            if found != entity.text {
                messages.append("\(entity.id): text \"\(entity.text)\" but the text at [\(span.start),\(span.end)) is \"\(found)\"")
            }
            if !document.sentences.isEmpty {
                if !document.sentences.indices.contains(entity.sentence) {
                    messages.append("\(entity.id): sentence \(entity.sentence) does not exist")
                } else if !document.sentences[entity.sentence].contains(span) {
                    messages.append("\(entity.id): not inside its sentence \(entity.sentence)")
                }
            }
        }
        var relationIDs: Set<String> = []
        for relation in document.relations {
            if !relationIDs.insert(relation.id).inserted { messages.append("duplicate relation id \(relation.id)") }
            if document.entity(relation.head) == nil {
                messages.append("\(relation.id): head \(relation.head) is not an entity of the document")
            }
            if let tail = relation.tail, document.entity(tail) == nil {
                messages.append("\(relation.id): tail \(tail) is not an entity of the document")
            }
            if relation.type == .said {
                if relation.statement == nil { messages.append("\(relation.id): a said relation needs a statement span") }
            } else if relation.tail == nil {
                messages.append("\(relation.id): a \(relation.type.rawValue) relation needs a tail")
            }
            if let statement = relation.statement, !inside(statement) || statement.length == 0 {
                messages.append("\(relation.id): statement [\(statement.start),\(statement.end)) is not a non-empty span inside the text")
            }
            if !inside(relation.evidence) {
                messages.append("\(relation.id): evidence [\(relation.evidence.start),\(relation.evidence.end)) is outside the text")
            }
        }
        return messages
    }
}
