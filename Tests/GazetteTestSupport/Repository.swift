import Foundation
import GazetteCore
import GazettePipeline

/// Paths of the repository, found from this file, so tests run from any directory.
public enum Repository {
    /// The repository root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static func path(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The seed article, as committed in Corpora/.
    public static let seed = path("Corpora/en/coalition-of-the-willing.txt")
    public static let gazetteers = path("Gazetteers")
    public static let articleSchema = path("Schemas/gazette.article-1.schema.json")
    public static let rejectSchema = path("Schemas/gazette.reject-1.schema.json")

    /// The repository's gazetteer, loaded and compiled once for all tests.
    public static let resources: AnnotationResources = {
        do {
            return try AnnotationResources(gazetteerDirectory: gazetteers)
        } catch {
            fatalError("the repository's gazetteer does not load: \(error)")
        }
    }()

    /// Annotates a text as the CLI would, with a fixed date so results do not depend on the day.
    public static func annotate(_ text: String, id: String = "test", format: InputFormat = .text,
                                title: String? = nil, published: String? = nil, language: String? = nil,
                                asOf: String? = "2025-09-04") throws -> Document {
        let annotator = try Annotator(resources: resources, asOf: asOf)
        let raw = RawDocument(id: id, source: SourceLocator(path: id, format: format), format: format,
                              bytes: Array(text.utf8), title: title, published: published, language: language)
        return try annotator.annotate(raw).get()
    }

    /// A fresh temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Document {
    /// Entities of a type, as (text, kb) pairs, for compact assertions.
    public func mentions(_ type: EntityType) -> [(text: String, kb: String?)] {
        entities.filter { $0.type == type }.map { ($0.text, $0.kb) }
    }

    /// Relations as readable strings: "leader_of(Emmanuel Macron -> France, president)".
    public var relationSummaries: [String] {
        relations.map { relation in
            let head = entity(relation.head)?.canonical ?? relation.head
            let tail = relation.tail.flatMap { entity($0)?.canonical } ?? relation.statement.map { "[\($0.start),\($0.end))" } ?? "?"
            return "\(relation.type.rawValue)(\(head) -> \(tail)\(relation.role.map { ", \($0)" } ?? ""))"
        }
    }
}
