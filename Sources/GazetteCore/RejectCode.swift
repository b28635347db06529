/// Why a document was rejected, as the stable machine-readable `code` of a `gazette.reject/1` line.
///
/// The raw value is the code written in the rejects stream; `docs/REJECT_CODES.md` documents every case
/// (a test checks that the document's tables list exactly these codes).
public enum RejectCode: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    // Files and compression.
    case notFound = "not_found"
    case unreadable = "unreadable"
    case tooLarge = "too_large"
    case gzipTruncated = "gzip_truncated"
    case gzipCorrupt = "gzip_corrupt"
    case gzipTooLarge = "gzip_too_large"
    case brotliTruncated = "brotli_truncated"
    case brotliCorrupt = "brotli_corrupt"
    case brotliTooLarge = "brotli_too_large"
    // Markup safety.
    case tooDeep = "too_deep"
    case externalEntity = "external_entity"
    case entityExpansion = "entity_expansion"
    case xmlMalformed = "xml_malformed"
    case xmlRecovered = "xml_recovered"
    case invalidEncoding = "invalid_encoding"
    // Format-specific.
    case notAFeed = "not_a_feed"
    case noArticles = "no_articles"
    case duplicateID = "duplicate_id"
    case sgmlTruncated = "sgml_truncated"
    case warcMalformed = "warc_malformed"
    case warcBadLength = "warc_bad_length"
    case warcTruncated = "warc_truncated"
    case warcHTTPMalformed = "warc_http_malformed"
    case unsupportedContentEncoding = "unsupported_content_encoding"
    case jsonlMalformed = "jsonl_malformed"
    case jsonlNotObject = "jsonl_not_object"
    case jsonlFieldType = "jsonl_field_type"
    case jsonlNoText = "jsonl_no_text"
    // Cleaning and annotation.
    case invalidUTF8 = "invalid_utf8"
    case binaryContent = "binary_content"
    case htmlUnparseable = "html_unparseable"
    case emptyDocument = "empty_document"
    case unsupportedFormat = "unsupported_format"
    case segmentationFailed = "segmentation_failed"

    /// The code as written in the rejects stream.
    public var description: String { rawValue }
}
