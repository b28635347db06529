import Foundation
import GazetteCore
import GazetteZlib
import GazetteBrotli

/// Reads WARC files as crawlers write them (WARC/0.17, 0.18, 1.0, 1.1): each `response` record with an HTML
/// (or plain-text) HTTP payload becomes one document, and so does a `resource` record holding an HTML or text page
/// with an http(s) target URI (not a crawler's own log, arguments or manifest). `request`, `metadata`, `warcinfo`,
/// `revisit`, … records, non-2xx or non-page responses, `robots.txt` and non-page resources are skipped and counted
/// in `ReadStatistics.skippedRecords`.
///
/// The HTTP headers are stripped; `Transfer-Encoding: chunked` and `Content-Encoding` gzip, deflate and brotli are
/// undone and the Content-Type charset travels with the document (valid UTF-8 wins over a contradicting charset).
/// The id is the WARC-Record-ID, the URL the WARC-Target-URI, `source.index` the record's position in the file
/// (skipped records count). A record cut short (the file ends, or the next record starts inside its declared
/// length) is read as far as it goes; one followed by stray bytes is read at its declared length and reading
/// resumes at the next WARC version line. Both are counted in `ReadStatistics.partial`, and are `warc_truncated` or
/// `warc_bad_length` only when nothing of them can be read.
struct WARCReader: ItemReader {
    let context: ReadContext
    let bytes: [UInt8]
    var offset = 0
    var index = 0
    var done = false

    static let crlf2 = Array("\r\n\r\n".utf8)
    static let lf2 = Array("\n\n".utf8)
    static let magic = Array("WARC/".utf8)

    init(context: ReadContext, bytes: [UInt8]) {
        self.context = context
        self.bytes = bytes
    }

    /// Where a record's block ends and how the record is damaged, if it is.
    struct BlockExtent {
        var end: Int
        var damage: RecordDamage?
    }

    /// What is wrong with a record that is still read as far as it goes.
    enum RecordDamage: String {
        /// The file ends, or the next record starts, inside the declared length.
        case cutShort = "warc record truncated"
        /// Other bytes than blank lines and the next record follow the declared length: the length or the bytes lie.
        case badLength = "warc record with a wrong length"

        /// The reject code when nothing of the record can be read.
        var code: RejectCode { self == .cutShort ? .warcTruncated : .warcBadLength }
    }

    mutating func next(_ statistics: inout ReadStatistics) -> ReadItem? {
        while !done {
            // Skip blank lines between records.
            while offset < bytes.count, bytes[offset] == 0x0D || bytes[offset] == 0x0A { offset += 1 }
            guard offset < bytes.count else {
                done = true
                return index == 0 ? reject(context.path, 0, .noArticles, "the WARC file holds no record") : nil
            }
            let recordIndex = index
            index += 1
            let start = offset
            guard FormatDetector.isWARCVersionLine(bytes[start...]) else {
                let resume = nextRecord(after: start)
                offset = resume ?? bytes.count
                return reject(nil, recordIndex, .warcMalformed, "no WARC/n.n version line at byte \(start)")
            }
            guard let headerEnd = Self.headerEnd(bytes[...], from: start) else {
                done = true
                return reject(nil, recordIndex, .warcTruncated, "the record at byte \(start) ends inside its headers")
            }
            let headers = Self.headers(bytes[start..<headerEnd.start])
            let id = headers["warc-record-id"].map(Self.unbracketed)
            guard let lengthText = headers["content-length"], let length = Int(lengthText.trimmingCharacters(in: .whitespaces)),
                length >= 0
            else {
                offset = nextRecord(after: start) ?? bytes.count
                return reject(id, recordIndex, .warcMalformed, "the record at byte \(start) has no valid Content-Length")
            }
            let extent = blockExtent(start: start, blockStart: headerEnd.end, length: length)
            let record = Record(block: bytes[headerEnd.end..<extent.end], headers: headers, id: id, index: recordIndex,
                                damage: extent.damage)
            if let item = read(record, statistics: &statistics) { return item }
        }
        return nil
    }

    /// Finds where the block that starts at `blockStart` ends and moves `offset` past the record: at the declared
    /// length when blank lines and the next record (or the end) follow it; at the next record or the end of the
    /// file when the record is cut short; at the declared length, damaged, when other bytes follow it (reading goes
    /// on at the next record, as warcio does).
    mutating func blockExtent(start: Int, blockStart: Int, length: Int) -> BlockExtent {
        let (blockEnd, overflow) = blockStart.addingReportingOverflow(length)
        let nextStart = nextRecord(after: blockStart)
        if overflow || blockEnd > bytes.count || (nextStart.map { $0 < blockEnd } ?? false) {
            var end = nextStart ?? bytes.count
            if nextStart != nil { while end > blockStart, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x0A { end -= 1 } }
            offset = nextStart ?? bytes.count
            if nextStart == nil { done = true }
            return BlockExtent(end: end, damage: .cutShort)
        }
        // A record ends with CRLF CRLF; tolerate LF LF, a stray extra newline, or the end of the file.
        var after = blockEnd
        while after < bytes.count, bytes[after] == 0x0D || bytes[after] == 0x0A { after += 1 }
        if after == bytes.count || FormatDetector.isWARCVersionLine(bytes[after...]) {
            offset = after
            return BlockExtent(end: blockEnd, damage: nil)
        }
        offset = nextStart ?? bytes.count
        return BlockExtent(end: blockEnd, damage: .badLength)
    }

    /// One record's block and what its headers say.
    struct Record {
        var block: ArraySlice<UInt8>
        var headers: [String: String]
        var id: String?
        var index: Int
        var damage: RecordDamage?

        /// Whether the record is damaged, so a body cut short is kept as far as it decodes.
        var truncated: Bool { damage != nil }

        var targetURI: String? { headers["warc-target-uri"].map(WARCReader.unbracketed) }
    }

    /// The document or reject a record makes, or nil when it is skipped (and counted).
    func read(_ record: Record, statistics: inout ReadStatistics) -> ReadItem? {
        let type = record.headers["warc-type"]?.lowercased() ?? "unknown"
        switch type {
        case "response":
            if Self.isRobotsTxt(record.targetURI) {
                statistics.skip("warc robots.txt")
                return nil
            }
            return counted(response(record, statistics: &statistics), record: record, statistics: &statistics)
        case "resource":
            // A crawler's own files (wget's log, arguments, manifest) have no http(s) target: they are not pages.
            guard Self.isWebURI(record.targetURI), !Self.isRobotsTxt(record.targetURI) else {
                statistics.skip("warc resource non-page")
                return nil
            }
            let item = payload(record.block, contentType: record.headers["content-type"] ?? "", record: record,
                               skipKind: "warc resource non-page", statistics: &statistics)
            return counted(item, record: record, statistics: &statistics)
        default:
            statistics.skip("warc \(type)")
            return nil
        }
    }

    /// Counts a document read from a damaged record; a damaged record that made nothing readable is
    /// `warc_truncated` (cut short) or `warc_bad_length` (other bytes after its declared length).
    func counted(_ item: ReadItem?, record: Record, statistics: inout ReadStatistics) -> ReadItem? {
        guard let damage = record.damage else { return item }
        switch item {
        case .document?:
            statistics.partial[damage.rawValue, default: 0] += 1
            return item
        case .reject(let rejected)?:
            let what = damage == .cutShort ? "is cut short" : "is followed by stray bytes (its Content-Length is wrong)"
            return reject(record.id, record.index, damage.code,
                          "the record at index \(record.index) \(what) and cannot be read: \(rejected.reason.message)")
        case nil:
            return nil
        }
    }

    /// Whether a target URI is a web page address (http or https).
    static func isWebURI(_ uri: String?) -> Bool {
        guard let uri = uri?.lowercased() else { return false }
        return uri.hasPrefix("http://") || uri.hasPrefix("https://")
    }

    /// Whether a target URI is a site's robots.txt (query and fragment ignored).
    static func isRobotsTxt(_ uri: String?) -> Bool {
        guard let uri = uri?.lowercased() else { return false }
        let path = uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? uri
        return path.hasSuffix("/robots.txt")
    }

    /// A response record: HTTP responses are unwrapped; other payloads are skipped.
    func response(_ record: Record, statistics: inout ReadStatistics) -> ReadItem? {
        let block = record.block
        let contentType = record.headers["content-type"]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/http") else {
            return payload(block, contentType: contentType, record: record, skipKind: "warc response non-html",
                           statistics: &statistics)
        }
        guard let headerEnd = Self.headerEnd(block, from: block.startIndex) else {
            return reject(record.id, record.index, .warcHTTPMalformed, "the HTTP response has no end of headers")
        }
        let statusLine = Self.lines(block[block.startIndex..<headerEnd.start]).first ?? ""
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        guard statusLine.hasPrefix("HTTP/"), let status else {
            return reject(record.id, record.index, .warcHTTPMalformed, "the HTTP status line '\(statusLine.prefix(60))' is not valid")
        }
        guard (200..<300).contains(status) else {
            statistics.skip("warc response HTTP \(status / 100)xx")
            return nil
        }
        let http = Self.headers(block[block.startIndex..<headerEnd.start])
        let mediaType = Self.mediaType(http["content-type"] ?? "")
        guard Self.pageFormat(mediaType) != nil else {
            statistics.skip("warc response non-html")
            return nil
        }
        var body = Array(block[headerEnd.end...])
        if http["transfer-encoding"]?.lowercased().contains("chunked") == true {
            guard let dechunked = Self.dechunk(body, partial: record.truncated) else {
                return reject(record.id, record.index, .warcHTTPMalformed, "the chunked HTTP body is damaged")
            }
            body = dechunked
        }
        switch decoded(body, encoding: http["content-encoding"], partial: record.truncated) {
        case .failure(let reason): return reject(record.id, record.index, reason.code, reason.message)
        case .success(let decodedBody): body = decodedBody
        }
        return payload(body[...], contentType: http["content-type"] ?? "", record: record,
                       skipKind: "warc response non-html", statistics: &statistics)
    }

    /// The body with its HTTP Content-Encoding undone (identity, gzip, deflate, brotli). A record cut short keeps
    /// what its compressed part decodes to.
    func decoded(_ body: [UInt8], encoding: String?, partial: Bool) -> Result<[UInt8], RejectReason> {
        let limit = context.options.maxDocumentBytes
        switch encoding?.lowercased().trimmingCharacters(in: .whitespaces) ?? "identity" {
        case "identity", "":
            return .success(body)
        case "gzip", "x-gzip":
            return Self.kept(Gzip.decompress(body, limit: limit), partial: partial, what: "gzip")
        case "deflate":
            return Self.kept(Gzip.inflateHTTPDeflate(body, limit: limit), partial: partial, what: "deflate")
        case "br":
            let result = Brotli.decompress(body, limit: limit)
            guard let error = result.error else { return .success(result.bytes) }
            if partial, error.kind == .truncated, !result.bytes.isEmpty { return .success(result.bytes) }
            return .failure(RejectReason(code: RejectCode(error.kind), message: "the brotli-encoded HTTP body: \(error.message)"))
        case let other:
            return .failure(RejectReason(code: .unsupportedContentEncoding, message: "HTTP Content-Encoding '\(other)' is not supported"))
        }
    }

    /// A zlib result as a body: complete, or (for a record cut short) what decoded before the end.
    static func kept(_ result: GzipResult, partial: Bool, what: String) -> Result<[UInt8], RejectReason> {
        guard let error = result.error else { return .success(result.bytes) }
        if partial, error.kind == .truncated, !result.bytes.isEmpty { return .success(result.bytes) }
        return .failure(RejectReason(code: RejectCode(error.kind), message: "the \(what)-encoded HTTP body: \(error.message)"))
    }

    /// The media type of a Content-Type value, lower-case, without parameters.
    static func mediaType(_ contentType: String) -> String {
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// The document format of a page's media type: HTML, XHTML and untyped payloads are HTML, text/plain is text;
    /// nil for every other type (images, scripts, style sheets, …).
    static func pageFormat(_ mediaType: String) -> InputFormat? {
        switch mediaType {
        case "text/html", "application/xhtml+xml", "": return .html
        case "text/plain": return .text
        default: return nil
        }
    }

    /// An HTML or plain-text payload as a document; other media types are skipped and counted.
    func payload(_ body: ArraySlice<UInt8>, contentType: String, record: Record, skipKind: String,
                 statistics: inout ReadStatistics) -> ReadItem? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let declared = parts.dropFirst().first { $0.lowercased().hasPrefix("charset=") }
            .map { String($0.dropFirst(8)).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")).lowercased() }
        guard let format = Self.pageFormat(Self.mediaType(contentType)) else {
            statistics.skip(skipKind)
            return nil
        }
        var bytes = Array(body)
        var charset = declared
        if format == .text {
            let decision = CharsetResolver.decide(bytes, transport: declared)
            statistics.record(decision)
            bytes = CharsetResolver.utf8(bytes, decision: decision).bytes
            charset = nil
        } else if let decision = CharsetResolver.decideHTML(bytes, transport: declared) {
            statistics.record(decision)
            charset = decision.charset
        }
        let source = SourceLocator(path: context.path, format: .warc, index: record.index)
        return .document(RawDocument(
            id: record.id ?? context.fallbackID(record.index), source: source, format: format, bytes: bytes,
            url: record.targetURI, charset: charset))
    }

    func reject(_ id: String?, _ index: Int, _ code: RejectCode, _ message: String) -> ReadItem {
        context.reject(id, format: .warc, index: index, code, message)
    }

    /// The start of the next line that is a WARC version line ("WARC/" and a digit) after `position`.
    func nextRecord(after position: Int) -> Int? {
        var from = position + 1
        while let found = FormatDetector.find(Self.magic, in: bytes[...], from: from) {
            if found == 0 || bytes[found - 1] == 0x0A, FormatDetector.isWARCVersionLine(bytes[found...]) { return found }
            from = found + 1
        }
        return nil
    }

    /// Where the header block that starts at `from` ends: the blank line's start and the first byte after it.
    static func headerEnd(_ bytes: ArraySlice<UInt8>, from: Int) -> (start: Int, end: Int)? {
        // One pass: each blank line is seen at its first "\n". "\r\n\r\n" starting at p-1 is found at p, before
        // any "\n\n" starting at p or later, so the earlier start wins as two separate searches would choose.
        let end = bytes.endIndex
        var p = from
        while p < end {
            if bytes[p] == 0x0A {
                if p + 1 < end, bytes[p + 1] == 0x0A { return (p, p + 2) }
                if p - 1 >= from, p + 2 < end, bytes[p - 1] == 0x0D, bytes[p + 1] == 0x0D, bytes[p + 2] == 0x0A {
                    return (p - 1, p + 3)
                }
            }
            p += 1
        }
        return nil
    }

    /// Header lines as a dictionary with lower-cased names (the version or status line is skipped).
    static func headers(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        for line in lines(bytes).dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            result[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    static func lines(_ bytes: ArraySlice<UInt8>) -> [String] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self)
        }
    }

    static func unbracketed(_ value: String) -> String {
        value.hasPrefix("<") && value.hasSuffix(">") ? String(value.dropFirst().dropLast()) : value
    }

    /// Undoes HTTP chunked transfer encoding, or nil when the chunks are damaged; with `partial` (a record cut
    /// short) a last chunk that runs past the end keeps the bytes it has.
    static func dechunk(_ body: [UInt8], partial: Bool = false) -> [UInt8]? {
        var output: [UInt8] = []
        var i = 0
        while i < body.count {
            guard let lineEnd = body[i...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(decoding: body[i..<lineEnd], as: UTF8.self)
                .split(separator: ";").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return nil }
            if size == 0 { return output }
            let start = lineEnd + 1
            guard start + size <= body.count else {
                guard partial else { return nil }
                output.append(contentsOf: body[start...])
                return output
            }
            output.append(contentsOf: body[start..<(start + size)])
            i = start + size
            while i < body.count, body[i] == 0x0D || body[i] == 0x0A { i += 1 }
        }
        return output
    }
}

