/// The input formats Gazette reads.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    case text, html, jsonl, xml, rss, atom, sgml, warc, nitf, newsml
}

/// A document's bytes and what is known of it before cleaning.
public struct RawDocument: Sendable {
    public var id: String
    public var source: SourceLocator
    public var format: InputFormat
    public var bytes: [UInt8]
    /// Metadata the reader already knows (from JSONL fields, feed items, …).
    public var url: String?
    public var title: String?
    public var published: String?
    public var language: String?
    /// The charset the transport declared (HTTP Content-Type in a WARC record); it wins over `<meta charset>`.
    public var charset: String?

    public init(id: String, source: SourceLocator, format: InputFormat, bytes: [UInt8], url: String? = nil,
                title: String? = nil, published: String? = nil, language: String? = nil, charset: String? = nil) {
        self.id = id
        self.source = source
        self.format = format
        self.bytes = bytes
        self.url = url
        self.title = title
        self.published = published
        self.language = language
        self.charset = charset
    }
}

/// Why a document was rejected: a stable code and a message naming the problem.
public struct RejectReason: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable machine-readable code (`.invalidUTF8` is "invalid_utf8", …).
    public var code: RejectCode
    /// What is wrong, for a person.
    public var message: String

    public init(code: RejectCode, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

/// A document that could not be processed, as written to the rejects stream.
public struct Reject: Error, Sendable, Equatable {
    public var id: String
    public var source: SourceLocator
    public var reason: RejectReason

    public init(id: String, source: SourceLocator, reason: RejectReason) {
        self.id = id
        self.source = source
        self.reason = reason
    }
}
