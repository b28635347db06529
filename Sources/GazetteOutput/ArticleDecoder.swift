import GazetteCore

/// Why a line could not be read as a `gazette.article/1` record.
public struct ArticleDecodingError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Reads `gazette.article/1` lines back into documents (for evaluation, indexing and export), through the
/// contract's one decoder, `ArticleRecord`.
public struct ArticleDecoder: Sendable {
    public init() {}

    /// A document from one JSON line of Gazette's output or of a gold file.
    public func decode(_ line: some StringProtocol) throws(ArticleDecodingError) -> Document {
        try ArticleRecord.decode(line).document()
    }
}
